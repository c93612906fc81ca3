import Foundation
import GRDB

/// Everything the catalogue knows about one dataset: the manifest of its latest release (metadata,
/// counts, extent, quality figures, files), its versions, its freshness and its metadata quality score.
public struct DatasetDetail: Codable, Sendable, Equatable {
    public struct Version: Codable, Sendable, Equatable, FetchableRecord {
        public var version: Int
        public var releasedAt: String
        public var rowsPublished: Int?
        public var rowsQuarantined: Int?
        public var features: Int?
        public var valid: Bool?
        public var fileCount: Int
        public var totalSize: Int64

        public init(row: Row) {
            version = row["version"]
            releasedAt = row["releasedAt"]
            rowsPublished = row["rowsPublished"]
            rowsQuarantined = row["rowsQuarantined"]
            features = row["features"]
            valid = row["valid"]
            fileCount = row["fileCount"]
            totalSize = row["totalSize"]
        }
    }

    public var id: String
    /// The latest version's number.
    public var version: Int
    /// The latest version's folder, relative to the public tree (`<id>/v<N>`).
    public var directory: String
    public var firstReleasedAt: String
    public var releasedAt: String
    /// When the dataset goes stale by its update frequency; nil when it never does.
    public var staleAt: String?
    public var stale: Bool
    public var manifest: Manifest
    /// Every version in the public tree, newest first.
    public var versions: [Version]
    public var quality: QualityScore

    public var metadata: DatasetMetadata { manifest.metadata }
    public var files: [Manifest.File] { manifest.files }

    /// The same detail judged at another time: only `stale` depends on it (for a detail kept between requests).
    package func judged(at now: Date) -> DatasetDetail {
        var detail = self
        detail.stale = Self.isStale(staleAt, at: now)
        return detail
    }

    private static func isStale(_ staleAt: String?, at now: Date) -> Bool {
        staleAt.map { $0 < Timestamp.format(now) } ?? false
    }

    static func fetch(_ db: Database, id: String, now: Date) throws -> DatasetDetail? {
        guard let row = try Row.fetchOne(
            db, sql: """
                SELECT d.id, d.latestVersion, d.directory, d.firstReleasedAt, d.releasedAt, d.staleAt, document.manifest, document.quality
                FROM dataset AS d JOIN dataset_document AS document ON document.id = d.id WHERE d.id = ?
                """, arguments: [id])
        else { return nil }
        let decoder = JSONDecoder()
        let manifest: String = row["manifest"]
        let quality: String = row["quality"]
        let staleAt: String? = row["staleAt"]
        return DatasetDetail(
            id: row["id"], version: row["latestVersion"], directory: row["directory"],
            firstReleasedAt: row["firstReleasedAt"], releasedAt: row["releasedAt"], staleAt: staleAt, stale: isStale(staleAt, at: now),
            manifest: try decoder.decode(Manifest.self, from: Data(manifest.utf8)),
            versions: try Version.fetchAll(db, sql: "SELECT * FROM version WHERE datasetID = ? ORDER BY version DESC", arguments: [id]),
            quality: try decoder.decode(QualityScore.self, from: Data(quality.utf8)))
    }
}
