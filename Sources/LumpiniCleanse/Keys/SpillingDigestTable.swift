import Foundation

/// Keys remembered in memory that does not grow with the rows (the keys a table must keep unique,
/// the records `remove-duplicates` has seen): the latest keys in a `DigestTable`; each time it holds `spillThreshold` keys they are sorted into a
/// run in an unlinked temporary file, and only a Bloom filter of the run (two bytes a key) stays in
/// memory. A lookup asks the table, then the runs from the newest, reading a run (a binary search,
/// one `pread` a step) only when its filter says the key may be there: for a repeat, or for about
/// one key in a thousand. A million-row table keeps 2 MB of filters and the table's 5 MB instead
/// of a 24 MB table.
///
/// When the temporary file cannot be written (a full disk), the keys simply stay in memory.
package final class SpillingDigestTable {
    package static let defaultSpillThreshold = 1 << 18

    private struct Run {
        /// Where the run's entries start in the file, in entries.
        var start: Int
        var count: Int
        var filter: BloomFilter
    }

    private var recent: DigestTable
    private var spillThreshold: Int
    private var runs: [Run] = []
    private var file: Int32 = -1
    private var entriesWritten = 0

    package init(capacity: Int = 1024, spillThreshold: Int = defaultSpillThreshold) {
        self.spillThreshold = spillThreshold
        recent = DigestTable(capacity: min(capacity, spillThreshold))
    }

    deinit {
        if file >= 0 { close(file) }
    }

    /// Stores `row` for `digest` and returns the latest row stored before for it, if any.
    package func updateValue(_ row: Int, forKey digest: KeyDigest) -> Int? {
        if let previous = recent.updateValue(row, forKey: digest) { return previous }
        let previous = spilledRow(for: digest)
        if recent.count >= spillThreshold { spill() }
        return previous
    }

    /// Stores `row` for `digest` unless a row is stored for it already, and returns that first row.
    package func insert(_ row: Int, forKey digest: KeyDigest) -> Int? {
        if let first = recent.row(for: digest) ?? spilledRow(for: digest) { return first }
        _ = recent.updateValue(row, forKey: digest)
        if recent.count >= spillThreshold { spill() }
        return nil
    }

    /// The row the newest run that holds `digest` stored for it.
    private func spilledRow(for digest: KeyDigest) -> Int? {
        for run in runs.reversed() where run.filter.mayContain(digest) {
            if let found = find(digest, in: run) { return found }
        }
        return nil
    }

    private func spill() {
        var filter = BloomFilter(keys: recent.count)
        let start = entriesWritten
        var written = false
        recent.removeAllSorted { entries in
            written = write(entries)
            guard written else { return false }
            for entry in entries { filter.insert(high: entry.high, lowHalf: entry.tail >> 32) }
            entriesWritten += entries.count
            return true
        }
        guard written else {
            spillThreshold = .max
            return
        }
        runs.append(Run(start: start, count: entriesWritten - start, filter: filter))
    }

    private func write(_ entries: UnsafeBufferPointer<DigestTable.Slot>) -> Bool {
        if file < 0 {
            var template = Array((FileManager.default.temporaryDirectory.path + "/lumpini-keys-XXXXXX").utf8CString)
            file = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard file >= 0 else { return false }
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        }
        let bytes = UnsafeRawBufferPointer(entries)
        var offset = 0
        while offset < bytes.count {
            let written = pwrite(file, bytes.baseAddress! + offset, bytes.count - offset, off_t(entriesWritten * MemoryLayout<DigestTable.Slot>.stride + offset))
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// The row stored for `digest` in `run`, found by binary search in the file.
    private func find(_ digest: KeyDigest, in run: Run) -> Int? {
        let wanted = (digest.high, digest.low >> 32)
        var low = 0, high = run.count
        var entry = DigestTable.Slot(high: 0, tail: 0)
        while low < high {
            let middle = (low + high) / 2
            let offset = off_t((run.start + middle) * MemoryLayout<DigestTable.Slot>.stride)
            guard withUnsafeMutableBytes(of: &entry, { pread(file, $0.baseAddress!, $0.count, offset) }) == MemoryLayout<DigestTable.Slot>.stride else {
                return nil
            }
            if entry.key == wanted { return Int(UInt32(truncatingIfNeeded: entry.tail)) }
            if entry.key < wanted { low = middle + 1 } else { high = middle }
        }
        return nil
    }
}
