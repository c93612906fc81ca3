import Dispatch

/// A `PrivacyScanner` fed from the publishing loop but run on a queue of its own, so the scan
/// of one batch of rows overlaps the cleansing, validation and writing of the next. The scan
/// decides nothing per row (the gate looks at the whole report), so nothing waits for it until
/// `finish()`. At most `maximumPendingBatches` batches are queued: memory stays bounded when
/// the scan is the slower side.
///
/// ```swift
/// let privacy = try ConcurrentPrivacyScan(header: fields, allow: description.privacy.allow)
/// for record in records { privacy.scan(record) }
/// let report = privacy.finish()
/// ```
package final class ConcurrentPrivacyScan: @unchecked Sendable {
    static let batchSize = 2_048
    static let maximumPendingBatches = 4

    private struct Row: Sendable {
        var number: Int
        var values: [String?]
    }

    /// Touched only by jobs on `queue`, which runs them one at a time.
    private var scanner: PrivacyScanner
    private let queue = DispatchQueue(label: "lumpini.privacy-scan")
    private let freeSlots = DispatchSemaphore(value: maximumPendingBatches)
    /// Touched only by the owner's thread.
    private var batch: [Row] = []

    /// - Throws: `privacy-unknown-kind` when `allow` names a kind that does not exist.
    package init(header: [String], allow: [String: [String]]) throws {
        scanner = try PrivacyScanner(header: header, allow: allow)
        batch.reserveCapacity(Self.batchSize)
    }

    package func scan(_ record: Record) {
        batch.append(Row(number: record.rowNumber, values: record.values))
        if batch.count == Self.batchSize { send() }
    }

    /// Waits for every queued row to be scanned and returns what was found.
    package func finish() -> PrivacyReport {
        send()
        return queue.sync { scanner.report }
    }

    private func send() {
        guard !batch.isEmpty else { return }
        let rows = batch
        batch.removeAll(keepingCapacity: true)
        freeSlots.wait()
        queue.async { [self] in
            for row in rows { scanner.scan(values: row.values, row: row.number) }
            freeSlots.signal()
        }
    }
}
