import Foundation
import GRDB

/// A spatial index of one published GeoJSON file, so that a server answers a bounding-box query from
/// an R-tree instead of reading the file: for each feature, where its line is in the file (offset and
/// length), its `id`, the envelope of its geometry and its filterable properties (`FeatureFields`), each
/// in a column with an index of its own, so a property or `datetime` filter reads no feature it rejects.
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
    /// The properties a filter may name, in the schema's order.
    public let properties: [Property]
    private let database: DatabaseQueue

    /// A property that the index holds, for filters.
    public struct Property: Sendable, Equatable {
        public var name: String
        /// Its Table Schema type.
        public var type: String
        fileprivate var position: Int

        /// Whether `datetime` filters on it.
        public var isTemporal: Bool { type == "date" || type == "datetime" }
    }

    /// The date field a `datetime` query filters, if the version has one.
    public var temporalProperty: Property? { properties.first(where: \.isTemporal) }

    static func column(_ position: Int) -> String { "p\(position)" }

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
    /// older Lumpini's) is written again rather than misread. 3: the packed R-tree and the property columns.
    static let layout = 3

    /// Opens an index for reading.
    /// - Throws: `LumpiniError` `feature-index-missing` when it was never written, `feature-index-outdated` when
    ///   an older Lumpini wrote it in another layout.
    public static func open(_ file: URL) throws -> FeatureIndex {
        let missing = LumpiniError(
            "feature-index-missing", "this version has no feature index", kind: .input, file: file.path,
            hint: "run `lumpini catalog build` to write the feature indexes")
        guard FileManager.default.fileExists(atPath: file.path) else { throw missing }
        var configuration = Configuration()
        configuration.readonly = true
        let database = try DatabaseQueue(path: file.path, configuration: configuration)
        return try database.read { db in
            guard try Int.fetchOne(db, sql: "PRAGMA user_version") == layout else {
                throw LumpiniError(
                    "feature-index-outdated", "this version's feature index was written by an older Lumpini", kind: .input, file: file.path,
                    hint: "run `lumpini catalog build` to write the feature indexes again")
            }
            // Features are numbered 1, 2, … in the file's order: the largest number is the count, read
            // from the table's b-tree without scanning it.
            let count = try Int.fetchOne(db, sql: "SELECT coalesce(max(number), 0) FROM feature") ?? 0
            let properties = try Row.fetchAll(db, sql: "SELECT name, type, position FROM property ORDER BY position").map {
                Property(name: $0["name"], type: $0["type"], position: $0["position"])
            }
            return FeatureIndex(file: file, count: count, properties: properties, database: database)
        }
    }

    /// The features that pass `filter`, from the `offset`-th on, at most `limit`: in the file's order,
    /// or with a box alone, in the R-tree's (the same on every call).
    public func features(matching filter: FeatureFilter, offset: Int, limit: Int) throws -> [Location] {
        var conditions: [String] = []
        var arguments: [DatabaseValueConvertible] = []
        for (name, value) in filter.equals {
            guard let property = properties.first(where: { $0.name == name }) else { return [] }
            conditions.append("\(Self.column(property.position)) = ?")
            arguments.append(value)
        }
        if let interval = filter.interval {
            guard let property = temporalProperty else { return [] }
            let column = Self.column(property.position)
            conditions.append("\(column) IS NOT NULL")
            if let start = interval.start {
                conditions.append("\(column) >= ?")
                arguments.append(start)
            }
            if let end = interval.end {
                // Up to the end and everything it begins: an end given as a date takes the whole day.
                conditions.append("\(column) < ?")
                arguments.append(end + "\u{10FFFF}")
            }
        }
        return try database.read { db in
            guard let box = filter.box else {
                let condition = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
                return try Location.fetchAll(
                    db, sql: "SELECT number, offset, length, idJSON FROM feature \(condition) ORDER BY number LIMIT ? OFFSET ?",
                    arguments: StatementArguments(arguments + [limit, offset]))
            }
            if conditions.isEmpty {
                let numbers = try PackedRTree.numbers(intersecting: box, offset: offset, limit: limit, in: db)
                let read = try db.cachedStatement(sql: "SELECT number, offset, length, idJSON FROM feature WHERE number = ?")
                return try numbers.compactMap { try Location.fetchOne(read, arguments: [$0]) }
            }
            // The box's candidates in the tree's order, a block at a time, each checked against the properties.
            let read = try db.cachedStatement(
                sql: "SELECT number, offset, length, idJSON FROM feature WHERE number = ?" + conditions.map { " AND \($0)" }.joined())
            let block = 1_000
            var skipped = 0
            var found: [Location] = []
            var start = 0
            while found.count < limit {
                let numbers = try PackedRTree.numbers(intersecting: box, offset: start, limit: block, in: db)
                for number in numbers {
                    guard let location = try Location.fetchOne(read, arguments: StatementArguments([number] + arguments)) else { continue }
                    if skipped < offset {
                        skipped += 1
                    } else if found.count < limit {
                        found.append(location)
                    }
                }
                if numbers.count < block { break }
                start += block
            }
            return found
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
