import Foundation

/// `datapackage.json`: the version described as a Frictionless Data Package (v1), so Frictionless
/// tools and portals read it: each data file as a resource with its size and SHA-256, the CSV as a
/// tabular resource with its Table Schema and dialect, the licence, sources and contributors.
struct DataPackageDescriptor: Encodable {
    static let fileName = "datapackage.json"

    struct License: Encodable {
        var name: String
        var path: String?
        var title: String?
    }

    struct Source: Encodable {
        var title: String
        var path: String?
    }

    struct Contributor: Encodable {
        var title: String
        var email: String?
        var role: String
    }

    struct SchemaField: Encodable {
        var name: String
        var type: String
        var title: String?
        var description: String?
        var trueValues: [String]?
        var falseValues: [String]?
        var constraints: FieldConstraints?
    }

    struct TableSchema: Encodable {
        var fields: [SchemaField]
        var primaryKey: [String]?
        var missingValues: [String]
    }

    struct Dialect: Encodable {
        var delimiter = ","
        var lineTerminator = "\r\n"
        var quoteChar = "\""
        var doubleQuote = true
        var header = true
    }

    struct Resource: Encodable {
        var name: String
        var path: String
        var profile: String
        var format: String
        var mediatype: String
        var encoding: String?
        var bytes: Int
        var hash: String
        var schema: TableSchema?
        var dialect: Dialect?
    }

    var profile = "data-package"
    var name: String
    var title: String
    var description: String?
    var version: String
    var created: String
    var keywords: [String]
    var licenses: [License]
    var sources: [Source]
    var contributors: [Contributor]
    var resources: [Resource]
    /// For a derived dataset, the published files it was computed from, as `manifest.json` lists them.
    var derivedFrom: [DerivedSource]?
    /// For a derived dataset, what the indicator is and how it is computed.
    var indicator: IndicatorDescription?

    /// A derived dataset's indicator as `datapackage.json` carries it (`lumpini:indicator`): its
    /// definition's keys, flat, beside the year and the indicators the dataset serves.
    struct IndicatorDescription: Encodable {
        var definition: IndicatorDefinition
        var year: Int
        var sdg: [String]
        var livability: [String]

        private enum CodingKeys: String, CodingKey { case year, sdg, livability }

        func encode(to encoder: Encoder) throws {
            try definition.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(year, forKey: .year)
            try container.encode(sdg, forKey: .sdg)
            try container.encode(livability, forKey: .livability)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case profile, name, title, description, version, created, keywords, licenses, sources, contributors, resources
        case derivedFrom = "lumpini:derivedFrom"
        case indicator = "lumpini:indicator"
    }

    init(dataset: DatasetDescription, table: OutputTable, version: Int, releasedAt: String, dataFiles: [Manifest.File], derivedFrom: [DerivedSource]? = nil) {
        let metadata = dataset.metadata
        name = metadata.id
        title = metadata.title.en ?? metadata.title.th ?? metadata.id
        description = [metadata.description.en, metadata.description.th].compactMap { $0 }.joined(separator: "\n\n")
        self.version = "\(version).0.0"
        created = releasedAt
        keywords = metadata.keywords.englishFirst
        let known = LumpiniCore.License.builtIn.first { $0.code == metadata.license }
        licenses = [License(name: metadata.license, path: known?.url, title: known?.title)]
        if let derivedFrom {
            // Named, not linked: a package's paths stay inside it (lumpini:derivedFrom has the files and their checksums).
            sources = derivedFrom.map { Source(title: "\($0.id) version \($0.version): \($0.file) (sha256 \($0.sha256))", path: nil) }
        } else {
            sources = [Source(title: "\(metadata.publisher): " + (dataset.source?.paths ?? []).joined(separator: ", "), path: nil)]
        }
        self.derivedFrom = derivedFrom
        indicator = dataset.derivation.map { derivation in
            IndicatorDescription(
                definition: derivation.indicator, year: derivation.year, sdg: metadata.indicators.sdg, livability: metadata.indicators.livability)
        }
        contributors = [
            Contributor(title: metadata.publisher, email: nil, role: "publisher"),
            Contributor(title: metadata.contact.name, email: metadata.contact.email, role: "maintainer"),
        ]
        resources = dataFiles.map { file in
            let isCSV = file.format == PublishedFormat.csv.rawValue
            let resourceName = isCSV ? metadata.id : "\(metadata.id)-\(file.format.lowercased())"
            return Resource(
                name: resourceName, path: file.path, profile: isCSV ? "tabular-data-resource" : "data-resource",
                format: (file.path as NSString).pathExtension, mediatype: file.mediaType,
                encoding: isCSV || file.format == PublishedFormat.geoJSON.rawValue ? (isCSV && dataset.outputs.csvBOM ? "utf-8-sig" : "utf-8") : nil,
                bytes: file.size, hash: "sha256:\(file.sha256)",
                schema: isCSV ? Self.schema(of: table) : nil, dialect: isCSV ? Dialect() : nil
            )
        }
    }

    /// The CSV's Table Schema: the published fields with the schema's constraints, then the geometry columns.
    static func schema(of table: OutputTable) -> TableSchema {
        var fields = table.fields.map { field in
            SchemaField(
                name: field.name, type: field.type.rawValue, title: field.title, description: field.description,
                trueValues: field.type == .boolean ? ["true"] : nil, falseValues: field.type == .boolean ? ["false"] : nil,
                constraints: field.constraints.isEmpty ? nil : field.constraints
            )
        }
        for column in table.csvGeometryColumns {
            let description = column == "wkt"
                ? "Geometry as WKT in WGS 84 (EPSG:4326), longitude first"
                : "WGS 84 (EPSG:4326) \(column) in decimal degrees"
            fields.append(SchemaField(name: column, type: column == "wkt" ? "string" : "number", title: nil, description: description))
        }
        return TableSchema(fields: fields, primaryKey: table.primaryKey.isEmpty ? nil : table.primaryKey, missingValues: [""])
    }
}
