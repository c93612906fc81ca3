import LumpiniPublish

/// The names a dataset gets in the database schema: the view `<id with - as _>` that users query and
/// one table per loaded version, `<id with - as _>_v<N>`.
struct DatabaseNames: Sendable, Equatable {
    let schema: String
    let view: String

    /// PostgreSQL cuts identifiers at 63 bytes: a longer name would silently become another's.
    static let maximumLength = 63

    init(schema: String, datasetID: String) {
        self.schema = schema
        view = datasetID.replacingOccurrences(of: "-", with: "_")
    }

    func table(version: Int) -> String { "\(view)_v\(version)" }

    var qualifiedView: String { SQLText.qualified(schema, view) }

    func qualifiedTable(version: Int) -> String { SQLText.qualified(schema, table(version: version)) }

    /// - Throws: `LumpiniError` when the table of `version` would be longer than PostgreSQL keeps.
    func requireFits(version: Int) throws {
        guard table(version: version).utf8.count <= Self.maximumLength else {
            throw LumpiniError(
                "database-name-too-long", "the table \(table(version: version)) is longer than PostgreSQL's \(Self.maximumLength) bytes",
                kind: .input, hint: "give the dataset a shorter id"
            )
        }
    }

    /// A schema name that needs no quoting anywhere (psql, GeoServer's settings, QGIS).
    static func isPlainSchema(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.utf8.count <= maximumLength else { return false }
        let letters = Set("abcdefghijklmnopqrstuvwxyz_".unicodeScalars)
        return letters.contains(first) && name.unicodeScalars.allSatisfy { letters.contains($0) || ("0"..."9").contains($0) }
    }
}
