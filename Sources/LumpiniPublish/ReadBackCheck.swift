import Foundation
import GDAL

/// After writing, opens the GeoJSON and CSV again and compares the feature count and the first
/// records with what was meant to be written: a file that cannot be read, or reads differently,
/// never reaches the public.
///
/// The GeoJSON is read with GDAL. The CSV is read with GDAL's CSV driver too, with no line-length
/// limit, when GDAL 3.6 reads it as the comma-separated file it is: that driver has no option to set
/// the separator (GDAL 3.7 added one) and guesses it from the header line, so a header holding a `;`,
/// a tab or (in a single column) a space before any comma, and a CSV of more than 2,000 columns (GDAL
/// drops the others), are read with Lumpini's own RFC 4180 `CSVReader`, comma dialect, instead
/// (`readers` says which). docs/publishing.md explains why.
///
/// Files above `fullCheckLimit` bytes (64 MB) are checked in two parts, because GDAL's GeoJSON driver
/// parses a whole file when it opens it, which for a large file costs more than writing it did:
/// Lumpini counts the records in one pass over the bytes, and GDAL opens the
/// file's own leading bytes (its first records, the collection closed after them) and compares them.
/// A large file of no more records than that (one feature of millions of vertices) is opened whole.
///
/// Not `Sendable`: it remembers a few records of one dataset while they are written.
final class ReadBackCheck {
    /// How many of the first records are compared value by value.
    static let sampleSize = 20
    /// GDAL 3.6's CSV driver reads this many columns and drops the rest (`OGR_CSV_MAX_FIELD_COUNT`;
    /// raising it still stops at 100,000), so wider CSVs are read back with `CSVReader`.
    static let gdalCSVColumnLimit = 2_000
    /// GDAL 3.6's JSON reader stops at a string longer than this ("Too many characters"), whatever
    /// `OGR_GEOJSON_MAX_OBJ_SIZE` says: a GeoJSON holding a longer text value opens in no GDAL-based tool.
    static let gdalJSONStringLimit = 10_000_000
    /// Files up to this many bytes are opened whole by GDAL.
    let fullCheckLimit: Int

    private struct Expected: Sendable {
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
    /// The longest text value seen, in bytes, and its row.
    private var longestText = (bytes: 0, row: 0)
    private let scratch = ByteBuffer()

    /// Each file checked so far: its format and what read it back, for the dataset's README.
    private(set) var readers: [(format: String, reader: ReadBackReader)] = []
    /// Whether GDAL 3.6 would take another separator than the comma for the written CSV (its header
    /// holds a `;`, a tab or a lone space), which the dataset's README then warns about.
    private(set) var csvSeparatorMisread = false

    init(table: OutputTable, fullCheckLimit: Int = 64 << 20) {
        self.table = table
        self.fullCheckLimit = fullCheckLimit
        encodings = table.fields.map(ValueEncoding.init)
        formatter = CoordinateFormatter(precision: table.precision)
    }

    /// Remembers the record when it is among the first ones. Call after the writers accepted it.
    func observe(_ record: Record) throws {
        for case let value? in record.values where value.utf8.count > longestText.bytes {
            longestText = (value.utf8.count, record.rowNumber)
        }
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
            try encoding.appendCanonical(text, to: scratch, field: table.fields[index].name)
            values.append(scratch.string())
        }
        sample.append(Expected(rowNumber: record.rowNumber, values: values, firstPosition: Self.firstPosition(of: record.geometry).map {
            (formatter.rounded($0.x), formatter.rounded($0.y))
        }))
    }

    /// Checks the written GeoJSON and CSV (either may be absent), which should hold `count` records each.
    /// The two files are read back at the same time, each by a thread of its own with its own GDAL
    /// handles: GDAL reading a whole file of some tens of MB back is most of a small publish's last second.
    /// A failure of the GeoJSON's check is reported before the CSV's, as when they ran one after the other.
    /// - Throws: `LumpiniError` (data) when a text value is longer than GDAL reads in a GeoJSON.
    func check(geoJSON: String?, csv: String?, count: Int) throws {
        var checks: [@Sendable () throws -> Void] = []
        let files = WrittenFiles(table: table, sample: sample, fullCheckLimit: fullCheckLimit)
        if let geoJSON {
            guard longestText.bytes <= Self.gdalJSONStringLimit else {
                throw LumpiniError(
                    "text-too-long-for-geojson",
                    "a text value of \(longestText.bytes >> 20) MB: GDAL reads no JSON string over 10 MB, so GDAL-based tools (QGIS, ogr2ogr) could not open the GeoJSON",
                    kind: .data, file: (geoJSON as NSString).lastPathComponent, row: longestText.row,
                    hint: "publish the dataset without GeoJSON (outputs.formats in dataset.yaml), or keep text that long out of the data")
            }
            readers.append(("GeoJSON", .gdal))
            checks.append { try files.checkGeoJSON(at: geoJSON, count: count) }
        }
        if let csv {
            // GDAL where GDAL 3.6 reads it whole and as comma-separated, else Lumpini's `CSVReader`.
            csvSeparatorMisread = GDALCSVSeparator.guess(headerOf: csv) != UInt8(ascii: ",")
            let reader: ReadBackReader = table.fields.count <= Self.gdalCSVColumnLimit && !csvSeparatorMisread ? .gdal : .lumpiniCSVReader
            readers.append(("CSV", reader))
            checks.append { try files.checkCSV(at: csv, count: count, reader: reader) }
        }
        try ConcurrentWork.perform(iterations: checks.count) { [checks] in try checks[$0]() }
    }

    /// Reading the written files back: what was meant to be written, and nothing that changes while the
    /// files are read, so each file's check may run on a thread of its own.
    private struct WrittenFiles: Sendable {
        let table: OutputTable
        let sample: [Expected]
        let fullCheckLimit: Int

        func checkGeoJSON(at path: String, count: Int) throws {
            try check(path: path, format: "GeoJSON", layout: .geoJSONLines, count: count, options: Dataset.OpenOptions(
                openOptions: ["DATE_AS_STRING": "YES", "ARRAY_AS_STRING": "YES"], allowedDrivers: ["GeoJSON"]
            ))
        }

        func checkCSV(at path: String, count: Int, reader: ReadBackReader) throws {
            guard reader == .gdal else { return try checkWithCSVReader(at: path, count: count) }
            try check(path: path, format: "CSV", layout: .csv, count: count, options: Dataset.OpenOptions(
                openOptions: ["EMPTY_STRING_AS_NULL": "YES", "AUTODETECT_TYPE": "NO", "MAX_LINE_SIZE": "-1"], allowedDrivers: ["CSV"]
            ))
        }

        private func check(path: String, format: String, layout: RecordBoundaryScan.Layout, count: Int, options: Dataset.OpenOptions) throws {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            guard size > fullCheckLimit else {
                return try check(path: path, name: (path as NSString).lastPathComponent, format: format, count: count, options: options)
            }
            let scan = try RecordBoundaryScan(path: path, layout: layout, keep: ReadBackCheck.sampleSize)
            guard scan.records == count, scan.closed else {
                throw LumpiniError(
                    "read-back-mismatch", "the written \(format) holds \(scan.records) records instead of \(count)\(scan.closed ? "" : " and is not complete")",
                    kind: .internal, file: (path as NSString).lastPathComponent, hint: "this is a bug in Lumpini's writer; the version was not published"
                )
            }
            guard scan.sampled else {
                return try check(path: path, name: (path as NSString).lastPathComponent, format: format, count: count, options: options)
            }
            let sample = FileManager.default.temporaryDirectory
                .appendingPathComponent("lumpini-read-back-\(UUID().uuidString).\((path as NSString).pathExtension)")
            try Data(scan.sampleDocument(layout)).write(to: sample)
            defer { try? FileManager.default.removeItem(at: sample) }
            try check(
                path: sample.path, name: "the first \(ReadBackCheck.sampleSize) records of \((path as NSString).lastPathComponent)",
                format: format, count: min(count, ReadBackCheck.sampleSize), options: options
            )
        }

        private func mismatch(_ what: String, reader: ReadBackReader = .gdal, format: String, file: String, row: Int? = nil) -> LumpiniError {
            LumpiniError(
                "read-back-mismatch", "\(reader.rawValue) reads the written \(format) differently: \(what)", kind: .internal,
                file: file, row: row, hint: "this is a bug in Lumpini's writer; the version was not published"
            )
        }

        /// For each field of the table, the column of that name among `names` (the first one), or nil.
        private func columns(of names: [String]) -> [Int?] {
            var position: [String: Int] = [:]
            for (index, name) in names.enumerated() where position[name] == nil { position[name] = index }
            return table.fields.map { position[$0.name] }
        }

        private func check(path: String, name: String, format: String, count: Int, options: Dataset.OpenOptions) throws {
            do {
                let dataset = try Dataset.open(path, options: options)
                let layer = try dataset.layer(at: 0)
                let found = try layer.featureCount() ?? -1
                guard found == count else { throw mismatch("\(found) features instead of \(count)", format: format, file: name) }
                let columns = columns(of: layer.fields.map(\.name))
                try layer.resetReading()
                for expected in sample {
                    guard let feature = try layer.nextFeature() else {
                        throw mismatch("fewer features than written", format: format, file: name, row: expected.rowNumber)
                    }
                    try compare(expected, format: format, file: name) { index in
                        columns[index].map { ReadBackCheck.text(of: feature.value(at: $0)) } ?? nil
                    }
                    if format == "GeoJSON", let position = expected.firstPosition {
                        guard let read = ReadBackCheck.firstPosition(of: feature.geometry),
                              abs(read.x - position.x) < 1e-9, abs(read.y - position.y) < 1e-9 else {
                            throw mismatch("the geometry does not match", format: format, file: name, row: expected.rowNumber)
                        }
                    }
                }
                try layer.resetReading()
            } catch let error as GDALError {
                throw mismatch("GDAL cannot read it back (\(error.message))", format: format, file: name)
            }
        }

        /// Reads the whole CSV with `CSVReader` (comma, UTF-8, RFC 4180): the header names, the row
        /// count, and the first rows value by value.
        private func checkWithCSVReader(at path: String, count: Int) throws {
            let name = (path as NSString).lastPathComponent
            let reader = try CSVReader(path: path, dialect: CSVDialect(), encoding: "UTF-8")
            var row = CellRow()
            guard try reader.next(into: &row) else {
                throw mismatch("it has no header row", reader: .lumpiniCSVReader, format: "CSV", file: name)
            }
            let header = row.strings.map { $0 ?? "" }
            let columns = columns(of: header)
            if let missing = columns.firstIndex(where: { $0 == nil }) {
                throw mismatch("the header has no column \"\(table.fields[missing].name)\"", reader: .lumpiniCSVReader, format: "CSV", file: name)
            }
            var found = 0
            while try reader.next(into: &row) {
                if found < sample.count {
                    try compare(sample[found], reader: .lumpiniCSVReader, format: "CSV", file: name) { index in
                        columns[index].flatMap { $0 < row.count ? row.string($0) : nil }
                    }
                }
                found += 1
            }
            if reader.unclosedQuoteRow != nil || found != count {
                throw mismatch("\(found) rows instead of \(count)\(reader.unclosedQuoteRow == nil ? "" : ", a quote never closes")",
                               reader: .lumpiniCSVReader, format: "CSV", file: name)
            }
        }

        /// Compares the remembered record with what a reader gives for each field (`actual(index)`).
        private func compare(_ expected: Expected, reader: ReadBackReader = .gdal, format: String, file: String, actual: (Int) -> String?) throws {
            for (index, field) in table.fields.enumerated() {
                let read = actual(index)
                var written = expected.values[index]
                if format == "CSV" {
                    // A CSV cannot tell an empty text from null: both are an empty cell.
                    written = written.flatMap { $0.isEmpty ? nil : (reader == .gdal ? ReadBackCheck.joinedAsGDALReadsCSV($0) : $0) }
                }
                guard ReadBackCheck.same(read, written, type: field.type) else {
                    throw mismatch(
                        "field \"\(field.name)\" reads as \(read ?? "null") instead of \(expected.values[index] ?? "null")",
                        reader: reader, format: format, file: file, row: expected.rowNumber
                    )
                }
            }
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

/// What the read-back check opened a written file with.
enum ReadBackReader: String, Sendable {
    case gdal = "GDAL"
    /// Lumpini's own `CSVReader` (RFC 4180, comma, UTF-8), for CSVs whose separator GDAL 3.6 would guess wrong.
    case lumpiniCSVReader = "Lumpini's RFC 4180 CSV reader"
}
