import Foundation
import GDAL

/// After writing, opens the GeoJSON and CSV again with GDAL and compares the feature count and the
/// first records with what was meant to be written: a file that GDAL cannot read, or reads
/// differently, never reaches the public.
///
/// Not `Sendable`: it remembers a few records of one dataset while they are written.
final class ReadBackCheck {
    /// How many of the first records are compared value by value.
    static let sampleSize = 20

    private struct Expected {
        var rowNumber: Int
        /// Canonical text per field; nil for null.
        var values: [String?]
        /// The first coordinate, rounded as published.
        var firstPosition: (x: Double, y: Double)?
    }

    private let table: OutputTable
    private let encodings: [ValueEncoding]
    private let formatter: CoordinateFormatter
    private var sample: [Expected] = []
    private let scratch = ByteBuffer()

    init(table: OutputTable) {
        self.table = table
        encodings = table.fields.map(ValueEncoding.init)
        formatter = CoordinateFormatter(precision: table.precision)
    }

    /// Remembers the record when it is among the first ones. Call after the writers accepted it.
    func observe(_ record: Record) throws {
        guard sample.count < Self.sampleSize else { return }
        var values: [String?] = []
        for (index, encoding) in encodings.enumerated() {
            guard index < record.values.count, let text = record.values[index] else {
                values.append(nil)
                continue
            }
            if text.isEmpty && encoding.isBareInJSON {
                values.append(nil)
                continue
            }
            scratch.removeAll()
            try encoding.appendCanonical(text, to: scratch)
            values.append(scratch.string())
        }
        sample.append(Expected(rowNumber: record.rowNumber, values: values, firstPosition: Self.firstPosition(of: record.geometry).map {
            (formatter.rounded($0.x), formatter.rounded($0.y))
        }))
    }

    /// Checks the GeoJSON at `path`, which should hold `count` features.
    func checkGeoJSON(at path: String, count: Int) throws {
        try check(path: path, format: "GeoJSON", count: count, options: Dataset.OpenOptions(
            openOptions: ["DATE_AS_STRING": "YES", "ARRAY_AS_STRING": "YES"], allowedDrivers: ["GeoJSON"]
        ))
    }

    /// Checks the CSV at `path`, which should hold `count` rows.
    func checkCSV(at path: String, count: Int) throws {
        try check(path: path, format: "CSV", count: count, options: Dataset.OpenOptions(
            openOptions: ["EMPTY_STRING_AS_NULL": "YES", "AUTODETECT_TYPE": "NO"], allowedDrivers: ["CSV"]
        ))
    }

    private func check(path: String, format: String, count: Int, options: Dataset.OpenOptions) throws {
        let name = (path as NSString).lastPathComponent
        func mismatch(_ what: String, row: Int? = nil) -> LumpiniError {
            LumpiniError(
                "read-back-mismatch", "GDAL reads the written \(format) differently: \(what)", kind: .internal,
                file: name, row: row, hint: "this is a bug in Lumpini's writer; the version was not published"
            )
        }
        do {
            let dataset = try Dataset.open(path, options: options)
            let layer = try dataset.layer(at: 0)
            let found = try layer.featureCount() ?? -1
            guard found == count else { throw mismatch("\(found) features instead of \(count)") }
            let fieldNames = layer.fields.map(\.name)
            let columns = table.fields.map { field in fieldNames.firstIndex(of: field.name) }
            try layer.resetReading()
            for expected in sample {
                guard let feature = try layer.nextFeature() else { throw mismatch("fewer features than written", row: expected.rowNumber) }
                for (index, field) in table.fields.enumerated() {
                    let actual = columns[index].map { Self.text(of: feature.value(at: $0)) } ?? nil
                    var written = expected.values[index]
                    if format == "CSV" {
                        // A CSV cannot tell an empty text from null: both are an empty cell.
                        written = written.flatMap { $0.isEmpty ? nil : Self.joinedAsGDALReadsCSV($0) }
                    }
                    guard Self.same(actual, written, type: field.type) else {
                        throw mismatch("field \"\(field.name)\" reads as \(actual ?? "null") instead of \(expected.values[index] ?? "null")", row: expected.rowNumber)
                    }
                }
                if format == "GeoJSON", let position = expected.firstPosition {
                    guard let read = Self.firstPosition(of: feature.geometry),
                          abs(read.x - position.x) < 1e-9, abs(read.y - position.y) < 1e-9 else {
                        throw mismatch("the geometry does not match", row: expected.rowNumber)
                    }
                }
            }
            try layer.resetReading()
        } catch let error as GDALError {
            throw mismatch("GDAL cannot read it back (\(error.message))")
        }
    }

    /// GDAL's CSV reader joins the lines of a quoted multi-line cell with "\n", whatever line ends
    /// the cell had ("\r\n" in the community addresses): the cell was written right.
    private static func joinedAsGDALReadsCSV(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    private static func firstPosition(of geometry: Geometry?) -> (x: Double, y: Double)? {
        var current = geometry
        while let shape = current, !shape.isEmpty {
            if shape.pointCount > 0 { return shape.point(at: 0) }
            current = shape.geometry(at: 0)
        }
        return nil
    }

    private static func text(of value: FieldValue) -> String? {
        switch value {
        case .unset, .null: return nil
        case .integer(let number): return String(number)
        case .real(let number): return String(number)
        case .string(let text): return text
        case .boolean(let flag): return flag ? "true" : "false"
        default: return "\(value)"
        }
    }

    /// Equal as published: null and the empty string alike (CSV cannot tell them apart), line breaks
    /// without their carriage returns (GDAL reads a quoted CRLF as LF), numbers by value.
    private static func same(_ actual: String?, _ expected: String?, type: OutputFieldType) -> Bool {
        let actual = actual.flatMap { $0.isEmpty ? nil : $0.replacingOccurrences(of: "\r", with: "") }
        let expected = expected.flatMap { $0.isEmpty ? nil : $0.replacingOccurrences(of: "\r", with: "") }
        guard let actual, let expected else { return actual == nil && expected == nil }
        switch type {
        case .number:
            guard let a = Double(actual), let e = Double(expected) else { return actual == expected }
            return a == e || abs(a - e) <= 1e-12 * max(abs(a), abs(e))
        case .boolean:
            return actual == expected || (actual == "1" && expected == "true") || (actual == "0" && expected == "false")
        default:
            return actual == expected
        }
    }
}
