/// What a release of a dataset would publish, found by `lumpini check` running the release's pipeline
/// without writing anything: rows read, published and set aside, by stage and reason, with the first
/// rows set aside for each reason so a data officer can find them in the agency's file.
public struct DryRunAccount: Encodable, Sendable, Equatable {
    /// One row set aside: where it is in the source and why.
    public struct Example: Encodable, Sendable, Equatable {
        public var stage: QuarantineReasons.Stage
        public var reason: String
        public var source: String?
        /// The row of the file (the header's included), as messages and the quarantine file give it.
        public var row: Int
        /// The record's position among the file's data rows, as the agency numbers its records.
        public var record: Int?
        public var field: String?
        public var message: String

        /// `source/pm25.csv row 131 (record 130)`.
        public var place: String {
            "\(source ?? "source") row \(row)" + (record.map { $0 == row ? "" : " (record \($0))" } ?? "")
        }
    }

    /// Examples kept per reason.
    static let examplesPerReason = 3

    public var rowsIn = 0
    public var rowsPublished = 0
    public var rowsQuarantined: Int { quarantineReasons.total }
    public var quarantineReasons = QuarantineReasons()
    public var examples: [Example] = []

    mutating func setAside(_ entry: QuarantineEntry, stage: QuarantineReasons.Stage) {
        rowsIn += 1
        if quarantineReasons.add(entry.reason, by: stage) < Self.examplesPerReason {
            examples.append(Example(
                stage: stage, reason: entry.reason, source: entry.source, row: entry.row, record: entry.record, field: entry.field, message: entry.message
            ))
        }
    }

    mutating func publish() {
        rowsIn += 1
        rowsPublished += 1
    }

    private enum CodingKeys: String, CodingKey {
        case rowsIn, rowsPublished, rowsQuarantined, quarantineReasons, examples
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rowsIn, forKey: .rowsIn)
        try container.encode(rowsPublished, forKey: .rowsPublished)
        try container.encode(rowsQuarantined, forKey: .rowsQuarantined)
        try container.encode(quarantineReasons, forKey: .quarantineReasons)
        try container.encode(examples, forKey: .examples)
    }
}
