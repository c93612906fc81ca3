import GDAL

/// Validates the pipeline's records one at a time, so `publish` can quarantine each invalid
/// record with its errors as the reason.
///
/// ```swift
/// let validator = try RecordValidator(schema: schema, fieldNames: names)
/// for record in records {
///     let errors = validator.validate(record)
///     if errors.isEmpty { publish(record) } else { quarantine(record, reason: errors[0].message) }
/// }
/// ```
/// Streaming: it keeps only the digests of unique and primary-key values.
public final class RecordValidator {
    private let table: TableValidator
    private let geometry: GeometryCheck?
    private let crs: SpatialReference?
    /// The record's values as the table validator reads them, reused row after row. Unchecked: each
    /// value appended would otherwise be an exclusivity check, and a validator serves one pipeline.
    @exclusivity(unchecked) private var row = CellRow()

    /// The label errors of `fieldNames` against the schema (empty when they match).
    public var headerErrors: [ValidationProblem] { table.headerErrors }

    /// - Parameters:
    ///   - fieldNames: the names of the records' values by position.
    ///   - crs: the CRS of the records' geometries, checked against the schema's geometry rules.
    ///   - area: the dataset's area, for `"within": "dataset"`.
    ///   - lookups: key sets of the schema's foreign keys by their position in the schema.
    /// - Throws: `LumpiniError` when the schema's constraints do not fit its fields.
    public init(schema: TableSchema, fieldNames: [String], crs: SpatialReference? = nil, area: [Double]? = nil,
                lookups: [Int: ReferenceKeySet] = [:]) throws {
        table = try TableValidator(schema: schema, labels: fieldNames, lookups: lookups)
        geometry = schema.geometry.map { GeometryCheck(rules: $0, area: area) }
        self.crs = crs
    }

    /// The errors of one record; empty when it is valid.
    public func validate(_ record: Record) -> [ValidationProblem] {
        row.removeAll()
        row.number = record.rowNumber
        row.append(values: record.values)
        var errors = table.validate(row)
        if let geometry {
            errors.append(contentsOf: geometry.check(record.geometry, crs: crs, row: record.rowNumber))
        }
        return errors
    }
}
