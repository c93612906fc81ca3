/// `skip-blank-rows`: a record with no value at all (every cell null or whitespace) is not a
/// record: it is quarantined as `blank-row`, so the counts still add up.
package final class SkipBlankRows: CleansingStep {
    package static let name = "skip-blank-rows"
    static let summary = "rows with no value at all are set aside (reason blank-row)"
    static let worksOnTextAlone = true

    init(parameters: inout StepParameters, layout: inout FieldLayout, context: CleansingContext) throws {}

    func apply(to record: inout Record, changes: ChangeRecorder) throws -> StepVerdict {
        let blank = record.values.allSatisfy { $0 == nil || $0!.trimmingWhitespace.isEmpty } && record.geometry == nil
        return blank ? .quarantine(reason: "blank-row", message: "the row is empty", field: nil) : .keep
    }
}
