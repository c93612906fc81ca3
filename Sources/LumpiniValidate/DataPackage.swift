import Foundation

/// The resources of a Frictionless `datapackage.json`: tables with their schemas, GeoJSON files, and
/// other files (a GeoPackage, a zipped shapefile), each validated as what it is.
struct DataPackage {
    var resources: [PackageResource]

    /// The tables, for foreign keys between them.
    var tables: [TableResource] {
        resources.compactMap { if case .table(let table) = $0 { return table } else { return nil } }
    }

    /// - Throws: `LumpiniError` `package-invalid` naming the JSON path of the bad part.
    init(contentsOf url: URL) throws {
        let file = url.path
        let json: JSONValue
        do {
            json = try JSONParser.parse([UInt8](try Data(contentsOf: url)))
        } catch let error as JSONSyntaxError {
            throw LumpiniError("package-invalid", "not valid JSON (\(error))", file: file, row: error.line, hint: "fix the JSON syntax")
        } catch {
            throw LumpiniError("file-not-found", "cannot read the data package", file: file, hint: "check the path")
        }
        func fail(_ path: String, _ message: String) -> LumpiniError {
            LumpiniError("package-invalid", message, file: file, field: path, hint: "fix datapackage.json: see https://specs.frictionlessdata.io/data-package/")
        }
        guard let items = json["resources"]?.arrayValue else { throw fail("resources", "is required: an array of resources") }
        let base = url.deletingLastPathComponent()
        resources = try items.enumerated().map { index, item in
            let path = "resources[\(index)]"
            guard item.members != nil else { throw fail(path, "must be an object") }
            let relative: String
            if let text = item["path"]?.stringValue {
                relative = text
            } else if let first = item["path"]?.arrayValue?.first?.stringValue {
                relative = first
            } else {
                throw fail("\(path).path", "is required: the resource's file")
            }
            try SourcePathPolicy.requireInside(relative, datasetDirectory: base, file: file, field: "\(path).path", folder: "the package's folder")
            let name = item["name"]?.stringValue ?? ((relative as NSString).lastPathComponent as NSString).deletingPathExtension
            let packageFile = PackageFile(
                name: name, path: base.appendingPathComponent(relative).path, place: relative, bytes: item["bytes"]?.doubleValue.map { Int($0) },
                hash: item["hash"]?.stringValue
            )
            switch PackageResource.Kind(path: relative, mediaType: item["mediatype"]?.stringValue, tabular: item["schema"] != nil) {
            case .geoJSON: return .geoJSON(packageFile)
            case .file: return .file(packageFile)
            case .table: break
            }
            var schema: TableSchema?
            if let schemaJSON = item["schema"] {
                if let schemaPath = schemaJSON.stringValue {
                    try SourcePathPolicy.requireInside(
                        schemaPath, datasetDirectory: base, file: file, field: "\(path).schema", folder: "the package's folder"
                    )
                    schema = try TableSchema.load(contentsOf: base.appendingPathComponent(schemaPath))
                } else {
                    do {
                        schema = try TableSchema(json: schemaJSON, file: file)
                    } catch var error as LumpiniError {
                        error.field = "\(path).schema.\(error.field ?? "")"
                        throw error
                    }
                }
            }
            return .table(TableResource(
                name: name, path: packageFile.path, place: relative, schema: schema,
                encoding: item["encoding"]?.stringValue, delimiter: item["dialect"]?["delimiter"]?.stringValue))
        }
    }
}
