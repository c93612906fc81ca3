/// `skip-total-rows`: total lines of a spreadsheet ("รวม", "รวมทั้งสิ้น", "Total") are not
/// records: they are quarantined as `total-row`. A row is a total when the declared field, or
/// else its first non-empty value, starts with one of `prefixes` (case ignored).
/// Parameters: `field`; `prefixes` (default: รวม, ยอดรวม, total, grand total, sum).
final class SkipTotalRows: CleansingStep {
    static let name = "skip-total-rows"
    static let summary = "total rows (\"รวม\", \"Total\") are set aside (reason total-row)"
    static let defaultPrefixes = ["รวม", "ยอดรวม", "total", "grand total", "sum"]

    private let field: Int?
    private let prefixes: [String]

    init(parameters: inout StepParameters, layout: inout FieldLayout, context: CleansingContext) throws {
        field = try parameters.string("field").map { try parameters.field($0, in: layout, parameter: "field") }
        prefixes = (try parameters.strings("prefixes") ?? Self.defaultPrefixes).map { $0.lowercased() }
    }

    func apply(to record: inout Record, changes: ChangeRecorder) throws -> StepVerdict {
        let candidate: String?
        if let field {
            candidate = record.value(at: field)
        } else {
            candidate = record.values.lazy.compactMap { $0?.trimmingWhitespace }.first { !$0.isEmpty }
        }
        guard let text = candidate?.trimmingWhitespace.lowercased(), prefixes.contains(where: { text.hasPrefix($0) }) else {
            return .keep
        }
        return .quarantine(reason: "total-row", message: "a total row (\"\(candidate!.trimmingWhitespace)\"), not a record", field: nil)
    }
}
