import Foundation
import GDAL

/// What the pipeline checks on every record the recipe kept, before it is handed to publishing:
/// the schema (a record with a problem is rejected), and, on the records that pass, the privacy scan
/// and the search for cells a spreadsheet would run as formulas. Counts what it saw for the reports.
struct RecordChecks {
    let dataset: DatasetDescription
    let validator: RecordValidator?
    let privacy: ConcurrentPrivacyScan
    private(set) var errors = ErrorCollector(limit: 1_000)
    private(set) var formulas: FormulaCellScan
    /// Records checked (the recipe kept them), rejected or not.
    private(set) var kept = 0
    private(set) var rejected = 0
    /// Rejected records by the type of their first problem: the reason the quarantine gives.
    private(set) var rejectedReasons: [String: Int] = [:]
    private var crsChecked = false

    init(dataset: DatasetDescription, validator: RecordValidator?, fields: [String]) throws {
        self.dataset = dataset
        self.validator = validator
        privacy = try ConcurrentPrivacyScan(header: fields, allow: dataset.privacy.allow)
        formulas = FormulaCellScan(labels: fields)
    }

    /// The first problem that rejects `record`, or nil when it may be published.
    /// - Throws: `crs-not-wgs84` when the first geometry is not in WGS 84.
    mutating func check(_ record: Record) throws -> ValidationProblem? {
        kept += 1
        if !crsChecked, let geometry = record.geometry {
            crsChecked = true
            try Self.requireWGS84(geometry, dataset: dataset)
        }
        let problems = validator?.validate(record) ?? []
        guard problems.isEmpty else {
            rejected += 1
            rejectedReasons[problems[0].type, default: 0] += 1
            for problem in problems { errors.add(problem) }
            return problems[0]
        }
        privacy.scan(record)
        formulas.observe(record.values, row: record.rowNumber)
        return nil
    }

    /// Publishing needs WGS 84: a geometry still in the source's CRS means the recipe lacks `reproject`.
    static func requireWGS84(_ geometry: Geometry, dataset: DatasetDescription) throws {
        guard let crs = geometry.spatialReference, !crs.isGeographic || (crs.epsgCode.map { $0 != 4326 } ?? false) else { return }
        throw LumpiniError(
            "crs-not-wgs84", "the cleansed geometries are in \(crs.name ?? "another CRS"); publishing needs WGS 84 (EPSG:4326)",
            kind: .input, file: "datasets/\(dataset.id)/\(DatasetDescription.fileName)", field: "recipe",
            hint: "add a `reproject` step to the recipe"
        )
    }
}
