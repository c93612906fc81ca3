import Foundation
import GDAL
import LumpiniPublish

/// Loads one published version into a table of its own, complete before any view uses it: the rows
/// (GDAL's `ogr2ogr` loop, writing with PostgreSQL's `COPY`), then the types, primary key, GiST index
/// and comments, then a count checked against the manifest.
struct VersionLoader {
    let database: Dataset

    /// - Returns: the rows loaded.
    /// - Throws: `GDALError` or `LumpiniError` when a step fails; the table may then be left
    ///   incomplete, but no view leads to it and the next load of the version replaces it.
    func load(_ table: VersionTable) throws -> Int {
        // Left by a load that stopped part-way: never recorded, never behind the view.
        try database.execute("DROP TABLE IF EXISTS \(table.qualifiedName)")
        let source = try Dataset.open(table.dataFile.path, options: Dataset.OpenOptions(
            openOptions: table.hasGeometry ? [:] : ["EMPTY_STRING_AS_NULL": "YES"],
            allowedDrivers: [table.hasGeometry ? "GeoJSON" : "CSV"]
        ))
        let present = Set(try source.layer(at: 0).fields.map(\.name))
        let columns = table.schemaColumns.filter { present.contains($0.name) }
        // GeoJSON values come typed; a CSV's are text, which GDAL would turn into numbers with `atoi`
        // ("true" → 0): its columns are loaded as text and cast by PostgreSQL, which refuses what it cannot read.
        let typed = table.hasGeometry
        try database.execute(table.createStatement(columns: columns, typed: typed))
        GDALLibrary.setThreadLocalOption("PG_USE_COPY", "YES")
        defer { GDALLibrary.setThreadLocalOption("PG_USE_COPY", nil) }
        try database.append(from: source, toLayer: "\(table.names.schema).\(table.names.table(version: table.version))")
        PausePoint.databaseRowsCopied.reach()

        var statements: [String] = []
        let casts: [String] = typed ? [] : columns.filter { $0.sqlType != "text" }.map { column in
            let name = SQLText.identifier(column.name)
            return "ALTER COLUMN \(name) TYPE \(column.sqlType) USING \(name)::\(column.sqlType)"
        }
        if !casts.isEmpty { statements.append("ALTER TABLE \(table.qualifiedName) \(casts.joined(separator: ", "))") }
        let key = table.primaryKey.filter { present.contains($0) }
        if !key.isEmpty, key.count == table.primaryKey.count {
            statements.append("ALTER TABLE \(table.qualifiedName) ADD PRIMARY KEY (\(key.map(SQLText.identifier).joined(separator: ", ")))")
        }
        if table.hasGeometry {
            statements.append("CREATE INDEX ON \(table.qualifiedName) USING gist (\(SQLText.identifier(VersionTable.geometryColumn)))")
        }
        statements += Self.comments(on: "TABLE", table.qualifiedName, table: table, columns: columns)
        statements.append("ANALYZE \(table.qualifiedName)")
        try database.execute(statements.joined(separator: ";\n"))

        let rows = Int(try database.query("SELECT count(*) FROM \(table.qualifiedName)").first?.first.flatMap { $0 } ?? "") ?? -1
        guard rows == table.manifest.counts.rowsPublished else {
            throw LumpiniError(
                "database-row-count", "loaded \(rows) rows into \(table.names.table(version: table.version)), but version \(table.version) holds \(table.manifest.counts.rowsPublished)",
                kind: .data, file: table.dataFile.path, hint: "run `lumpini verify` on the public tree"
            )
        }
        return rows
    }

    /// `COMMENT ON` statements for a table or view holding `columns`: the dataset's description on
    /// it, each field's title and description on its column.
    static func comments(on kind: String, _ relation: String, table: VersionTable, columns: [VersionTable.Column]) -> [String] {
        var statements = ["COMMENT ON \(kind) \(relation) IS \(SQLText.literal(table.comment))"]
        for column in columns {
            guard let comment = column.comment else { continue }
            statements.append("COMMENT ON COLUMN \(relation).\(SQLText.identifier(column.name)) IS \(SQLText.literal(comment))")
        }
        if table.hasGeometry {
            statements.append("COMMENT ON COLUMN \(relation).\(SQLText.identifier(VersionTable.geometryColumn)) IS 'Geometry in WGS 84 (EPSG:4326), longitude first'")
        }
        return statements
    }
}
