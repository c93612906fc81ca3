import Foundation

/// Keys remembered in memory that does not grow with the rows (the keys a table must keep unique,
/// the records `remove-duplicates` has seen): the latest keys in a `DigestTable`, which is sorted into
/// a run in an unlinked temporary file instead of growing to room for more than `spillThreshold` keys
/// (the table grows by steps: from its default start it stops at 195,496 slots, 3.1 MB, holding up to
/// 156,396 keys); only a Bloom filter of each run (two bytes a key) stays in memory. Stopping the
/// table before it grows, rather than at a count of keys, keeps the peak memory of a million rows that
/// of 150,000: growing copies the table, and the last step would have made it 5.9 MB and 9 MB while it
/// copied. A lookup asks the table, then the runs from the newest, reading a run (a binary search, one
/// `pread` a step) only when its filter says the key may be there: for a repeat, or for about one key
/// in a thousand.
///
/// Integer keys that come in ascending order (ids numbering the rows) skip all of this: one above
/// every integer key before it cannot have been seen, so it is kept in `AscendingIntegerKeys` (a
/// byte or so a key, no hashing, no lookup; the table is not even made); any other key goes the
/// way above, and is looked for there too when it is an integer. A repeat is stored in the table,
/// so the newest row is found first.
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

    /// Empty and small until a key must be stored in it: then it takes the capacity asked for at
    /// the start. Ids that all come in ascending order never need it, however many rows there are.
    private var recent = DigestTable(capacity: 0)
    /// The capacity asked for, until the table is made at it.
    private var startingCapacity: Int?
    /// The keys that were integers above every integer key before them. The table and the runs hold
    /// no integer above the last of them: a key goes there only when it is not above it.
    private var ascending = AscendingIntegerKeys()
    private var spillThreshold: Int
    private var runs: [Run] = []
    private var file: Int32 = -1
    private var entriesWritten = 0

    package init(capacity: Int = 1024, spillThreshold: Int = defaultSpillThreshold) {
        self.spillThreshold = spillThreshold
        startingCapacity = min(capacity, spillThreshold)
    }

    deinit {
        if file >= 0 { close(file) }
    }

    /// Stores `row` for `digest` and returns the latest row stored before for it, if any.
    package func updateValue(_ row: Int, forKey digest: KeyDigest) -> Int? {
        let integer = digest.integer
        if let integer, ascending.isAbove(integer) {
            ascending.append(integer, row: row)
            return nil
        }
        makeRoom()
        return recent.updateValue(row, forKey: digest) ?? spilledRow(for: digest) ?? integer.flatMap(ascending.row(for:))
    }

    /// Stores `row` for `digest` unless a row is stored for it already, and returns that first row.
    package func insert(_ row: Int, forKey digest: KeyDigest) -> Int? {
        let integer = digest.integer
        if let integer {
            if ascending.isAbove(integer) {
                ascending.append(integer, row: row)
                return nil
            }
            if let first = ascending.row(for: integer) { return first }
        }
        if let first = recent.row(for: digest) ?? spilledRow(for: digest) { return first }
        makeRoom()
        _ = recent.updateValue(row, forKey: digest)
        return nil
    }

    /// The slots of the latest keys' table: what the table's memory is, whatever the keys stored.
    var tableSlots: Int { recent.slotCount }

    /// Readies the table for one more key: made at the capacity asked for when it is about to take
    /// its first, spilled when one more would grow it past room for `spillThreshold`. A key of the
    /// table spilled just before its update is found in the newest run.
    private func makeRoom() {
        if let capacity = startingCapacity {
            startingCapacity = nil
            recent = DigestTable(capacity: capacity)
        }
        if recent.isFull, recent.roomAfterGrowing > spillThreshold { spill() }
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
