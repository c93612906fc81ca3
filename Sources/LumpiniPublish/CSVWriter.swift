import Foundation

/// Writes the CSV of a version: UTF-8 (with a BOM when the dataset asks for one, for Excel),
/// a header row, then one row per record, encoded by a `CSVRowEncoder`.
final class CSVWriter {
    let format = PublishedFormat.csv
    @exclusivity(unchecked) private var file: BufferedFileWriter
    private let fileName: String
    let encoder: CSVRowEncoder

    /// - Parameter encoder: shared with the changelog, which fingerprints each encoded row.
    init(path: String, encoder: CSVRowEncoder, byteOrderMark: Bool) throws {
        file = try BufferedFileWriter(path: path)
        fileName = (path as NSString).lastPathComponent
        self.encoder = encoder
        if byteOrderMark { file.append("\u{FEFF}") }
        encoder.encodeHeader()
        file.append(encoder.row.bytes)
    }

    /// Writes the row the encoder holds (the caller encoded it once for all consumers).
    func writeEncodedRow() throws {
        file.append(encoder.row.bytes)
        try file.endItem()
    }

    func write(_ record: Record) throws {
        do {
            try encoder.encode(record)
        } catch var error as LumpiniError {
            error.file = error.file ?? fileName
            throw error
        }
        try writeEncodedRow()
    }

    func finish() throws -> Manifest.File {
        let (size, sha256) = try file.finish()
        return Manifest.File(path: fileName, format: format.rawValue, mediaType: format.mediaType, size: size, sha256: sha256, role: .data)
    }
}
