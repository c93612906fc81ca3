import Foundation
import GDAL

/// The pipeline a release runs: `dataset.yaml` through `DatasetLoader`, the sources cleansed by the
/// recipe (`DatasetCleansing`), each kept record validated against the schema (`RecordValidator`)
/// and scanned by the privacy gate (`PrivacyScanner`). Invalid records join the cleansing's
/// quarantine in `<root>/.lumpini/quarantine/<id>/quarantine.csv`, never the public tree, so
/// `rows in = published + quarantined` holds.
public struct CleanseValidatePipeline: PublishPipeline {
    public init() {}

    public func describe(_ id: String, in workspace: Workspace) throws -> DatasetDescription {
        try DatasetLoader.load(id: id, in: workspace)
    }

    public func records(of dataset: DatasetDescription, in workspace: Workspace) throws -> any PublishableRecords {
        try Records(dataset: dataset, workspace: workspace)
    }

    final class Records: PublishableRecords {
        let table: OutputTable
        private let dataset: DatasetDescription
        private let cleansing: DatasetCleansing
        private let validator: RecordValidator?
        private let schemaFieldCount: Int?
        private let files: CleansingFiles
        private let quarantineColumns: [String]
        /// For each cleansed field, its column in the quarantine file.
        private let quarantinePositions: [Int]

        init(dataset: DatasetDescription, workspace: Workspace) throws {
            self.dataset = dataset
            cleansing = try DatasetCleansing(description: dataset, workspace: workspace)
            files = CleansingFiles(workspace: workspace, datasetID: dataset.id)
            let schema = try dataset.schema.map { try TableSchema.load(named: $0, in: workspace) }
            var rules = schema?.geometry
            if rules?.withinDatasetArea == true { rules?.within = dataset.metadata.spatial.bbox }
            if let schema {
                var schemaWithArea = schema
                schemaWithArea.geometry = rules
                let validator = try RecordValidator(
                    schema: schemaWithArea, fieldNames: cleansing.fields, crs: try SpatialReference.wgs84(),
                    area: dataset.metadata.spatial.bbox
                )
                if let first = validator.headerErrors.first {
                    throw LumpiniError(
                        "schema-mismatch", "the cleansed columns do not fit the schema \"\(dataset.schema ?? "")\": \(first.message)",
                        kind: .data, file: "datasets/\(dataset.id)/\(DatasetDescription.fileName)",
                        hint: "rename or select columns in the recipe, or fix the schema's fields"
                    )
                }
                self.validator = validator
            } else {
                validator = nil
            }
            schemaFieldCount = schema?.fields.count
            let fields = cleansing.fields.map { name in
                guard let field = schema?.field(named: name) else { return OutputField(name: name) }
                return OutputField(
                    name: name, type: OutputFieldType(rawValue: field.type.rawValue) ?? .string, title: field.title,
                    description: field.description, trueValues: field.trueValues, falseValues: field.falseValues
                )
            }
            table = OutputTable(
                fields: fields, primaryKey: schema?.primaryKey ?? [],
                geometryType: Self.geometryType(rules: rules, dataset: dataset, hasGeometry: cleansing.hasGeometry),
                precision: dataset.outputs.precision
            )
            let sourceFields = cleansing.sourceFields
            let sourceNames = Set(sourceFields)
            quarantineColumns = sourceFields + cleansing.fields.filter { !sourceNames.contains($0) }
            var firstColumn: [String: Int] = [:]
            for (column, name) in quarantineColumns.enumerated() where firstColumn[name] == nil { firstColumn[name] = column }
            quarantinePositions = cleansing.fields.map { firstColumn[$0]! }
        }

        /// The declared type when the schema allows one; points when the recipe makes them; else mixed.
        static func geometryType(rules: GeometryRules?, dataset: DatasetDescription, hasGeometry: Bool) -> GeometryType {
            guard hasGeometry else { return .none }
            if let types = rules?.types, types.count == 1 { return types[0] }
            if dataset.recipe.contains(where: { $0.name == PointsFromColumns.name }) { return .point }
            return .unknown
        }

        func forEach(_ body: (Record) throws -> Void) throws -> PipelineOutcome {
            let quarantine = try StreamingCSVFile(files.quarantine, byteOrderMark: true)
            let privacy = try ConcurrentPrivacyScan(header: cleansing.fields, allow: dataset.privacy.allow)
            var errors = ErrorCollector(limit: 1_000)
            var rejected = 0, kept = 0
            var crsChecked = false
            do {
                try quarantine.write(record: ["source", "row", "reason", "message", "field"] + quarantineColumns + ["geometry_wkt"])
                while let outcome = try cleansing.next() {
                    switch outcome {
                    case .quarantined(let entry):
                        let values = quarantineColumns.indices.map { $0 < entry.values.count ? entry.values[$0] : nil }
                        try quarantine.write(record: [entry.source, String(entry.row), entry.reason, entry.message, entry.field] + values + [entry.geometryWKT])
                    case .kept(let record):
                        kept += 1
                        if !crsChecked, let geometry = record.geometry {
                            crsChecked = true
                            try Self.requireWGS84(geometry, dataset: dataset)
                        }
                        let problems = validator?.validate(record) ?? []
                        guard problems.isEmpty else {
                            rejected += 1
                            for problem in problems { errors.add(problem) }
                            try quarantine.write(record: quarantineLine(record, problems[0]))
                            continue
                        }
                        privacy.scan(record)
                        try body(record)
                    }
                }
                let cleansingReport = try cleansing.finish(quarantineFile: files.relative(files.quarantine))
                try quarantine.commit()
                let privacyReport = privacy.finish()
                let task = ValidationTask(
                    name: dataset.id, type: "table", place: "cleansed records", labels: cleansing.fields,
                    rows: kept, fields: schemaFieldCount, errors: errors
                )
                let validation = ValidationReport(tasks: [task])
                // In full under .lumpini/reports/<id>/ (a blocked run's too), masked in the public tree.
                let reports: [(name: String, full: Data, masked: Data)] = [
                    ("cleansing-report.json", try JSONOutput.data(cleansingReport), try JSONOutput.data(cleansingReport.masked())),
                    ("validation-report.json", try JSONOutput.data(validation), try JSONOutput.data(validation.masked())),
                ]
                try FileManager.default.createDirectory(at: files.fullReports, withIntermediateDirectories: true)
                for report in reports { try report.full.write(to: files.fullReports.appendingPathComponent(report.name), options: .atomic) }
                if dataset.metadata.classification == .public, let blocking = privacyReport.blockingError(file: "datasets/\(dataset.id)/\(DatasetDescription.fileName)") {
                    throw blocking
                }
                return PipelineOutcome(
                    rowsIn: cleansingReport.rowsIn, rowsQuarantined: cleansingReport.rowsQuarantined + rejected,
                    quality: Manifest.Quality(
                        valid: validation.valid, errorCount: validation.stats.errors, warningCount: validation.stats.warnings,
                        changedValues: cleansingReport.changedValues
                    ),
                    reports: reports.map { ReportFile(name: $0.name, contents: $0.masked) }
                )
            } catch {
                quarantine.discard()
                throw error
            }
        }

        /// A quarantine line for a record the schema rejected: the cleansed values under their columns.
        private func quarantineLine(_ record: Record, _ problem: ValidationProblem) -> [String?] {
            var values = [String?](repeating: nil, count: quarantineColumns.count)
            for (index, column) in quarantinePositions.enumerated() where index < record.values.count {
                values[column] = record.values[index]
            }
            return [nil, String(record.rowNumber), problem.type, problem.message, problem.fieldName] + values + [record.geometry?.wkt]
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
}
