import Foundation

/// A record that a scratch file gives back sorted.
protocol ScratchRecord: BitwiseCopyable {
    /// What the records are sorted by; records with the same key come back in the order they were
    /// appended (the feature index appends in the order of the features' numbers, its second key).
    var sortKey: UInt64 { get }
}

/// Fixed-width records that the feature index's writer gathers while it reads a GeoJSON file once, given
/// back sorted with memory that does not grow with their number: they are sorted in runs, each
/// written to a file beside the index, and the runs merged as they are read back (a run that fits in
/// memory alone is never written). Removed with the writer.
///
/// A run is sorted by its records' 64-bit keys with a radix sort (a pass a byte, skipping the bytes all
/// keys share), which keeps equal keys in the order appended: the keys are hashes or bit fields, and a
/// comparison sort took several times as long. Runs are merged in the order of their keys, then of the
/// runs, so the whole file keeps that order too.
final class ScratchFile<Record: ScratchRecord> {
    private let url: URL
    private let descriptor: Int32
    private var buffer: [Record] = []
    /// The sorted runs in the file, as ranges of records.
    private var runs: [Range<Int>] = []
    private var finished = false
    /// The number of records appended.
    private(set) var count = 0
    /// The sum of each run's distinct keys: no fewer than the records' distinct keys.
    private(set) var distinctKeysAtMost = 0
    /// The records sorted in memory at a time.
    private let runRecords: Int
    private static var readRecords: Int { (16 << 10) / MemoryLayout<Record>.stride }

    /// A scratch file that sorts runs of `runBytes` of records in memory.
    init(url: URL, runBytes: Int) throws {
        self.url = url
        runRecords = max(1, runBytes / MemoryLayout<Record>.stride)
        descriptor = open(url.path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Self.error("cannot create") }
    }

    deinit {
        close(descriptor)
        unlink(url.path)
    }

    func append(_ record: Record) throws {
        buffer.append(record)
        count += 1
        if buffer.count == runRecords { try writeRun() }
    }

    private func sortBuffer() {
        buffer.withUnsafeMutableBufferPointer { records in
            RadixSort.sort(records)
            for index in records.indices where index == 0 || records[index].sortKey != records[index - 1].sortKey { distinctKeysAtMost += 1 }
        }
    }

    private func writeRun() throws {
        sortBuffer()
        let start = runs.last?.upperBound ?? 0
        let bytes = buffer.count * MemoryLayout<Record>.stride
        let written = buffer.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, bytes, off_t(start * MemoryLayout<Record>.stride)) }
        guard written == bytes else { throw Self.error("cannot write") }
        runs.append(start..<(start + buffer.count))
        buffer.removeAll(keepingCapacity: true)
    }

    /// Sorts the last records: `distinctKeysAtMost` is complete once this is done.
    func finishRuns() throws {
        guard !finished else { return }
        finished = true
        if runs.isEmpty {
            sortBuffer()
        } else if !buffer.isEmpty {
            try writeRun()
        }
        if !runs.isEmpty { buffer = [] }
    }

    /// Calls `body` with every record, in order.
    func forEachSorted(_ body: (Record) throws -> Void) throws {
        try finishRuns()
        guard !runs.isEmpty else {
            for record in buffer { try body(record) }
            buffer = []
            return
        }
        var merge = RunMerge(runs: runs, descriptor: descriptor)
        defer { merge.deallocate() }
        try merge.forEach(body)
    }

    /// The runs merged: a block of each run in memory, and a binary heap of the runs by the key of the
    /// record each is at, ties to the earlier run (it holds the records appended earlier).
    private struct RunMerge {
        /// One run's place: what is left of it in the file, and its block.
        struct Cursor {
            var remaining: Range<Int>
            var position = 0
            var loaded = 0
        }

        let descriptor: Int32
        let blocks: UnsafeMutableBufferPointer<Record>
        var cursors: [Cursor]

        init(runs: [Range<Int>], descriptor: Int32) {
            self.descriptor = descriptor
            blocks = .allocate(capacity: runs.count * ScratchFile.readRecords)
            cursors = runs.map { Cursor(remaining: $0) }
        }

        func deallocate() {
            blocks.deallocate()
        }

        mutating func forEach(_ body: (Record) throws -> Void) throws {
            // The key of the record each run is at, and the run.
            var heap: [(key: UInt64, run: Int)] = []
            for run in cursors.indices where try load(run) { heap.append((blocks[run * ScratchFile.readRecords].sortKey, run)) }
            try heap.withUnsafeMutableBufferPointer { heap in
                var size = heap.count
                for index in stride(from: size / 2, through: 0, by: -1) { Self.siftDown(heap, size, from: index) }
                while size > 0 {
                    let run = heap[0].run
                    let block = run * ScratchFile.readRecords
                    try body(blocks[block + cursors[run].position])
                    cursors[run].position += 1
                    if try cursors[run].position < cursors[run].loaded || load(run) {
                        heap[0].key = blocks[block + cursors[run].position].sortKey
                    } else {
                        size -= 1
                        heap[0] = heap[size]
                    }
                    Self.siftDown(heap, size, from: 0)
                }
            }
        }

        private static func siftDown(_ heap: UnsafeMutableBufferPointer<(key: UInt64, run: Int)>, _ size: Int, from start: Int) {
            func precedes(_ left: Int, _ right: Int) -> Bool {
                heap[left].key != heap[right].key ? heap[left].key < heap[right].key : heap[left].run < heap[right].run
            }
            var parent = start
            while true {
                var first = parent
                let left = 2 * parent + 1
                if left < size, precedes(left, first) { first = left }
                if left + 1 < size, precedes(left + 1, first) { first = left + 1 }
                if first == parent { return }
                heap.swapAt(parent, first)
                parent = first
            }
        }

        /// Reads the next block of `run`; false at the end of the run.
        private mutating func load(_ run: Int) throws -> Bool {
            let records = min(ScratchFile.readRecords, cursors[run].remaining.count)
            guard records > 0 else { return false }
            let stride = MemoryLayout<Record>.stride
            let start = cursors[run].remaining.lowerBound
            let block = UnsafeMutableRawPointer(blocks.baseAddress! + run * ScratchFile.readRecords)
            var done = 0
            while done < records * stride {
                let read = pread(descriptor, block + done, records * stride - done, off_t(start * stride + done))
                guard read > 0 else { throw ScratchFile.error("cannot read") }
                done += read
            }
            cursors[run] = Cursor(remaining: (start + records)..<cursors[run].remaining.upperBound, position: 0, loaded: records)
            return true
        }
    }

    fileprivate static func error(_ what: String) -> LumpiniError {
        LumpiniError(
            "feature-index-unwritable", "\(what) the feature index's scratch file: \(String(cString: strerror(errno)))",
            kind: .input, hint: "check that the catalogue's folder is writable and has room")
    }
}
