import Foundation
import GDAL

/// Validates a dataset of the workspace as it would be published: its sources cleansed by its
/// recipe, each kept record checked against the schema and its geometry rules with
/// `RecordValidator`. Rows the recipe quarantines are listed as warnings with the recipe's
/// reason: they are not published, and the cleansing report accounts for them.
enum DatasetValidation {
    static func validate(_ description: DatasetDescription, schema: TableSchema?, in workspace: Workspace, options: ValidationOptions) throws -> ValidationTask {
        let id = description.id
        guard let schema else {
            throw LumpiniError("schema-missing", "dataset \"\(id)\" names no schema to validate against", kind: .input,
                               file: "datasets/\(id)/\(DatasetDescription.fileName)", field: "schema",
                               hint: "add `schema: <name>` to dataset.yaml, or pass --schema")
        }
        let cleansing = try DatasetCleansing(description: description, workspace: workspace)
        let area = options.area ?? description.metadata.spatial.bbox
        let validator = try RecordValidator(
            schema: schema, fieldNames: cleansing.fields, crs: cleansing.hasGeometry ? try SpatialReference.wgs84() : nil, area: area,
            lookups: try lookups(for: schema, description: description, workspace: workspace, options: options))
        var errors = ErrorCollector(limit: options.maxErrors)
        validator.headerErrors.forEach { errors.add($0) }
        var warnings: [ValidationProblem] = []
        var formulas = FormulaCellScan(labels: cleansing.fields)
        var rows = 0
        while let outcome = try cleansing.next() {
            rows += 1
            switch outcome {
            case .kept(let record):
                for error in validator.validate(record) { errors.add(error) }
                formulas.observe(record.values, row: record.rowNumber)
            case .quarantined(let entry):
                if warnings.count < options.maxErrors ?? Int.max {
                    warnings.append(ValidationProblem(
                        .quarantinedRow, message: "\(entry.source ?? "source") row \(entry.row): set aside by the recipe (\(entry.reason)): \(entry.message)",
                        note: entry.reason, rowNumber: entry.row, fieldName: entry.field))
                }
            }
        }
        _ = try cleansing.finish()
        return ValidationTask(name: id, type: "table", place: "datasets/\(id) (cleansed records)", labels: cleansing.fields,
                              rows: rows, fields: schema.fields.count, errors: errors, warnings: formulas.warnings + warnings)
    }

    /// Key sets for the schema's foreign keys: the cleansed records themselves for a key to the
    /// table (a first pass), the workspace's vocabularies and datasets for the others.
    private static func lookups(for schema: TableSchema, description: DatasetDescription, workspace: Workspace, options: ValidationOptions) throws -> [Int: ReferenceKeySet] {
        var lookups: [Int: ReferenceKeySet] = [:]
        for (index, key) in schema.foreignKeys.enumerated() {
            switch key.target {
            case .resource(let name) where name.isEmpty || name == description.id:
                var set = ReferenceKeySet()
                let cleansing = try DatasetCleansing(description: description, workspace: workspace)
                var table = schema
                table.foreignKeys = []
                let validator = try TableValidator(schema: table, labels: cleansing.fields)
                guard let columns = validator.columns(of: key.referencedFields) else { continue }
                while let outcome = try cleansing.next() {
                    guard case .kept(let record) = outcome else { continue }
                    let row = CellRow(number: record.rowNumber, values: record.values)
                    if let digest = validator.referenceDigest(row, columns: columns) { set.insert(digest: digest) }
                }
                lookups[index] = set
            case .resource(let name):
                throw LumpiniError("foreign-key-target-missing", "the foreign key on \(key.fields.joined(separator: ", ")) refers to resource \"\(name)\", which a dataset does not have",
                                   file: "schemas/\(description.schema ?? "")", hint: "refer to a dataset with \"lumpini:dataset\" or a vocabulary with \"lumpini:vocabulary\"")
            case .dataset, .vocabulary:
                let provider = options.keySets ?? WorkspaceKeySets(workspace: workspace)
                lookups[index] = try provider.keySet(for: key.target, fields: key.referencedFields)
            }
        }
        return lookups
    }
}
