/// The PDPA privacy gate between Validate and Publish: a dataset whose values hold personal data
/// (Thai national ID numbers, phone numbers, e-mail addresses, personal names) in columns not
/// declared under `privacy.allow` in `dataset.yaml` is not released.
///
/// A release calls it on the records it is about to publish (or feeds a `PrivacyScanner` while it
/// streams them) and refuses the dataset when `PrivacyReport.isBlocking`:
/// ```swift
/// let report = try PrivacyGate.scan(reader: reader, allow: description.privacy.allow)
/// try report.requireNothingBlocking(file: "datasets/\(description.id)/dataset.yaml")
/// ```
public enum PrivacyGate {
    /// Scans records already read.
    /// - Throws: `privacy-unknown-kind` when `allow` names an unknown kind.
    public static func scan<Records: Sequence>(records: Records, header: [String], allow: [String: [String]] = [:]) throws -> PrivacyReport
    where Records.Element == Record {
        var scanner = try PrivacyScanner(header: header, allow: allow)
        for record in records { scanner.scan(record) }
        return scanner.report
    }

    /// Scans every record of a source, streaming.
    /// - Throws: `privacy-unknown-kind`, or the reader's error when the file fails mid-way.
    public static func scan(reader: SourceReader, allow: [String: [String]] = [:]) throws -> PrivacyReport {
        var scanner = try PrivacyScanner(header: reader.header, allow: allow)
        while let record = try reader.next() { scanner.scan(record) }
        return scanner.report
    }
}
