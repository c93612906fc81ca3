/// Looks for personal data in a stream of records, one record at a time; memory stays the
/// size of the header (a count and three examples per column and kind).
///
/// ```swift
/// var scanner = try PrivacyScanner(header: reader.header, allow: description.privacy.allow)
/// while let record = try reader.next() { scanner.scan(record) }
/// try scanner.report.requireNothingBlocking(file: "datasets/\(id)/dataset.yaml")
/// ```
public struct PrivacyScanner: Sendable {
    public static let exampleLimit = 3

    public let header: [String]
    private let allowed: [Set<PersonalDataKind>]
    private let peopleColumns: [Bool]
    private var tallies: [Tally]
    private var rowsScanned = 0
    private var detector = PersonalDataDetector()
    private var quietTexts = QuietTexts()
    /// Personal data in the column names themselves ("081-234-5678" as a header, a name where the
    /// header row should be): never allowed, as `privacy.allow` names columns by those names.
    private var headerFindings: [PrivacyReport.Finding] = []

    private struct Tally: Sendable {
        var count = 0
        var examples: [String] = []
        var firstRow = 0
        var rule: String?
    }

    /// - Parameters:
    ///   - header: the column names, in the order of `Record.values`.
    ///   - allow: column name → kinds allowed in it (`DatasetDescription.privacy.allow`).
    /// - Throws: `privacy-unknown-kind` when `allow` names a kind that does not exist.
    public init(header: [String], allow: [String: [String]] = [:]) throws {
        self.header = header
        var allowedKinds: [String: Set<PersonalDataKind>] = [:]
        for (column, names) in allow {
            for name in names {
                guard let kind = PersonalDataKind(rawValue: name) else {
                    throw LumpiniError(
                        "privacy-unknown-kind", "privacy.allow names an unknown kind \"\(name)\"", field: "privacy.allow.\(column)",
                        hint: "use one of: \(PersonalDataKind.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
                allowedKinds[column, default: []].insert(kind)
            }
        }
        allowed = header.map { allowedKinds[$0] ?? [] }
        peopleColumns = header.map(PersonColumn.namesPeople)
        tallies = Array(repeating: Tally(), count: header.count * PersonalDataKind.allCases.count)
        scanHeader()
    }

    /// Looks at every value of one record.
    public mutating func scan(_ record: Record) {
        scan(values: record.values, row: record.rowNumber)
    }

    /// Looks at the values of row `row`, in the order of `header`.
    public mutating func scan(values: [String?], row: Int) {
        rowsScanned += 1
        for (column, value) in values.enumerated() {
            guard let value, !value.isEmpty, !value.withUTF8Bytes(Self.cannotHoldPersonalData) else { continue }
            scan(value, column: column, row: row)
        }
    }

    /// The shortest written number any detector looks for: a Bangkok line, `0` + 8 digits.
    private static let shortestNumber = 9

    /// True for the cells most columns hold — measurements, dates, codes — that no detector could
    /// match: ASCII without letters or `@`, and no run of digits (joined as `DigitGroups` joins the
    /// parts of one written number) as long as the shortest phone number. A dot or slash may join
    /// groups of one number ("081.234.5678"), but a group of more than five digits after a dot is the
    /// decimals of a measurement ("100.523456"): no written number has such a group there.
    /// One pass over the bytes instead of every detector's.
    static func cannotHoldPersonalData(_ bytes: UTF8Text.Bytes) -> Bool {
        var run = 0
        var group = 0
        var afterPoint = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                group += 1
                if afterPoint && group > 5 {
                    run = 0
                } else {
                    run += 1
                    if run >= shortestNumber { return false }
                }
            case UInt8(ascii: "."):
                group = 0
                afterPoint = true
            case UInt8(ascii: "/"):
                group = 0
            case 0x20, UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "+"):
                group = 0
                afterPoint = false
            case UInt8(ascii: "@"), 0x80...:
                return false
            case _ where UTF8Text.isASCIILetter(byte):
                return false
            default:
                run = 0
                group = 0
                afterPoint = false
            }
        }
        return true
    }

    private mutating func scan(_ value: String, column: Int, row: Int) {
        if column >= header.count { growForExtraColumns(upTo: column) }
        let base = column * PersonalDataKind.allCases.count
        let isPeopleColumn = column < peopleColumns.count && peopleColumns[column]
        let digest = value.withUTF8Bytes(KeyDigest.of)
        if quietTexts.contains(digest, inPeopleColumn: isPeopleColumn) { return }
        var found = false
        defer { if !found { quietTexts.insert(digest, inPeopleColumn: isPeopleColumn) } }
        // Taken out while it runs: the closure below changes the tallies, another part of `self`.
        var detector = self.detector
        defer { self.detector = detector }
        detector.detect(value, inPeopleColumn: isPeopleColumn) { hit, masked in
            found = true
            let index = base + hit.kind.index
            if tallies[index].count == 0 {
                tallies[index].firstRow = row
                tallies[index].rule = hit.rule
            }
            tallies[index].count += 1
            if tallies[index].examples.count < Self.exampleLimit {
                let example = masked()
                if !tallies[index].examples.contains(example) { tallies[index].examples.append(example) }
            }
        }
    }

    /// Looks at the column names, as row 1 (the header row of the source).
    private mutating func scanHeader() {
        var detector = self.detector
        defer { self.detector = detector }
        for (column, name) in header.enumerated() {
            detector.detect(name, inPeopleColumn: false) { hit, masked in
                headerFindings.append(PrivacyReport.Finding(
                    column: "name of column \(column + 1)", kind: hit.kind, count: 1, examples: [masked()], firstRow: 1, rule: hit.rule
                ))
            }
        }
    }

    /// Rows longer than the header (ragged files) are scanned too, under "column N".
    private mutating func growForExtraColumns(upTo column: Int) {
        let needed = (column + 1) * PersonalDataKind.allCases.count
        if tallies.count < needed { tallies += Array(repeating: Tally(), count: needed - tallies.count) }
    }

    private func columnName(_ column: Int) -> String {
        column < header.count ? header[column] : "column \(column + 1)"
    }

    /// What was found so far.
    public var report: PrivacyReport {
        var findings = headerFindings
        var allowedFindings: [PrivacyReport.Finding] = []
        let kinds = PersonalDataKind.allCases
        for (index, tally) in tallies.enumerated() where tally.count > 0 {
            let column = index / kinds.count
            let kind = kinds[index % kinds.count]
            let finding = PrivacyReport.Finding(
                column: columnName(column), kind: kind, count: tally.count, examples: tally.examples,
                firstRow: tally.firstRow, rule: kind == .personName ? tally.rule : nil
            )
            if column < allowed.count, allowed[column].contains(kind) {
                allowedFindings.append(finding)
            } else {
                findings.append(finding)
            }
        }
        return PrivacyReport(rowsScanned: rowsScanned, findings: findings, allowed: allowedFindings)
    }
}

extension PersonalDataKind {
    /// The position in `allCases`, for per-column tallies.
    var index: Int {
        switch self {
        case .nationalID: return 0
        case .phone: return 1
        case .email: return 2
        case .personName: return 3
        }
    }
}
