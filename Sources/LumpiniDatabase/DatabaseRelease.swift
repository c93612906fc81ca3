import Foundation
import GDAL
import LumpiniPublish

/// `lumpini release --database`: each dataset's latest published version loaded into its own table
/// in the GIS database, then its view switched to that table in one transaction. Reads the public
/// tree, never changes it. One dataset's failure leaves its view as it was and does not stop the others.
public struct DatabaseRelease: Sendable {
    public let url: DatabaseURL
    public let schema: String
    public let tree: ReleaseTree
    /// Where the public tree is served, for the catalogue table's URLs.
    public let baseURL: String

    /// - Throws: `LumpiniError` (exit 2) for a schema name that would need quoting.
    public init(url: DatabaseURL, schema: String, tree: ReleaseTree, baseURL: String) throws {
        guard DatabaseNames.isPlainSchema(schema) else {
            throw LumpiniError(
                "database-schema-invalid", "the schema name \"\(schema.printable)\" is not a plain PostgreSQL name",
                kind: .input, hint: "use lowercase letters, digits and _, starting with a letter, for example opendata"
            )
        }
        self.url = url
        self.schema = schema
        self.tree = tree
        self.baseURL = baseURL
    }

    /// Loads the latest version of `ids` (every dataset of the public tree when nil) where the
    /// database does not hold it yet.
    public func run(ids: [String]? = nil) -> DatabaseLoadSummary {
        let selected = (ids ?? tree.datasetIDs()).filter { tree.latestVersion($0) != nil }
        var session: Session?
        var outcomes: [DatabaseLoadOutcome] = []
        for id in selected {
            do {
                let current = try session ?? Session(url: url, schema: schema)
                session = current
                outcomes.append(try load(id, in: current))
            } catch {
                outcomes.append(failure(id, error))
                // A failed statement can leave the connection inside an aborted transaction: start afresh.
                session = nil
            }
        }
        return DatabaseLoadSummary(database: url.description, schema: schema, outcomes: outcomes)
    }

    private func load(_ id: String, in session: Session) throws -> DatabaseLoadOutcome {
        guard let version = tree.latestVersion(id) else { throw LumpiniError("database-no-version", "\(id) has no published version") }
        let names = DatabaseNames(schema: schema, datasetID: id)
        let view = "\(schema).\(names.view)"
        let loadedBefore = try session.bookkeeping.loadedVersions(of: id)
        if loadedBefore.contains(version) {
            return DatabaseLoadOutcome(id: id, status: .unchanged, version: version, view: view, table: "\(schema).\(names.table(version: version))")
        }
        let table = try VersionTable(manifest: tree.manifest(id, version: version), directory: tree.versionDirectory(id, version: version), names: names)
        let rows = try VersionLoader(database: session.database).load(table)
        try switchView(to: table, rows: rows, loadedBefore: loadedBefore, in: session)
        return DatabaseLoadOutcome(id: id, status: .loaded, version: version, view: view, table: "\(schema).\(names.table(version: version))", rows: rows)
    }

    /// In one transaction: the view leads to the new table, the load is recorded, tables beyond the
    /// retention are dropped and the catalogue row follows. Readers see the old table or the new one.
    private func switchView(to table: VersionTable, rows: Int, loadedBefore: [Int], in session: Session) throws {
        let database = session.database
        let view = table.names.qualifiedView
        let select = "SELECT * FROM \(table.qualifiedName)"
        let present = Set(try database.query("SELECT attname FROM pg_attribute WHERE attrelid = \(SQLText.literal(table.qualifiedName))::regclass AND attnum > 0").compactMap { $0.first ?? nil })
        let columns = table.schemaColumns.filter { present.contains($0.name) }
        try database.inTransaction {
            // Replacing keeps views that users built on this one; it works while the columns stay the same.
            try database.execute("SAVEPOINT lumpini_view")
            do {
                try database.execute("CREATE OR REPLACE VIEW \(view) AS \(select)")
            } catch {
                try database.execute("ROLLBACK TO SAVEPOINT lumpini_view; DROP VIEW IF EXISTS \(view); CREATE VIEW \(view) AS \(select)")
            }
            let statements = VersionLoader.comments(on: "VIEW", view, table: table, columns: columns)
                + session.bookkeeping.recordStatements(table, rows: rows, loadedBefore: loadedBefore, baseURL: baseURL)
            try database.execute(statements.joined(separator: ";\n"))
        }
    }

    private func failure(_ id: String, _ error: Error) -> DatabaseLoadOutcome {
        let code = (error as? LumpiniError)?.code ?? "database-load-failed"
        let text = (error as? LumpiniError).map { "\($0)" } ?? (error as? GDALError)?.message ?? "\(error)"
        let reason = url.masking(text).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        return DatabaseLoadOutcome(id: id, status: .failed, version: tree.latestVersion(id), reason: reason, code: code)
    }
}

/// One connection to the database, with the schema prepared and locked for this release.
private struct Session {
    let database: Dataset
    let bookkeeping: DatabaseBookkeeping

    init(url: DatabaseURL, schema: String) throws {
        database = try Dataset.openPostgreSQL(connection: url.connection, displayName: url.description, openOptions: ["SCHEMAS": schema])
        bookkeeping = DatabaseBookkeeping(database: database, schema: schema)
        try bookkeeping.lock()
        try bookkeeping.prepare()
    }
}
