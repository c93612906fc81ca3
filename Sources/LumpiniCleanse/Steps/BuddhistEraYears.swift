/// `buddhist-era-years`: year columns written in the Buddhist Era ("2566") as Common Era years
/// ("2023"). Years in `ThaiCalendar.buddhistEraYears` (2400–2643) are converted; other
/// four-digit years are taken as already CE and kept. Parameters: `fields` (required);
/// `onInvalid`: keep | null | quarantine for values that are no year (default keep).
final class BuddhistEraYears: CleansingStep {
    static let name = "buddhist-era-years"
    static let summary = "year columns in the Buddhist Era to the Common Era: \"2566\" → \"2023\""
    static let worksOnTextAlone = true

    private let fields: [(index: Int, name: String)]
    private let onInvalid: InvalidValuePolicy

    init(parameters: inout StepParameters, layout: inout FieldLayout, context: CleansingContext) throws {
        fields = try parameters.fields(in: layout, defaultAll: false).map { ($0, layout.names[$0]) }
        onInvalid = try parameters.choice("onInvalid", InvalidValuePolicy.self) ?? .keep
    }

    func apply(to record: inout Record, changes: ChangeRecorder) throws -> StepVerdict {
        for field in fields {
            guard let value = record.value(at: field.index) else { continue }
            let digits = ThaiText.arabicDigits(value).trimmingWhitespace
            if digits.utf8.count == 4, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let year = Int(digits) {
                let converted = ThaiCalendar.buddhistEraYears.contains(year) ? year - ThaiCalendar.buddhistEraOffset : year
                record.update(at: field.index, field: field.name, changes: changes) { _ in String(converted) }
                continue
            }
            switch onInvalid {
            case .keep: continue
            case .null: record.update(at: field.index, field: field.name, changes: changes) { _ in nil }
            case .quarantine:
                return .quarantine(reason: "invalid-year", message: "\"\(value)\" in \(field.name) is not a year", field: field.name)
            }
        }
        return .keep
    }
}
