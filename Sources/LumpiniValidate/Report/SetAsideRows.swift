/// Rows the schema set aside before publishing. They are in the quarantine, not in the published
/// data, so a report that describes the published rows stays `valid`; what was wrong with them is
/// kept here, apart from the published rows' own errors.
public struct SetAsideRows: Sendable, Equatable, Codable {
    /// Rows set aside.
    public var rows: Int
    /// Rows set aside by reason: the type of each row's first problem, as the quarantine file names it.
    public var reasons: [String: Int]
    /// Every problem found on these rows (a row may have several), counted by type.
    public var problemTypes: [String: Int]
    /// The problems kept (the first ones found), in the order found.
    public var errors: [ValidationProblem]
    /// True when more problems were found than are kept.
    public var partial: Bool

    public init(rows: Int, reasons: [String: Int], problems: ErrorCollector) {
        self.rows = rows
        self.reasons = reasons
        problemTypes = problems.countsByType
        errors = problems.kept
        partial = problems.count > problems.kept.count
    }
}
