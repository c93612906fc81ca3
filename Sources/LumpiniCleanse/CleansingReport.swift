/// What one cleansing run did: the counts that must add up, every change per step and field with
/// examples, the fuzzy district matches, the geometry repairs and why records were quarantined.
///
/// Written as `cleansing-report.json`; `lumpini cleanse --json` prints it. The keys `rowsIn`,
/// `rowsKept`, `rowsQuarantined`, `steps[]` (`step`, `field`, `changed`, `examples`) and
/// `quarantineFile` are a stable contract for automation.
public struct CleansingReport: Codable, Sendable, Equatable {
    public var dataset: String
    public var rowsIn: Int
    public var rowsKept: Int
    public var rowsQuarantined: Int
    /// Whether `rowsIn == rowsKept + rowsQuarantined`.
    public var balanced: Bool
    public var fields: [String]
    public var steps: [StepChange]
    /// Quarantined records by reason code.
    public var quarantineReasons: [String: Int]
    public var fuzzyMatches: [FuzzyMatch]
    public var repairs: [GeometryRepair]
    /// Every repair, including those beyond the listed ones.
    public var repairCount: Int
    /// The quarantine file, relative to the root; nil when nothing was written.
    public var quarantineFile: String?
    /// The cleansed records, relative to the root; nil when nothing was written.
    public var outputFile: String?

    /// The total number of values changed by every step.
    public var changedValues: Int { steps.reduce(0) { $0 + $1.changed } }
}

/// The changes of one step to one field.
public struct StepChange: Codable, Sendable, Equatable {
    public var step: String
    /// The step's position in the recipe (0-based), telling apart two uses of one step.
    public var stepIndex: Int
    public var field: String
    public var changed: Int
    public var examples: [ChangeExample]
}

public struct ChangeExample: Codable, Sendable, Equatable {
    /// The source row number.
    public var row: Int
    public var before: String?
    public var after: String?
}

/// A district value matched by edit distance.
public struct FuzzyMatch: Codable, Sendable, Equatable {
    public var field: String
    public var value: String
    public var code: String
    public var nameTH: String
    public var nameEN: String
    public var distance: Int
    /// The known spelling it was closest to (in its compared form).
    public var closestTo: String
    /// Records with this value.
    public var count: Int
    /// The first rows with this value.
    public var rows: [Int]
}

/// A geometry changed to make it usable: made valid, coordinates swapped, rings re-wound.
public struct GeometryRepair: Codable, Sendable, Equatable {
    public var row: Int
    public var step: String
    public var action: String
    public var detail: String
}
