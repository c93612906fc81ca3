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
    /// The row counted and checked, then the leading steps that work on text alone: the part of the
    /// run a CSV's reading thread may take over (`DatasetCleansing`).
    package let leading: LeadingTextSteps
    /// The steps from the first that may touch a geometry on.
    private let rest: RecipeStage
    private let context: CleansingContext
    private var rowsKept = 0

    /// Builds every step against the fields it will see.
    /// - Throws: `LumpiniError` naming the step, the parameter and its line in `dataset.yaml`:
    ///   an unknown step or parameter, a wrong type, a field that does not exist at that point.
    public init(recipe: [RecipeStep], inputFields: [String], context: CleansingContext) throws {
        var layout = FieldLayout(names: inputFields)
        var steps: [(index: Int, name: String, step: any CleansingStep, textAlone: Bool)] = []
        for (index, recipeStep) in recipe.enumerated() {
            var parameters = StepParameters(step: recipeStep, index: index, file: context.descriptionFile)
            guard let entry = StepCatalogue.entry(named: recipeStep.name) else {
                throw parameters.error(
                    "recipe-unknown-step", "there is no such step", hint: StepCatalogue.suggestion(for: recipeStep.name)
                )
            }
            let step = try entry.make(&parameters, &layout, context)
            try parameters.finish()
            steps.append((index, recipeStep.name, step, entry.worksOnTextAlone))
        }
        let leadingCount = steps.firstIndex { !$0.textAlone } ?? steps.count
        let stage = { (part: ArraySlice<(index: Int, name: String, step: any CleansingStep, textAlone: Bool)>) in
            RecipeStage(steps: part.map { ($0.index, $0.name, $0.step) })
        }
        self.inputFields = inputFields
        self.outputFields = layout.names
        leading = LeadingTextSteps(stage: stage(steps[..<leadingCount]), inputFields: inputFields)
        rest = stage(steps[leadingCount...])
        self.context = context
    }

    /// Runs every step on `record`.
    /// - Throws: only for failures that are not about the data (a GDAL call that cannot run).
    public func process(_ record: Record) throws -> CleansingOutcome {
        var current = record
        if let entry = try leading.process(&current) { return .quarantined(entry) }
        return try processRest(current, asRead: record)
    }

    /// Runs the steps after the leading ones on a row they passed on another thread.
    package func process(_ row: PassedRow) throws -> CleansingOutcome {
        try processRest(Record(rowNumber: row.rowNumber, values: row.values), asRead: Record(rowNumber: row.rowNumber, values: row.valuesAsRead))
    }

    private func processRest(_ record: Record, asRead: Record) throws -> CleansingOutcome {
        var current = record
        // Steps change geometries in place: work on a copy so the quarantine keeps the original.
        if let geometry = record.geometry { current.geometry = geometry.clone() }
        if let entry = try rest.run(&current, asRead: asRead) { return .quarantined(entry) }
        rowsKept += 1
        if current.values.count != outputFields.count {
            current.values += Array(repeating: nil, count: max(0, outputFields.count - current.values.count))
        }
        return .kept(current)
    }

    /// Counts `record` as read and quarantined without running the steps: for a record the source
    /// could not give whole (`SourceReader.unreadableGeometry`).
    public func quarantine(_ record: Record, reason: String, message: String, field: String?) -> QuarantineEntry {
        leading.setAside(record, reason: reason, message: message, field: field)
    }

    /// The report so far; throws when the counts do not add up.
    /// - Parameters: the files written, relative to the root, for the report to name.
    public func finish(quarantineFile: String? = nil, outputFile: String? = nil) throws -> CleansingReport {
        let rowsIn = leading.rowsIn
        let quarantineReasons = leading.stage.quarantineReasons.merging(rest.quarantineReasons, uniquingKeysWith: +)
        let quarantined = quarantineReasons.values.reduce(0, +)
        let changes = ChangeRecorder(combining: leading.stage.changes, rest.changes)
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
