/// `skip-total-rows`: total lines of a spreadsheet ("รวม", "รวมทั้งสิ้น", "Total") are not
/// records: they are quarantined as `total-row`. A row is a total when the declared field, or
/// else its first non-empty value, starts with one of `prefixes` (case ignored; `TotalRow`).
/// Parameters: `field`; `prefixes` (default: รวม, ยอดรวม, total, grand total, sum).
package final class SkipTotalRows: CleansingStep {
    package static let name = "skip-total-rows"
    static let summary = "total rows (\"รวม\", \"Total\") are set aside (reason total-row)"
    static let worksOnTextAlone = true

    private let field: Int?
    private let prefixes: [String]

    init(parameters: inout StepParameters, layout: inout FieldLayout, context: CleansingContext) throws {
        field = try parameters.string("field").map { try parameters.field($0, in: layout, parameter: "field") }
        prefixes = (try parameters.strings("prefixes") ?? TotalRow.defaultPrefixes).map { $0.lowercased() }
    }

    func apply(to record: inout Record, changes: ChangeRecorder) throws -> StepVerdict {
        guard let label = TotalRow.label(of: record.values, field: field, prefixes: prefixes) else { return .keep }
        return .quarantine(reason: "total-row", message: "a total row (\"\(label)\"), not a record", field: nil)
    }
}
