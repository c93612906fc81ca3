import Foundation
import GRDB

/// For a reader that keeps the index open between queries (`lumpini serve`): whether the index changed
/// since it last looked, so that what it decoded before may be used again until then.
extension Catalogue {
    /// A number that SQLite changes whenever another connection commits to the index
    /// (`PRAGMA data_version`); the same number means the same content. A rebuild replaces the file
    /// instead, which an open index does not see: the reader compares the file's identity for that.
    package func dataVersion() throws -> Int {
        try database.read { db in try Self.dataVersion(db) }
    }

    /// `dataset(id:now:)` with the data version it was read at, in one read transaction, so that no
    /// commit can fall between the two.
    package func datasetWithDataVersion(id: String, now: Date = Date()) throws -> (detail: DatasetDetail?, dataVersion: Int) {
        try database.read { db in
            let version = try Self.dataVersion(db)
            return (try DatasetDetail.fetch(db, id: id, now: now), version)
        }
    }

    private static func dataVersion(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0
    }
}
