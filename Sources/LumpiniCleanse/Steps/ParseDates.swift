/// `parse-dates`: dates as agencies write them made ISO 8601 (see `DateText`).
/// Parameters: `fields` (required); `order`: dmy | mdy | ymd (default dmy; four-digit first
/// numbers are always year first); `era`: auto | buddhist | gregorian (default auto: years from
/// 2400 are BE); `twoDigitYears`: buddhist | gregorian | refuse (default buddhist);
/// `excelSerial` (default false); `onInvalid`: keep | null | quarantine (default keep).
package final class ParseDates: CleansingStep {
    package static let name = "parse-dates"
    static let summary = "Buddhist-Era years, Thai month names, d/m/y orders and Excel serials to ISO 8601: \"15 ม.ค. 2566\" → \"2023-01-15\""
    static let worksOnTextAlone = true

    private let fields: [(index: Int, name: String)]
    private let parser: DateText
    private let onInvalid: InvalidValuePolicy

    init(parameters: inout StepParameters, layout: inout FieldLayout, context: CleansingContext) throws {
        fields = try parameters.fields(in: layout, defaultAll: false).map { ($0, layout.names[$0]) }
        var parser = DateText()
        parser.order = try parameters.choice("order", DateText.Order.self) ?? .dmy
        parser.era = try parameters.choice("era", DateText.Era.self) ?? .auto
        parser.twoDigitYears = try parameters.choice("twoDigitYears", DateText.TwoDigitYears.self) ?? .buddhist
        parser.excelSerial = try parameters.bool("excelSerial") ?? false
        self.parser = parser
        onInvalid = try parameters.choice("onInvalid", InvalidValuePolicy.self) ?? .keep
    }

    func apply(to record: inout Record, changes: ChangeRecorder) throws -> StepVerdict {
        for field in fields {
            guard let value = record.value(at: field.index) else { continue }
            if let date = parser.parse(value) {
                record.update(at: field.index, field: field.name, changes: changes) { _ in date }
                continue
            }
            switch onInvalid {
            case .keep: continue
            case .null: record.update(at: field.index, field: field.name, changes: changes) { _ in nil }
            case .quarantine:
                return .quarantine(reason: "invalid-date", message: "\"\(value)\" in \(field.name) is not a date", field: field.name)
            }
        }
        return .keep
    }
}
