/// `add-constant`: a field with the same value in every record (added, or overwriting one).
/// Parameters: `field`, `value` (null allowed). Overwritten values are counted as changes.
final class AddConstant: CleansingStep {
    static let name = "add-constant"
    static let summary = "add a field with one value for every record: field, value"
    static let worksOnTextAlone = true

    private let index: Int
    private let fieldName: String
    private let value: String?
    private let isNew: Bool

    init(parameters: inout StepParameters, layout: inout FieldLayout, context: CleansingContext) throws {
        fieldName = try parameters.requiredString("field")
        guard parameters.step.parameters["value"] != nil else {
            throw parameters.error("recipe-missing-parameter", "the parameter \"value\" is required (write null for an empty field)")
        }
        value = try parameters.string("value")
        isNew = layout.index(of: fieldName) == nil
        index = layout.addOrFind(fieldName)
    }

    func apply(to record: inout Record, changes: ChangeRecorder) throws -> StepVerdict {
        if isNew {
            record.setValue(value, at: index)
        } else if record.value(at: index) != value {
            changes.record(field: fieldName, row: record.rowNumber, before: record.value(at: index), after: value)
            record.setValue(value, at: index)
        }
        return .keep
    }
}
