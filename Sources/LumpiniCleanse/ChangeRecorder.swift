/// Counts every change the steps of one run make, per step and field, with the first few examples;
/// and keeps the fuzzy district matches and geometry repairs for the report.
///
/// Memory is bounded: a counter per (step, field), five examples each, one entry per distinct
/// fuzzy spelling, and at most `repairLimit` repair entries (the count stays exact).
public final class ChangeRecorder {
    public static let exampleLimit = 5
    public static let repairLimit = 1000
    static let exampleLength = 200

    private var counters: [StepChange] = []
    private var counterIndex: [Key: Int] = [:]
    private var fuzzy: [FuzzyMatch] = []
    private var fuzzyIndex: [String: Int] = [:]
    private(set) var repairs: [GeometryRepair] = []
    private(set) var repairCount = 0

    /// The step being applied, set by the runner before each step.
    var currentStep = (index: 0, name: "")

    private struct Key: Hashable {
        let step: Int
        let field: String
    }

    init() {}

    /// Records that `field` of source row `row` changed from `before` to `after`.
    func record(field: String, row: Int, before: String?, after: String?) {
        let key = Key(step: currentStep.index, field: field)
        let index: Int
        if let existing = counterIndex[key] {
            index = existing
        } else {
            index = counters.count
            counters.append(StepChange(step: currentStep.name, stepIndex: currentStep.index, field: field, changed: 0, examples: []))
            counterIndex[key] = index
        }
        counters[index].changed += 1
        if counters[index].examples.count < Self.exampleLimit {
            counters[index].examples.append(ChangeExample(row: row, before: Self.clip(before), after: Self.clip(after)))
        }
    }

    /// Whether a change of `field` by the current step would still be kept as an example, so a
    /// step can skip building an expensive "before" text (WKT) when it would not be.
    func wantsExample(field: String) -> Bool {
        guard let index = counterIndex[Key(step: currentStep.index, field: field)] else { return true }
        return counters[index].examples.count < Self.exampleLimit
    }

    /// Records a fuzzy district match; one entry per distinct spelling.
    func recordFuzzy(field: String, row: Int, value: String, district: District, distance: Int, closestTo: String) {
        let key = field + "\u{0}" + value
        if let index = fuzzyIndex[key] {
            fuzzy[index].count += 1
            if fuzzy[index].rows.count < Self.exampleLimit { fuzzy[index].rows.append(row) }
            return
        }
        fuzzyIndex[key] = fuzzy.count
        fuzzy.append(FuzzyMatch(
            field: field, value: value, code: district.code, nameTH: district.nameTH, nameEN: district.nameEN,
            distance: distance, closestTo: closestTo, count: 1, rows: [row]
        ))
    }

    func recordRepair(row: Int, action: String, detail: String) {
        repairCount += 1
        if repairs.count < Self.repairLimit {
            repairs.append(GeometryRepair(row: row, step: currentStep.name, action: action, detail: detail))
        }
    }

    var stepChanges: [StepChange] {
        counters.sorted { ($0.stepIndex, $0.field) < ($1.stepIndex, $1.field) }
    }

    var fuzzyMatches: [FuzzyMatch] { fuzzy }

    static func clip(_ text: String?) -> String? {
        guard let text, text.count > exampleLength else { return text }
        return String(text.prefix(exampleLength)) + "…"
    }
}
