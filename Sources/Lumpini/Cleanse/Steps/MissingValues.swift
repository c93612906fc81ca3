/// `missing-values`: the tokens agencies write for "no data" become null.
/// Parameters: `tokens` (default: "", "-", "–", "—", "N/A", "n/a", "NA", "null", "ไม่มีข้อมูล",
/// "ไม่ระบุ"), compared after trimming; `fields` (default: all).
final class MissingValues: CleansingStep {
    static let name = "missing-values"
    static let summary = "declared tokens (\"-\", \"ไม่มีข้อมูล\", \"N/A\", \"\") become null"
    static let defaultTokens = ["", "-", "–", "—", "N/A", "n/a", "NA", "null", "NULL", "ไม่มีข้อมูล", "ไม่ระบุ"]

    private let fields: [(index: Int, name: String)]
    private let tokens: Set<String>

    init(parameters: inout StepParameters, layout: inout FieldLayout, context: CleansingContext) throws {
        tokens = Set((try parameters.strings("tokens") ?? Self.defaultTokens).map { $0.trimmingWhitespace })
        fields = try parameters.fields(in: layout, defaultAll: true).map { ($0, layout.names[$0]) }
    }

    func apply(to record: inout Record, changes: ChangeRecorder) throws -> StepVerdict {
        for field in fields {
            record.update(at: field.index, field: field.name, changes: changes) { value in
                self.tokens.contains(value.trimmingWhitespace) ? nil : value
            }
        }
        return .keep
    }
}

extension String {
    /// Without leading and trailing whitespace; returns self when there is none (no allocation).
    var trimmingWhitespace: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if !TextCleaner.isWhitespace(first) && !TextCleaner.isWhitespace(last) { return self }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !TextCleaner.isWhitespace($0) }),
              let end = scalars.lastIndex(where: { !TextCleaner.isWhitespace($0) }) else { return "" }
        return String(scalars[start...end])
    }
}
