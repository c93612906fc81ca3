import Foundation
import GDAL

/// Writes an RFC 7946 FeatureCollection: WGS 84 lon/lat, rings wound by the right-hand rule,
/// coordinates at the table's precision, `id` from the primary key, numbers and booleans as JSON
/// values, a `bbox`, no `crs`. One feature per line; identical input gives identical bytes.
///
/// The `bbox` is the collection's last member (JSON members are unordered), so the file streams
/// in one pass whatever its size.
final class GeoJSONWriter {
    let format = PublishedFormat.geoJSON
    @exclusivity(unchecked) private var file: BufferedFileWriter
    private let fileName: String
    private let encodings: [ValueEncoding]
    private let fieldNames: [String]
    /// `"name":` for each field, escaped once, one after the other; each ends at its `propertyKeyEnds`.
    private let propertyKeys = ByteBuffer()
    private let propertyKeyEnds: [Int]
    private let keyIndices: [Int]
    private let idIsNumeric: Bool
    private let geometry: GeometryEncoder
    /// A variable for the JSON appends, which mutate; unchecked like `ByteBuffer`, as it is used for every value.
    @exclusivity(unchecked) private var row = ByteBuffer(capacity: 1 << 16)
    private(set) var featureCount = 0

    /// - Parameter follower: reads the file as it is written (the catalogue's feature index).
    init(path: String, table: OutputTable, follower: (any FileFollower)? = nil) throws {
        file = try BufferedFileWriter(path: path, follower: follower)
        fileName = (path as NSString).lastPathComponent
        encodings = table.fields.map(ValueEncoding.init)
        fieldNames = table.fields.map(\.name)
        var keys = propertyKeys
        propertyKeyEnds = table.fields.map { field in
            keys.jsonString(field.name)
            keys.append(UInt8(ascii: ":"))
            return keys.count
        }
        keyIndices = try table.primaryKeyIndices()
        idIsNumeric = keyIndices.count == 1 && table.fields[keyIndices[0]].type == .integer
        geometry = GeometryEncoder(syntax: .geoJSON, precision: table.precision)
        file.append("{\"type\":\"FeatureCollection\",\"features\":[")
    }

    func write(_ record: Record) throws {
        // The buffers in locals for the row: through the properties, every append would retain and
        // release them (a call might replace what a property holds).
        var row = self.row
        var file = self.file
        row.removeAll()
        row.append(featureCount == 0 ? "\n" : ",\n")
        row.append("{\"type\":\"Feature\",")
        do {
            try appendID(record, to: &row)
            row.append("\"geometry\":")
            if let shape = record.geometry, !shape.isEmpty {
                try geometry.append(shape, to: row)
            } else {
                row.append("null")
            }
            row.append(",\"properties\":{")
            // Elements used where they lie, not copied out of their arrays (a copy retains their text).
            try encodings.withUnsafeBufferPointer { encodings in
                try record.values.withUnsafeBufferPointer { values in
                    var keyStart = 0
                    for index in encodings.indices {
                        if index > 0 { row.append(UInt8(ascii: ",")) }
                        let keyEnd = propertyKeyEnds[index]
                        row.append(UnsafeRawBufferPointer(start: propertyKeys.base + keyStart, count: keyEnd - keyStart))
                        keyStart = keyEnd
                        try encodings[index].appendJSON(index < values.count ? values[index] : nil, to: &row, field: fieldNames[index])
                    }
                }
            }
        } catch var error as LumpiniError {
            error.row = error.row ?? record.rowNumber
            error.file = error.file ?? fileName
            throw error
        }
        row.append("}}")
        file.append(row.bytes)
        try file.endItem()
        featureCount += 1
    }

    func finish() throws -> Manifest.File {
        file.append(featureCount == 0 ? "]" : "\n]")
        if let box = geometry.extent {
            row.removeAll()
            row.append(",\"bbox\":[")
            for (index, value) in box.bbox.enumerated() {
                if index > 0 { row.append(UInt8(ascii: ",")) }
                geometry.formatter.write(value, to: row)
            }
            row.append(UInt8(ascii: "]"))
            file.append(row.bytes)
        }
        file.append("}\n")
        let (size, sha256) = try file.finish()
        return Manifest.File(path: fileName, format: format.rawValue, mediaType: format.mediaType, size: size, sha256: sha256, role: .data)
    }

    /// The extent of every coordinate written (rounded), nil when there was none.
    var extent: Envelope? { geometry.extent }

    private func appendID(_ record: Record, to row: inout ByteBuffer) throws {
        guard let id = Self.id(of: record, keyIndices: keyIndices) else { return }
        row.append("\"id\":")
        if idIsNumeric {
            try encodings[keyIndices[0]].appendCanonical(id, to: row, field: fieldNames[keyIndices[0]])
        } else {
            row.jsonString(id)
        }
        row.append(UInt8(ascii: ","))
    }

    /// The primary key's values joined by `/`; nil without a key or when a part of it is null. A key
    /// of one column is its value, taken without building the list of parts on every row.
    private static func id(of record: Record, keyIndices: [Int]) -> String? {
        if keyIndices.count == 1 { return keyIndices[0] < record.values.count ? record.values[keyIndices[0]] : nil }
        guard !keyIndices.isEmpty else { return nil }
        let parts = keyIndices.map { $0 < record.values.count ? record.values[$0] : nil }
        guard parts.allSatisfy({ $0 != nil }) else { return nil }
        return parts.map { $0! }.joined(separator: "/")
    }

}
