import Foundation

/// Validation's entry points: a file (CSV, XLSX, GeoJSON), a Frictionless `datapackage.json`,
/// or a dataset of the workspace.
///
/// ```swift
/// let report = try Validator.validate(file: "pm25.csv", schema: schema, options: ValidationOptions(maxErrors: 100))
/// print(report.valid, report.stats.errors)
/// ```
public enum Validator {
    /// Validates one file: a `datapackage.json` (every resource as what it is: tables against their
    /// schemas with foreign keys across them, GeoJSON as GeoJSON, each file's declared size and SHA-256), a
    /// GeoJSON file (RFC 7946 and GEOS validity), or a table (CSV, TSV, XLSX, ODS) against
    /// `schema` (inferred from the data when nil, as the reference tool does).
    /// - Throws: `LumpiniError` for input errors (missing file, malformed schema or package).
    public static func validate(file path: String, schema: TableSchema? = nil, options: ValidationOptions = ValidationOptions()) throws -> ValidationReport {
        guard FileManager.default.fileExists(atPath: path) else {
            throw LumpiniError("file-not-found", "no such file", file: path, hint: "check the path, or give a dataset id")
        }
        let name = (path as NSString).lastPathComponent.lowercased()
        let fileExtension = (name as NSString).pathExtension
        if name.hasSuffix("datapackage.json") {
            let package = try DataPackage(contentsOf: URL(fileURLWithPath: path))
            let tasks = try package.resources.map { resource in
                switch resource {
                case .table(let table):
                    return try TableValidation.validate(table, siblings: package.tables, options: options)
                case .geoJSON(let file):
                    return try GeoJSONValidation.validate(path: file.path, place: file.place, options: options, integrity: try file.integrityProblems().problems)
                case .file(let file):
                    let (size, problems) = try file.integrityProblems()
                    var errors = ErrorCollector(limit: options.maxErrors)
                    problems.forEach { errors.add($0) }
                    return ValidationTask(name: file.name, type: "file", place: file.place, rows: nil, fields: nil, bytes: size, errors: errors)
                }
            }
            return ValidationReport(tasks: tasks)
        }
        if ["geojson", "json"].contains(fileExtension) {
            return ValidationReport(tasks: [try GeoJSONValidation.validate(path: path, place: path, options: options)])
        }
        let resource = TableResource(
            name: ((path as NSString).lastPathComponent as NSString).deletingPathExtension, path: path, place: path,
            schema: schema, encoding: options.encoding, delimiter: options.delimiter ?? (fileExtension == "tsv" ? "\t" : nil))
        return ValidationReport(tasks: [try TableValidation.validate(resource, options: options)])
    }

    /// Validates a dataset of the workspace as it would be published: its sources cleansed by its
    /// recipe, each kept record checked against the schema (`schema`, else the one `dataset.yaml`
    /// names) and its geometry rules. Rows the recipe quarantines come back as warnings.
    /// - Throws: `LumpiniError` when the description, schema, sources or recipe cannot be used.
    public static func validate(dataset description: DatasetDescription, in workspace: Workspace, schema: TableSchema? = nil,
                                options: ValidationOptions = ValidationOptions()) throws -> ValidationReport {
        let schema = try schema ?? description.schema.map { try TableSchema.load(named: $0, in: workspace) }
        return ValidationReport(tasks: [try DatasetValidation.validate(description, schema: schema, in: workspace, options: options)])
    }
}
