/// The rows of a run that were not published, by the stage that set them aside and its reason code:
/// the recipe's (`cleanse`: `duplicate`, `outside-area`, …, as in `cleansing-report.json`) and the
/// schema's (`validate`: the type of the row's first problem, `constraint-error`, `type-error`, …, as
/// in `validation-report.json`). The manifest, the reports, the quarantine file, the README and the
/// catalogue give the same figures.
public struct QuarantineReasons: Codable, Sendable, Equatable {
    public enum Stage: String, Codable, Sendable, CaseIterable {
        case cleanse, validate
    }

    public var cleanse: [String: Int]
    public var validate: [String: Int]

    public init(cleanse: [String: Int] = [:], validate: [String: Int] = [:]) {
        self.cleanse = cleanse
        self.validate = validate
    }

    public subscript(stage: Stage) -> [String: Int] {
        switch stage {
        case .cleanse: return cleanse
        case .validate: return validate
        }
    }

    /// Counts one more row set aside by `stage` for `reason`; returns how many there were before it.
    @discardableResult
    public mutating func add(_ reason: String, by stage: Stage) -> Int {
        let before = self[stage][reason, default: 0]
        switch stage {
        case .cleanse: cleanse[reason] = before + 1
        case .validate: validate[reason] = before + 1
        }
        return before
    }

    /// Every row set aside, by either stage.
    public var total: Int { cleanse.values.reduce(0, +) + validate.values.reduce(0, +) }

    /// `cleanse: duplicate 1, outside-area 2; validate: constraint-error 1`, reasons in order; empty when none.
    public var summary: String {
        Stage.allCases.compactMap { stage in
            let reasons = self[stage]
            guard !reasons.isEmpty else { return nil }
            return "\(stage.rawValue): " + reasons.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }.joined(separator: "; ")
    }
}
