import GDAL
import LumpiniPublish

/// What the database itself records of Lumpini's loads, so that a run knows what an earlier one did:
/// `<schema>.lumpini_loads` (one row per version table behind or kept beside a view) and
/// `<schema>.catalogue` (one row per dataset, the version its view shows).
struct DatabaseBookkeeping {
    let database: Dataset
    let schema: String

    /// Version tables kept per dataset, the view's included; older ones are dropped (docs/database.md).
    static let keptVersions = 3

    var loadsTable: String { SQLText.qualified(schema, "lumpini_loads") }
    var catalogueTable: String { SQLText.qualified(schema, "catalogue") }

    /// Makes the schema, PostGIS and the two tables, where they are missing.
    /// - Throws: `LumpiniError` when PostGIS is missing and cannot be installed by this login.
    func prepare() throws {
        if try database.query("SELECT 1 FROM pg_extension WHERE extname = 'postgis'").isEmpty {
            do {
                try database.execute("CREATE EXTENSION IF NOT EXISTS postgis")
            } catch {
                throw LumpiniError(
                    "database-no-postgis", "PostGIS is not installed in the database and this login cannot install it (\(error))",
                    kind: .input, hint: "ask the database's administrator to run CREATE EXTENSION postgis"
                )
            }
        }
        try database.execute("""
            CREATE SCHEMA IF NOT EXISTS \(SQLText.identifier(schema));
            CREATE TABLE IF NOT EXISTS \(loadsTable) (
                dataset_id text NOT NULL, version integer NOT NULL, table_name text NOT NULL,
                input_hash text NOT NULL, row_count bigint NOT NULL, loaded_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (dataset_id, version));
            COMMENT ON TABLE \(loadsTable) IS 'Version tables loaded by lumpini release, complete and switched into their view. Do not edit.';
            CREATE TABLE IF NOT EXISTS \(catalogueTable) (
                id text PRIMARY KEY, title_th text, title_en text, publisher text NOT NULL, theme text NOT NULL,
                license text NOT NULL, version integer NOT NULL, released_at timestamptz NOT NULL,
                row_count bigint NOT NULL, extent geometry(Geometry,4326), view_name text NOT NULL,
                table_name text NOT NULL, urls text[] NOT NULL, loaded_at timestamptz NOT NULL DEFAULT now());
            COMMENT ON TABLE \(catalogueTable) IS 'One row per dataset: the version its view shows, with its metadata and public URLs.'
            """)
    }

    /// Holds the schema for this connection's lifetime, so two releases never load into it at once.
    /// - Throws: `LumpiniError` when another release holds it.
    func lock() throws {
        let answer = try database.query("SELECT pg_try_advisory_lock(hashtext(\(SQLText.literal("lumpini " + schema))))::int")
        guard answer.first?.first == "1" else {
            throw LumpiniError(
                "database-locked", "another release is loading into the schema \(schema)", kind: .input,
                hint: "wait for it to finish, then run the release again"
            )
        }
    }

    /// The versions of `datasetID` loaded and switched in, newest first.
    func loadedVersions(of datasetID: String) throws -> [Int] {
        try database.query("SELECT version FROM \(loadsTable) WHERE dataset_id = \(SQLText.literal(datasetID)) ORDER BY version DESC")
            .compactMap { $0.first.flatMap { $0 }.flatMap { Int($0) } }
    }

    /// The statements, for the switch's transaction, that record `table` as loaded with `rows`, drop
    /// the tables beyond the retention (given the versions loaded before) and update the catalogue row.
    func recordStatements(_ table: VersionTable, rows: Int, loadedBefore: [Int], baseURL: String) -> [String] {
        let manifest = table.manifest
        var statements = [
            """
            INSERT INTO \(loadsTable) (dataset_id, version, table_name, input_hash, row_count)
            VALUES (\(SQLText.literal(manifest.id)), \(manifest.version), \(SQLText.literal(table.names.table(version: manifest.version))), \
            \(SQLText.literal(manifest.inputHash)), \(rows))
            """,
        ]
        let kept = Set(([manifest.version] + loadedBefore).sorted(by: >).prefix(Self.keptVersions))
        for version in loadedBefore where !kept.contains(version) {
            statements.append("DROP TABLE IF EXISTS \(table.names.qualifiedTable(version: version))")
            statements.append("DELETE FROM \(loadsTable) WHERE dataset_id = \(SQLText.literal(manifest.id)) AND version = \(version)")
        }
        statements.append(catalogueStatement(table, rows: rows, baseURL: baseURL))
        return statements
    }

    private func catalogueStatement(_ table: VersionTable, rows: Int, baseURL: String) -> String {
        let manifest = table.manifest
        let metadata = manifest.metadata
        let folder = "\(baseURL)/\(manifest.id)/v\(manifest.version)/"
        let urls = manifest.files.filter { $0.role == .data || $0.path == "datapackage.json" }.map { SQLText.literal(folder + $0.path) }
        let extent = manifest.extent.map { "ST_MakeEnvelope(\($0.minX), \($0.minY), \($0.maxX), \($0.maxY), 4326)" } ?? "NULL"
        let values = [
            SQLText.literal(manifest.id), SQLText.literal(metadata.title.th), SQLText.literal(metadata.title.en),
            SQLText.literal(metadata.publisher), SQLText.literal(metadata.theme), SQLText.literal(metadata.license),
            "\(manifest.version)", SQLText.literal(manifest.releasedAt) + "::timestamptz", "\(rows)", extent,
            SQLText.literal(table.names.view), SQLText.literal(table.names.table(version: manifest.version)),
            "ARRAY[\(urls.joined(separator: ", "))]::text[]", "now()",
        ]
        let columns = ["id", "title_th", "title_en", "publisher", "theme", "license", "version", "released_at", "row_count", "extent", "view_name", "table_name", "urls", "loaded_at"]
        let updates = columns.dropFirst().map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")
        return "INSERT INTO \(catalogueTable) (\(columns.joined(separator: ", "))) VALUES (\(values.joined(separator: ", "))) ON CONFLICT (id) DO UPDATE SET \(updates)"
    }
}
