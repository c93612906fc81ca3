/// Runs a recipe over records as they stream: each record goes through every step in order and
/// comes out kept (changed) or quarantined with a reason. Counts every change.
///
/// ```swift
/// let runner = try RecipeRunner(recipe: description.recipe, inputFields: reader.fieldNames, context: context)
/// for record in records {
///     switch try runner.process(record) {
///     case .kept(let cleansed): write(cleansed)
///     case .quarantined(let entry): quarantine.write(entry)
///     }
/// }
/// let report = try runner.finish()   // throws when rows in ≠ kept + quarantined
/// ```
public final class RecipeRunner {
    public let inputFields: [String]
    /// The fields of the records that come out, after the steps that add, rename or drop fields.
    public let outputFields: [String]
    private let steps: [(name: String, step: any CleansingStep)]
    private let changes = ChangeRecorder()
    private let context: CleansingContext
    private var rowsIn = 0
    private var rowsKept = 0
    private var quarantineReasons: [String: Int] = [:]

    /// Builds every step against the fields it will see.
    /// - Throws: `LumpiniError` naming the step, the parameter and its line in `dataset.yaml`:
    ///   an unknown step or parameter, a wrong type, a field that does not exist at that point.
    public init(recipe: [RecipeStep], inputFields: [String], context: CleansingContext) throws {
        var layout = FieldLayout(names: inputFields)
        var steps: [(String, any CleansingStep)] = []
        for (index, recipeStep) in recipe.enumerated() {
            var parameters = StepParameters(step: recipeStep, index: index, file: context.descriptionFile)
            guard let entry = StepCatalogue.entry(named: recipeStep.name) else {
                throw parameters.error(
                    "recipe-unknown-step", "there is no such step", hint: StepCatalogue.suggestion(for: recipeStep.name)
                )
            }
            let step = try entry.make(&parameters, &layout, context)
            try parameters.finish()
            steps.append((recipeStep.name, step))
        }
        self.inputFields = inputFields
        self.outputFields = layout.names
        self.steps = steps
        self.context = context
    }

    /// Runs every step on `record`.
    /// - Throws: only for failures that are not about the data (a GDAL call that cannot run).
    public func process(_ record: Record) throws -> CleansingOutcome {
        rowsIn += 1
        let original = record.values
        let originalGeometry = record.geometry
        if let extra = extraCells(record) {
            quarantineReasons["extra-cell", default: 0] += 1
            return .quarantined(QuarantineEntry(
                row: record.rowNumber, reason: "extra-cell",
                message: "the row has \(record.values.count) cells but the header names \(inputFields.count): \"\(extra)\" has no column",
                field: nil, values: record.values, geometryWKT: record.geometry.map { $0.wkt }
            ))
        }
        var current = record
        // Steps change geometries in place: work on a copy so the quarantine keeps the original.
        if let geometry = record.geometry { current.geometry = geometry.clone() }
        for (index, entry) in steps.enumerated() {
            changes.currentStep = (index, entry.name)
            let verdict = try entry.step.apply(to: &current, changes: changes)
            if case .quarantine(let reason, let message, let field) = verdict {
                quarantineReasons[reason, default: 0] += 1
                return .quarantined(QuarantineEntry(
                    row: record.rowNumber, reason: reason, message: message, field: field,
                    values: original, geometryWKT: originalGeometry.map { $0.wkt }
                ))
            }
        }
        rowsKept += 1
        if current.values.count != outputFields.count {
            current.values += Array(repeating: nil, count: max(0, outputFields.count - current.values.count))
        }
        return .kept(current)
    }

    /// Counts `record` as read and quarantined without running the steps: for a record the source
    /// could not give whole (`SourceReader.unreadableGeometry`).
    public func quarantine(_ record: Record, reason: String, message: String, field: String?) -> QuarantineEntry {
        rowsIn += 1
        quarantineReasons[reason, default: 0] += 1
        return QuarantineEntry(
            row: record.rowNumber, reason: reason, message: message, field: field,
            values: record.values, geometryWKT: record.geometry.map { $0.wkt }
        )
    }

    /// The first non-empty value past the last column, in a row with more cells than the header.
    private func extraCells(_ record: Record) -> String? {
        guard record.values.count > inputFields.count else { return nil }
        return record.values[inputFields.count...].lazy.compactMap { $0 }.first { !$0.trimmingWhitespace.isEmpty }
    }

    /// The report so far; throws when the counts do not add up.
    /// - Parameters: the files written, relative to the root, for the report to name.
    public func finish(quarantineFile: String? = nil, outputFile: String? = nil) throws -> CleansingReport {
        let quarantined = quarantineReasons.values.reduce(0, +)
        let report = CleansingReport(
            dataset: context.datasetID, rowsIn: rowsIn, rowsKept: rowsKept, rowsQuarantined: quarantined,
            balanced: rowsIn == rowsKept + quarantined, fields: outputFields, steps: changes.stepChanges,
            quarantineReasons: quarantineReasons, fuzzyMatches: changes.fuzzyMatches, repairs: changes.repairs,
            repairCount: changes.repairCount, quarantineFile: quarantineFile, outputFile: outputFile
        )
        guard report.balanced else {
            throw LumpiniError(
                "rows-unbalanced", "\(rowsIn) rows in but \(rowsKept) kept and \(quarantined) quarantined",
                kind: .internal, file: context.descriptionFile, hint: "this is a bug in Lumpini: please report it with the dataset"
            )
        }
        return report
    }
}
