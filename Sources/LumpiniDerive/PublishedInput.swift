import Foundation

/// One published file of an input, opened for reading: only a regular file inside the public tree
/// (no link leading out of it), whose bytes hash to what its manifest recorded, so that the SHA-256 in
/// `derivedFrom` is the hash of the bytes read.
struct PublishedInput {
    let source: DerivedSource
    /// `<id>/v<N>/<file>`, for messages.
    let place: String
    let reader: SourceReader
    /// Field names → positions in the records' values.
    private let positions: [String: Int]

    /// - Throws: `derive-input-refused` for a file that is not a regular file inside the tree,
    ///   `derive-input-changed` when its bytes differ from its manifest's checksum.
    init(_ source: DerivedSource, in tree: ReleaseTree) throws {
        self.source = source
        place = "\(source.id)/v\(source.version)/\(source.file)"
        let url = tree.versionDirectory(source.id, version: source.version).appendingPathComponent(source.file)
        guard FileSystemEntry.kind(of: url.path) == S_IFREG, FileSystemEntry.resolves(url, inside: tree.root) else {
            throw LumpiniError(
                "derive-input-refused", "\(place) is not a regular file inside the public tree", kind: .data, file: url.path,
                hint: "run `lumpini verify \(source.id)` and `lumpini repair`"
            )
        }
        let digest = try FileDigest.sha256(ofFile: url.path).sha256
        guard digest == source.sha256 else {
            throw LumpiniError(
                "derive-input-changed", "\(place) does not match the checksum its manifest records", kind: .data, file: url.path,
                hint: "run `lumpini verify \(source.id)`; a published file must not be edited"
            )
        }
        reader = try SourceReader(path: url.path, readingAhead: source.file.hasSuffix(".csv"))
        positions = Dictionary(reader.header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The position of `field` in the values.
    /// - Throws: `derive-field-missing` naming the file and its fields.
    func position(of field: String) throws -> Int {
        guard let position = positions[field] else {
            throw LumpiniError(
                "derive-field-missing", "\(place) has no field \"\(field)\"", kind: .data, file: place, field: field,
                hint: "its fields: \(reader.header.joined(separator: ", ")); fix the step's parameters in dataset.yaml"
            )
        }
        return position
    }

    /// A published number of this file, or nil for an empty cell.
    /// - Throws: `derive-value-not-number` for text that is not a number.
    func number(_ text: String?, row: Int, field: String) throws -> Double? {
        guard let text, !text.isEmpty else { return nil }
        guard let number = Double(text), number.isFinite else {
            throw LumpiniError(
                "derive-value-not-number", "\"\(text.prefix(40))\" in \(place) is not a number", kind: .data, file: place, row: row,
                field: field, hint: "derive from a numeric field (its schema type number or integer)"
            )
        }
        return number
    }

    /// The next record, or nil at the end.
    func next() throws -> Record? {
        try reader.next()
    }
}
