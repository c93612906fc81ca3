import Foundation
import GRDB

/// An index of one published GeoJSON file, so that a server answers an items query without reading
/// the file: where each feature's line is (offset and length, by its number), a packed R-tree of the
/// geometries' envelopes (`PackedRTree`), the features' `id`s, and for each filterable property
/// (`FeatureFields`) the features sorted by a key of its value (`KeyArray`), so a property or `datetime`
/// filter reads no feature it rejects but the rare one whose value shares a key with the one asked for
/// (every feature returned is checked against its line).
///
/// One SQLite file per published GeoJSON, `<catalogue folder>/features/<id>/<SHA-256 of the file>.sqlite`,
/// written beside the catalogue index when a version is recorded or the index rebuilt, never in the
/// public tree. Named by the file's hash, an index always describes the bytes the manifest lists (a
/// version folder that was removed and published again gets its own), and since those never change,
/// paging through it gives the same order every time.
public struct FeatureIndex: Sendable {
    public let file: URL
    /// The GeoJSON file it indexes, whose lines confirm what the keys find.
    package let lines: FeatureLines
    /// The number of features in the file.
    public let count: Int
    /// The properties a filter may name, in the schema's order.
    public let properties: [Property]
    let database: DatabaseQueue
    let arrays: [String: BlobArray]

    /// A property that the index holds, for filters.
    public struct Property: Sendable, Equatable {
        public var name: String
        /// Its Table Schema type.
        public var type: String
        var position: Int

        /// Whether `datetime` filters on it.
        public var isTemporal: Bool { Self.isTemporal(type) }

        static func isTemporal(_ type: String) -> Bool { type == "date" || type == "datetime" }
    }

    /// The date field a `datetime` query filters, if the version has one.
    public var temporalProperty: Property? { properties.first(where: \.isTemporal) }

    /// Where a feature's JSON is in the published file.
    public struct Location: Sendable, Equatable {
        /// 1 for the file's first feature, and so on.
        public var number: Int64
        public var offset: Int64
        public var length: Int
        /// Whether the file gives the feature an `id` (a server gives one without it its number).
        public var hasID: Bool
    }

    /// The names of the index's arrays (`BlobArray`): the features' locations (offset with the `id` flag
    /// in its top bit, length), the keys of their `id`s (none when every id is the feature's number, or
    /// no feature has one), the keys of a property's values and the temporal keys of the `datetime` field.
    static let locationArray = "location"
    static let idArray = "id"
    static func equalArray(_ position: Int) -> String { "equal:\(position)" }
    static func temporalArray(_ position: Int) -> String { "temporal:\(position)" }
    static let hasIDFlag: UInt64 = 1 << 63

    /// The index file of a dataset's GeoJSON file with this SHA-256 (the manifest's).
    public static func file(catalogue: URL, id: String, sha256: String) -> URL {
        folder(catalogue: catalogue).appendingPathComponent(id, isDirectory: true).appendingPathComponent("\(sha256).sqlite")
    }

    /// The folder of every dataset's feature indexes, beside the catalogue index `catalogue`.
    static func folder(catalogue: URL) -> URL {
        catalogue.deletingLastPathComponent().appendingPathComponent("features", isDirectory: true)
    }

    /// The layout of the index's tables, in the file's `user_version`: an index in another layout (an
    /// older Lumpini's) is written again rather than misread. 4: locations and sorted keys in blob pages.
    static let layout = 4

    /// Opens the index of `geoJSON` for reading.
    /// - Throws: `LumpiniError` `feature-index-missing` when it was never written, `feature-index-outdated` when
    ///   an older Lumpini wrote it in another layout, `feature-data-unreadable` when the GeoJSON cannot be read.
    public static func open(_ file: URL, geoJSON: URL) throws -> FeatureIndex {
        try open(file, lines: FeatureLines(geoJSON))
    }

    /// Opens the index of the GeoJSON whose lines are already open: connections of one index share them.
    package static func open(_ file: URL, lines: FeatureLines) throws -> FeatureIndex {
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
            let arrays = try BlobArray.all(db)
            let properties = try Row.fetchAll(db, sql: "SELECT name, type, position FROM property ORDER BY position").map {
                Property(name: $0["name"], type: $0["type"], position: $0["position"])
            }
            return FeatureIndex(
                file: file, lines: lines, count: arrays[locationArray]?.count ?? 0, properties: properties, database: database, arrays: arrays)
        }
    }

    /// The location of feature `number` (1 to `count`).
    func location(_ number: Int64, _ pages: BlobPages) throws -> Location {
        guard let array = arrays[Self.locationArray] else { throw Self.damaged }
        let offset = try pages.uint64(array, Int(number - 1))
        let length = try pages.uint32(array, Int(number - 1), byte: 8)
        return Location(number: number, offset: Int64(offset & ~Self.hasIDFlag), length: Int(length), hasID: offset & Self.hasIDFlag != 0)
    }

    static let damaged = LumpiniError(
        "feature-index-damaged", "the feature index lacks a part it should have", kind: .input,
        hint: "run `lumpini catalog build` to write the feature indexes again")
}
