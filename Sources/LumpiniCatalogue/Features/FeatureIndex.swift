import Foundation
import GRDB

/// A spatial index of one published GeoJSON file, so that a server answers a bounding-box query from
/// an R-tree instead of reading the file: for each feature, where its line is in the file (offset and
/// length), its `id` and the envelope of its geometry.
///
/// One SQLite file per published GeoJSON, `<catalogue folder>/features/<id>/<SHA-256 of the file>.sqlite`,
/// written beside the catalogue index when a version is recorded or the index rebuilt, never in the
/// public tree. Named by the file's hash, an index always describes the bytes the manifest lists (a
/// version folder that was removed and published again gets its own), and since those never change,
/// paging through it gives the same order every time.
public struct FeatureIndex: Sendable {
    public let file: URL
    /// The number of features in the file.
    public let count: Int
    private let database: DatabaseQueue

    /// Where a feature's JSON is in the published file.
    public struct Location: Sendable, Equatable, FetchableRecord {
        /// 1 for the file's first feature, and so on.
        public var number: Int64
        public var offset: Int64
        public var length: Int
        /// The `id` the file gives the feature (its JSON text), if any.
        public var idJSON: String?

        public init(row: Row) {
            number = row["number"]
            offset = row["offset"]
            length = row["length"]
            idJSON = row["idJSON"]
        }
    }

    /// The index file of a dataset's GeoJSON file with this SHA-256 (the manifest's).
    public static func file(catalogue: URL, id: String, sha256: String) -> URL {
        catalogue.deletingLastPathComponent().appendingPathComponent("features", isDirectory: true)
            .appendingPathComponent(id, isDirectory: true).appendingPathComponent("\(sha256).sqlite")
    }

    /// The layout of the index's tables, in the file's `user_version`: an index in another layout (an
    /// older Lumpini's) is written again rather than misread.
    static let layout = 2

    /// Opens an index for reading.
    /// - Throws: `LumpiniError` `feature-index-missing` when it was never written, or in another layout.
    public static func open(_ file: URL) throws -> FeatureIndex {
        let missing = LumpiniError(
            "feature-index-missing", "this version has no feature index", kind: .input, file: file.path,
            hint: "run `lumpini catalog build` to write the feature indexes")
        guard FileManager.default.fileExists(atPath: file.path) else { throw missing }
        var configuration = Configuration()
        configuration.readonly = true
        let database = try DatabaseQueue(path: file.path, configuration: configuration)
        guard try database.read({ db in try Int.fetchOne(db, sql: "PRAGMA user_version") }) == layout else { throw missing }
        // Features are numbered 1, 2, … in the file's order: the largest number is the count, read
        // from the table's b-tree without scanning it.
        let count = try database.read { db in try Int.fetchOne(db, sql: "SELECT coalesce(max(number), 0) FROM feature") ?? 0 }
        return FeatureIndex(file: file, count: count, database: database)
    }

    /// The features in the order of the file, from `offset` on, at most `limit`, whose envelope
    /// intersects `box` when it is given (then in the R-tree's order, the same on every call).
    public func features(intersecting box: Envelope?, offset: Int, limit: Int) throws -> [Location] {
        try database.read { db in
            guard let box else {
                return try Location.fetchAll(
                    db, sql: "SELECT number, offset, length, idJSON FROM feature WHERE number > ? ORDER BY number LIMIT ?",
                    arguments: [offset, limit])
            }
            let numbers = try PackedRTree.numbers(intersecting: box, offset: offset, limit: limit, in: db)
            let read = try db.cachedStatement(sql: "SELECT number, offset, length, idJSON FROM feature WHERE number = ?")
            return try numbers.compactMap { try Location.fetchOne(read, arguments: [$0]) }
        }
    }

    /// Calls `body` with every feature from the `offset`-th on, in the order of `features`, until it returns false.
    public func forEachFeature(intersecting box: Envelope?, from offset: Int, _ body: (Location) throws -> Bool) throws {
        let page = 1_000
        var start = offset
        while true {
            let locations = try features(intersecting: box, offset: start, limit: page)
            for location in locations where try !body(location) { return }
            if locations.count < page { return }
            start += page
        }
    }

    /// The feature whose `id` is this JSON text, or whose number it is when the file gives no ids.
    public func feature(idJSON: String) throws -> Location? {
        try database.read { db in
            if let found = try Location.fetchOne(
                db, sql: "SELECT number, offset, length, idJSON FROM feature WHERE idJSON = ?", arguments: [idJSON]) {
                return found
            }
            guard let number = Int64(idJSON) else { return nil }
            return try Location.fetchOne(
                db, sql: "SELECT number, offset, length, idJSON FROM feature WHERE number = ? AND idJSON IS NULL", arguments: [number])
        }
    }
}
