import Foundation
import GDAL

/// The pipeline a release runs: `dataset.yaml` through `DatasetLoader`, the sources cleansed by the
/// recipe (`DatasetCleansing`), each kept record validated against the schema (`RecordValidator`)
/// and scanned by the privacy gate (`PrivacyScanner`). Invalid records join the cleansing's
/// quarantine in `<root>/.lumpini/quarantine/<id>/quarantine.csv` as the source gave them, never the
/// public tree, so `rows in = published + quarantined` holds; the reports and the manifest count them
/// by stage and reason, and the validation report describes the rows published. A derived dataset's rows,
/// computed from its inputs' latest published files (`DerivedRecords`), take the same way as a source's.
public struct CleanseValidatePipeline: PublishPipeline {
    public init() {}

    public func describe(_ id: String, in workspace: Workspace) throws -> DatasetDescription {
        try DatasetLoader.load(id: id, in: workspace)
    }

    public func records(of dataset: DatasetDescription, in workspace: Workspace, derivedFrom: [DerivedSource]?) throws -> any PublishableRecords {
        try Records(dataset: dataset, workspace: workspace, derivedFrom: derivedFrom)
    }

    final class Records: PublishableRecords {
        let table: OutputTable
        private let dataset: DatasetDescription
        private let cleansing: DatasetCleansing
        private let validator: RecordValidator?
        private let schemaFieldCount: Int?
        private let files: CleansingFiles

        /// - Parameter derivedFrom: a derived dataset's resolved inputs (required for one).
        init(dataset: DatasetDescription, workspace: Workspace, derivedFrom: [DerivedSource]?) throws {
            self.dataset = dataset
            let cleansing = try Self.cleansing(of: dataset, workspace: workspace, derivedFrom: derivedFrom)
            self.cleansing = cleansing
            files = CleansingFiles(workspace: workspace, datasetID: dataset.id)
            let schema = try dataset.schema.map { try TableSchema.load(named: $0, in: workspace) }
            var rules = schema?.geometry
            if rules?.withinDatasetArea == true { rules?.within = dataset.metadata.spatial.bbox }
            validator = try schema.map { try Self.validator(for: $0, rules: rules, fields: cleansing.fields, dataset: dataset) }
            schemaFieldCount = schema?.fields.count
            table = Self.outputTable(schema: schema, rules: rules, cleansing: cleansing, dataset: dataset)
        }

        /// The dataset's source files read and cleansed by its recipe, or a derived dataset's computed rows.
        private static func cleansing(of dataset: DatasetDescription, workspace: Workspace, derivedFrom: [DerivedSource]?) throws -> DatasetCleansing {
            guard let derivation = dataset.derivation else { return try DatasetCleansing(description: dataset, workspace: workspace) }
            guard let derivedFrom else {
                throw LumpiniError(
                    "derive-inputs-unresolved", "\(dataset.id) is derived but its inputs were not resolved", kind: .internal, hint: "this is a bug")
            }
            let tree = ReleaseTree(root: workspace.publicRoot)
            return try DatasetCleansing(
                description: dataset, directory: workspace.datasetDirectory(dataset.id), vocabularies: Vocabularies.load(from: workspace),
                computed: try DerivedRecords.reader(for: derivation, sources: derivedFrom, tree: tree)
            )
        }

        /// The schema's validator for the cleansed fields, with the dataset's area for the geometry rules.
        /// - Throws: `schema-mismatch` when the cleansed columns do not fit the schema.
        private static func validator(for schema: TableSchema, rules: GeometryRules?, fields: [String], dataset: DatasetDescription) throws -> RecordValidator {
            var schemaWithArea = schema
            schemaWithArea.geometry = rules
            let validator = try RecordValidator(
                schema: schemaWithArea, fieldNames: fields, crs: try SpatialReference.wgs84(), area: dataset.metadata.spatial.bbox
            )
            if let first = validator.headerErrors.first {
                throw LumpiniError(
                    "schema-mismatch", "the cleansed columns do not fit the schema \"\(dataset.schema ?? "")\": \(first.message)",
                    kind: .data, file: "datasets/\(dataset.id)/\(DatasetDescription.fileName)",
                    hint: "rename or select columns in the recipe, or fix the schema's fields"
                )
            }
            return validator
        }

        /// The published columns, typed and described by the schema where it has them.
        private static func outputTable(schema: TableSchema?, rules: GeometryRules?, cleansing: DatasetCleansing, dataset: DatasetDescription) -> OutputTable {
            let fields = cleansing.fields.map { name in
                guard let field = schema?.field(named: name) else { return OutputField(name: name) }
                return OutputField(
                    name: name, type: OutputFieldType(rawValue: field.type.rawValue) ?? .string, title: field.title,
                    description: field.description, trueValues: field.trueValues, falseValues: field.falseValues,
                    constraints: field.constraints
                )
            }
            return OutputTable(
                fields: fields, primaryKey: schema?.primaryKey ?? [],
                geometryType: geometryType(rules: rules, dataset: dataset, hasGeometry: cleansing.hasGeometry),
                precision: dataset.outputs.precision
            )
        }

        /// The declared type when the schema allows one; points when the recipe makes them; else mixed.
        static func geometryType(rules: GeometryRules?, dataset: DatasetDescription, hasGeometry: Bool) -> GeometryType {
            guard hasGeometry else { return .none }
            if let types = rules?.types, types.count == 1 { return types[0] }
            if dataset.recipe.contains(where: { $0.name == PointsFromColumns.name }) { return .point }
            return .unknown
        }

        /// Every record the recipe kept and the checks pass goes to `body`; every other into the quarantine.
        func forEach(_ body: (Record) throws -> Void) throws -> PipelineOutcome {
            let quarantine = try QuarantineFile(files.quarantine, sourceFields: cleansing.sourceFields)
            do {
                let run = try run(quarantineFile: files.relative(files.quarantine), setAside: quarantine.write, publish: body)
                try quarantine.commit()
                return try outcome(of: run.checks, cleansingReport: run.report)
            } catch {
                quarantine.discard()
                throw error
            }
        }

        /// Reads every row once: each the recipe kept and the checks pass goes to `publish`, each other
        /// to `setAside` with the stage that set it aside (the row as read). Writes nothing itself, so
        /// `lumpini check` runs it to tell what a release would publish.
        /// - Parameter quarantineFile: the quarantine file's path for the cleansing report; nil when none is written.
        func run(
            quarantineFile: String?, setAside: (QuarantineEntry, QuarantineReasons.Stage) throws -> Void, publish: (Record) throws -> Void
        ) throws -> (checks: RecordChecks, report: CleansingReport) {
            var checks = try RecordChecks(dataset: dataset, validator: validator, fields: cleansing.fields)
            while let outcome = try cleansing.next() {
                switch outcome {
                case .quarantined(let entry):
                    try setAside(entry, .cleanse)
                case .kept(let record):
                    if let problem = try checks.check(record) {
                        try setAside(cleansing.entry(settingAside: record, reason: problem.type, message: problem.message, field: problem.fieldName), .validate)
                    } else {
                        try publish(record)
                    }
                }
            }
            return (checks, try cleansing.finish(quarantineFile: quarantineFile))
        }

        /// The reports, in full under `.lumpini/reports/<id>/` (a blocked run's too) and masked for the
        /// public tree, then the privacy gate, then what publishing records of the run.
        private func outcome(of checks: RecordChecks, cleansingReport: CleansingReport) throws -> PipelineOutcome {
            let privacyReport = checks.privacy.finish()
            // The task describes the rows published, which passed every check; the rows the schema
            // rejected are in the quarantine, and their problems under `setAside`.
            let task = ValidationTask(
                name: dataset.id, type: "table", place: "cleansed records", labels: cleansing.fields,
                rows: checks.kept - checks.rejected, fields: schemaFieldCount, errors: ErrorCollector(), warnings: checks.formulas.warnings
            )
            var validation = ValidationReport(tasks: [task])
            validation.setAside = SetAsideRows(rows: checks.rejected, reasons: checks.rejectedReasons, problems: checks.errors)
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
                rowsIn: cleansingReport.rowsIn, rowsQuarantined: cleansingReport.rowsQuarantined + checks.rejected,
                quarantineReasons: QuarantineReasons(cleanse: cleansingReport.quarantineReasons, validate: checks.rejectedReasons),
                quality: Manifest.Quality(
                    valid: validation.valid, errorCount: validation.stats.errors, warningCount: validation.stats.warnings,
                    changedValues: cleansingReport.changedValues
                ),
                reports: reports.map { ReportFile(name: $0.name, contents: $0.masked) },
                formulaColumns: checks.formulas.columns.map(\.name)
            )
        }
    }
}
