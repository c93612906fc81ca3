/// `missing-values`: the tokens agencies write for "no data" become null.
/// Parameters: `tokens` (compared after trimming; default: an empty value and the common markers
/// of `MissingValueMarkers`, such as "-", "N/A", "ไม่มีข้อมูล", compared ignoring case);
/// `fields` (default: all).
package final class MissingValues: CleansingStep {
    package static let name = "missing-values"
    static let summary = "declared tokens (\"-\", \"ไม่มีข้อมูล\", \"N/A\", \"\") become null"
    static let worksOnTextAlone = true

    private let fields: [(index: Int, name: String)]
    /// The declared tokens; nil for the defaults.
    private let tokens: Set<String>?

    init(parameters: inout StepParameters, layout: inout FieldLayout, context: CleansingContext) throws {
        tokens = try parameters.strings("tokens").map { Set($0.map { $0.trimmingWhitespace }) }
        fields = try parameters.fields(in: layout, defaultAll: true).map { ($0, layout.names[$0]) }
    }

    func apply(to record: inout Record, changes: ChangeRecorder) throws -> StepVerdict {
        for field in fields {
            record.update(at: field.index, field: field.name, changes: changes) { value in
                self.isMissing(value) ? nil : value
            }
        }
        return .keep
    }

    private func isMissing(_ value: String) -> Bool {
        let trimmed = value.trimmingWhitespace
        guard let tokens else { return trimmed.isEmpty || MissingValueMarkers.isMarker(trimmed) }
        return tokens.contains(trimmed)
    }
}
