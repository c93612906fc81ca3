import Foundation
import GRDB

extension Catalogue {
    /// Everything about one dataset; nil when the catalogue does not have it.
    public func dataset(id: String, now: Date = Date()) throws -> DatasetDetail? {
        try database.read { db in try DatasetDetail.fetch(db, id: id, now: now) }
    }

    /// The file of the dataset's latest version in the given format (case-insensitive), or its first
    /// data file when `format` is nil.
    /// - Throws: `LumpiniError` when the dataset or the format is not in the catalogue.
    public func latestFile(id: String, format: String? = nil) throws -> URL {
        guard let detail = try dataset(id: id) else { throw unknownDataset(id) }
        let data = detail.manifest.dataFiles
        let file = format.map { format in data.first { $0.format.lowercased() == format.lowercased() } } ?? data.first
        guard let file else {
            let formats = data.map(\.format).joined(separator: ", ")
            throw LumpiniError(
                "format-not-published", "\(id) has no \(format ?? "data") file in its latest version (v\(detail.version))",
                kind: .input, hint: formats.isEmpty ? "the release has no data files" : "it has: \(formats)")
        }
        return publicRoot.appendingPathComponent(detail.directory, isDirectory: true).appendingPathComponent(file.path)
    }

    func unknownDataset(_ id: String) -> LumpiniError {
        LumpiniError(
            "dataset-not-in-catalogue", "no dataset \"\(id)\" in the catalogue", kind: .input,
            hint: "`lumpini catalog search` finds datasets by words; rebuild with `lumpini catalog build` if it was released")
    }

    /// The latest version the index shows of each dataset.
    public func recordedLatestVersions() throws -> [String: Int] {
        try database.read { db in
            var versions: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, latestVersion FROM dataset") {
                versions[row["id"]] = row["latestVersion"]
            }
            return versions
        }
    }
}
