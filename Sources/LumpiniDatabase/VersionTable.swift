import Foundation
import LumpiniPublish

/// What a published version becomes in the database: its typed columns (from the Table Schema in its
/// `datapackage.json`), geometry, primary key and comments, and the file its rows are read from.
struct VersionTable: Sendable {
    struct Column: Sendable, Equatable {
        let name: String
        /// The Table Schema type, for example `integer`.
        let schemaType: String
        let comment: String?

        /// The PostgreSQL type of a Table Schema type; text where PostgreSQL has no closer one.
        var sqlType: String {
            switch schemaType {
            case "integer": return "bigint"
            case "number": return "double precision"
            case "boolean": return "boolean"
            case "date": return "date"
            case "time": return "time"
            case "datetime": return "timestamptz"
            case "year": return "integer"
            case "object", "array", "geojson": return "jsonb"
            default: return "text"
            }
        }
    }

    /// The column holding the geometry.
    static let geometryColumn = "geom"

    let manifest: Manifest
    let names: DatabaseNames
    /// Every field of the schema, in order; the loaded columns are those the data file holds.
    let schemaColumns: [Column]
    let primaryKey: [String]
    /// The GeoJSON when the version has one (geometry and typed values), else the CSV.
    let dataFile: URL
    let hasGeometry: Bool

    var version: Int { manifest.version }
    var qualifiedName: String { names.qualifiedTable(version: version) }

    /// Reads the plan of `manifest`'s version from its folder.
    /// - Throws: `LumpiniError` when the data package is unreadable or names no data file.
    init(manifest: Manifest, directory: URL, names: DatabaseNames) throws {
        self.manifest = manifest
        self.names = names
        try names.requireFits(version: manifest.version)
        let packageFile = directory.appendingPathComponent("datapackage.json")
        let package = try DataPackageFields(file: packageFile)
        schemaColumns = package.fields
        primaryKey = package.primaryKey
        let geoJSON = manifest.files.first { $0.role == .data && $0.format == "GeoJSON" }
        let csv = manifest.files.first { $0.role == .data && $0.format == "CSV" }
        guard let file = geoJSON ?? csv else {
            throw LumpiniError(
                "database-no-data-file", "version \(manifest.version) has neither a GeoJSON nor a CSV file to load",
                kind: .input, file: directory.path, hint: "publish the dataset with the geojson or csv output"
            )
        }
        dataFile = directory.appendingPathComponent(file.path)
        hasGeometry = geoJSON != nil
        if hasGeometry, schemaColumns.contains(where: { $0.name == Self.geometryColumn }) {
            throw LumpiniError(
                "database-column-clash", "a field is called \"\(Self.geometryColumn)\", the name of the geometry column",
                kind: .input, file: packageFile.path, field: Self.geometryColumn, hint: "rename the field in the schema"
            )
        }
    }

    /// The geometry column's type, `geometry(Point,4326)`, from the manifest's geometry type
    /// (`Mixed` and anything unknown: any geometry, still SRID 4326).
    var geometrySQLType: String {
        let known = ["Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon", "GeometryCollection"]
        let type = manifest.geometryType.flatMap { name in known.first { $0 == name } } ?? "Geometry"
        return "geometry(\(type),4326)"
    }

    /// `CREATE TABLE` with `columns`: typed, or all text when `typed` is false (a CSV's values are
    /// text, which PostgreSQL then casts exactly; see `VersionLoader`).
    func createStatement(columns: [Column], typed: Bool) -> String {
        var definitions = columns.map { SQLText.identifier($0.name) + " " + (typed ? $0.sqlType : "text") }
        if hasGeometry { definitions.append(SQLText.identifier(Self.geometryColumn) + " " + geometrySQLType) }
        return "CREATE TABLE \(qualifiedName) (\(definitions.joined(separator: ", ")))"
    }

    /// The table's description: titles, description, publisher, licence, version and release time.
    var comment: String {
        let metadata = manifest.metadata
        let titles = [metadata.title.en, metadata.title.th].compactMap { $0 }.joined(separator: " / ")
        let description = [metadata.description.en, metadata.description.th].compactMap { $0 }.joined(separator: "\n")
        return "\(titles)\n\(description)\nPublisher: \(metadata.publisher). Licence: \(metadata.license). "
            + "Version \(manifest.version) released \(manifest.releasedAt) (dataset \(manifest.id))."
    }
}

/// The fields and primary key of the tabular resource in a published `datapackage.json`.
struct DataPackageFields {
    let fields: [VersionTable.Column]
    let primaryKey: [String]

    init(file: URL) throws {
        let unreadable = LumpiniError(
            "database-datapackage-unreadable", "the data package has no tabular resource with a schema", kind: .input,
            file: file.path, hint: "run `lumpini verify` on the public tree"
        )
        guard let data = try? Data(contentsOf: file),
            let package = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let resources = package["resources"] as? [[String: Any]],
            let schema = resources.lazy.compactMap({ $0["schema"] as? [String: Any] }).first,
            let fields = schema["fields"] as? [[String: Any]]
        else { throw unreadable }
        self.fields = fields.compactMap { field in
            guard let name = field["name"] as? String else { return nil }
            let words = [field["title"] as? String, field["description"] as? String].compactMap { $0 }
            return VersionTable.Column(
                name: name, schemaType: field["type"] as? String ?? "string",
                comment: words.isEmpty ? nil : words.joined(separator: " — ")
            )
        }
        switch schema["primaryKey"] {
        case let key as String: primaryKey = [key]
        case let keys as [String]: primaryKey = keys
        default: primaryKey = []
        }
    }
}
