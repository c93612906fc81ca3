/// `thai-digits`: Thai digits ๐–๙ written as 0–9. Parameters: `fields` (default: all).
package final class ThaiDigits: CleansingStep {
    package static let name = "thai-digits"
    static let summary = "Thai digits ๐–๙ to 0–9"
    static let worksOnTextAlone = true

    private let fields: [(index: Int, name: String)]

    init(parameters: inout StepParameters, layout: inout FieldLayout, context: CleansingContext) throws {
        fields = try parameters.fields(in: layout, defaultAll: true).map { ($0, layout.names[$0]) }
    }

    func apply(to record: inout Record, changes: ChangeRecorder) throws -> StepVerdict {
        for field in fields {
            record.update(at: field.index, field: field.name, changes: changes, ThaiText.arabicDigits)
        }
        return .keep
    }
}
