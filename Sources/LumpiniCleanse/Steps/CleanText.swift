/// `clean-text`: Unicode NFC; zero-width and control characters removed; whitespace trimmed and
/// runs of it collapsed to one space; decomposed sara am (nikhahit + sara aa) and doubled sara e
/// repaired. Parameters: `fields` (default: all).
package final class CleanText: CleansingStep {
    package static let name = "clean-text"
    static let summary = "NFC, trim and collapse whitespace, remove zero-width and control characters, repair decomposed sara am"
    static let worksOnTextAlone = true

    private let fields: [(index: Int, name: String)]

    init(parameters: inout StepParameters, layout: inout FieldLayout, context: CleansingContext) throws {
        fields = try parameters.fields(in: layout, defaultAll: true).map { ($0, layout.names[$0]) }
    }

    func apply(to record: inout Record, changes: ChangeRecorder) throws -> StepVerdict {
        for field in fields {
            record.update(at: field.index, field: field.name, changes: changes, TextCleaner.clean)
        }
        return .keep
    }
}
