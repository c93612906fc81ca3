/// Consecutive steps of a recipe, run in order on each record, with the changes they made and the
/// rows they set aside by reason. A recipe runs as two stages (`RecipeRunner`) so that its leading
/// text steps can run on another thread; each stage keeps its own account, merged for the report.
final class RecipeStage {
    private let steps: [(index: Int, name: String, step: any CleansingStep)]
    let changes = ChangeRecorder()
    private(set) var quarantineReasons: [String: Int] = [:]

    init(steps: [(index: Int, name: String, step: any CleansingStep)]) {
        self.steps = steps
    }

    /// Runs every step on `record`.
    /// - Parameter asRead: the row as the source gave it, which the quarantine keeps.
    /// - Returns: the quarantine entry when a step sets the record aside.
    func run(_ record: inout Record, asRead: Record) throws -> QuarantineEntry? {
        for entry in steps {
            changes.currentStep = (entry.index, entry.name)
            if case .quarantine(let reason, let message, let field) = try entry.step.apply(to: &record, changes: changes) {
                return setAside(asRead, reason: reason, message: message, field: field)
            }
        }
        return nil
    }

    /// Counts `record` as set aside for `reason`; its entry holds the row as given.
    func setAside(_ record: Record, reason: String, message: String, field: String?) -> QuarantineEntry {
        quarantineReasons[reason, default: 0] += 1
        return QuarantineEntry(
            row: record.rowNumber, reason: reason, message: message, field: field,
            values: record.values, geometryWKT: record.geometry.map { $0.wkt }
        )
    }
}
