/// What the privacy gate found in a dataset: per column and kind, how many values hold personal
/// data, with up to three masked examples. Written as `privacy-report.json`; keys are stable.
public struct PrivacyReport: Codable, Sendable, Equatable {
    /// Personal data of one kind in one column.
    public struct Finding: Codable, Sendable, Equatable {
        public var column: String
        public var kind: PersonalDataKind
        /// Values (cells) of the column holding at least one item of this kind.
        public var count: Int
        /// Up to three different examples, masked (`1-2345-xxxxx-xx-x`, `08x-xxx-1234`, `s***@example.org`, `นาย ส***`).
        public var examples: [String]
        /// The first row where it was found.
        public var firstRow: Int
        /// Why a person name was found: `honorific` or `column-name`.
        public var rule: String?
    }

    public var rowsScanned: Int
    /// Findings that `privacy.allow` does not cover: any of these blocks a release.
    public var findings: [Finding]
    /// Findings in columns declared to hold that kind (`privacy.allow`): published, reported.
    public var allowed: [Finding]

    /// Whether the dataset may not be released as it is.
    public var isBlocking: Bool { !findings.isEmpty }

    /// The error a release reports for a blocked dataset (exit code 1), or nil when nothing blocks.
    public func blockingError(file: String? = nil) -> LumpiniError? {
        guard let first = findings.first else { return nil }
        let summary = findings.map {
            "\($0.column): \($0.count) \($0.kind.plural) from row \($0.firstRow) (e.g. \($0.examples.joined(separator: ", ")))"
        }
        return LumpiniError(
            "personal-data", "personal data found, release blocked — \(summary.joined(separator: "; "))",
            kind: .data, file: file, field: first.column,
            hint: "drop the column in the recipe, or declare it under privacy.allow in dataset.yaml if publishing it is lawful"
        )
    }

    /// Throws `blockingError` when something blocks.
    public func requireNothingBlocking(file: String? = nil) throws {
        if let error = blockingError(file: file) { throw error }
    }
}
