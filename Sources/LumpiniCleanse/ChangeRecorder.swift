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

    /// The account of a run made in two stages (`RecipeRunner`), as one recorder would have kept it
    /// had it seen every step of every row in order: a counter belongs to one step, so the counters
    /// join; a spelling or repair seen by both stages keeps its first rows, in row order.
    convenience init(combining first: ChangeRecorder, _ second: ChangeRecorder) {
        self.init()
        counters = first.counters + second.counters
        counterIndex = first.counterIndex.merging(second.counterIndex.mapValues { $0 + first.counters.count }) { kept, _ in kept }
        // Where each spelling was first seen: its first row, then the stage, then its place there.
        var firstSeen: [(row: Int, stage: Int, place: Int)] = []
        for (stage, recorder) in [first, second].enumerated() {
            for (place, match) in recorder.fuzzy.enumerated() {
                let key = Self.fuzzyKey(match.field, match.value)
                guard let index = fuzzyIndex[key] else {
                    fuzzyIndex[key] = fuzzy.count
                    fuzzy.append(match)
                    firstSeen.append((match.rows[0], stage, place))
                    continue
                }
                if match.rows[0] < firstSeen[index].row { firstSeen[index] = (match.rows[0], stage, place) }
                fuzzy[index].count += match.count
                fuzzy[index].rows = Array(Self.inRowOrder(fuzzy[index].rows + match.rows, row: { $0 }).prefix(Self.exampleLimit))
            }
        }
        fuzzy = zip(fuzzy, firstSeen).sorted { ($0.1.row, $0.1.stage, $0.1.place) < ($1.1.row, $1.1.stage, $1.1.place) }.map(\.0)
        fuzzyIndex = Dictionary(uniqueKeysWithValues: fuzzy.enumerated().map { (Self.fuzzyKey($1.field, $1.value), $0) })
        repairs = Array(Self.inRowOrder(first.repairs + second.repairs) { $0.row }.prefix(Self.repairLimit))
        repairCount = first.repairCount + second.repairCount
    }

    /// `elements` by row, those of one row kept in the order given (the first stage's first).
    private static func inRowOrder<Element>(_ elements: [Element], row: (Element) -> Int) -> [Element] {
        elements.enumerated().sorted { (row($0.element), $0.offset) < (row($1.element), $1.offset) }.map(\.element)
    }

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
        let key = Self.fuzzyKey(field, value)
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

    private static func fuzzyKey(_ field: String, _ value: String) -> String {
        field + "\u{0}" + value
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
