import Foundation

/// A record that a scratch file gives back sorted.
protocol ScratchRecord: BitwiseCopyable, Comparable {
    /// Whether the two records share the key they are sorted by first (the file counts distinct keys).
    func hasSameKey(as other: Self) -> Bool
}

/// Fixed-width records that the feature index's writer gathers while it reads a GeoJSON file once, given
/// back sorted with memory that does not grow with their number: they are sorted in runs, each
/// written to a file beside the index, and the runs merged as they are read back (a run that fits in
/// memory alone is never written). Removed with the writer.
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
        buffer.sort()
        for index in buffer.indices where index == 0 || !buffer[index].hasSameKey(as: buffer[index - 1]) { distinctKeysAtMost += 1 }
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
        var readers = runs.map { RunReader(remaining: $0) }
        var heap = try readers.indices.filter { try readers[$0].load(descriptor) }
        func precedes(_ left: Int, _ right: Int) -> Bool { readers[heap[left]].current < readers[heap[right]].current }
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                var first = parent
                if 2 * parent + 1 < heap.count, precedes(2 * parent + 1, first) { first = 2 * parent + 1 }
                if 2 * parent + 2 < heap.count, precedes(2 * parent + 2, first) { first = 2 * parent + 2 }
                if first == parent { return }
                heap.swapAt(parent, first)
                parent = first
            }
        }
        for index in stride(from: heap.count / 2, through: 0, by: -1) { siftDown(index) }
        while let top = heap.first {
            try body(readers[top].current)
            if try !readers[top].advance(descriptor) {
                let last = heap.removeLast()
                guard !heap.isEmpty else { break }
                heap[0] = last
            }
            siftDown(0)
        }
    }

    /// One run being merged: a block of it in memory at a time.
    private struct RunReader {
        var remaining: Range<Int>
        var block: [Record] = []
        var position = 0

        var current: Record { block[position] }

        init(remaining: Range<Int>) {
            self.remaining = remaining
        }

        /// Reads the next block; false at the end of the run.
        mutating func load(_ descriptor: Int32) throws -> Bool {
            let records = min(ScratchFile.readRecords, remaining.count)
            guard records > 0 else { return false }
            let stride = MemoryLayout<Record>.stride
            let start = remaining.lowerBound
            block = try [Record](unsafeUninitializedCapacity: records) { buffer, initialized in
                let bytes = records * stride
                var done = 0
                while done < bytes {
                    let read = pread(descriptor, UnsafeMutableRawPointer(buffer.baseAddress!) + done, bytes - done, off_t(start * stride + done))
                    guard read > 0 else { throw ScratchFile.error("cannot read") }
                    done += read
                }
                initialized = records
            }
            remaining = (start + records)..<remaining.upperBound
            position = 0
            return true
        }

        /// Moves to the next record; false at the end of the run.
        mutating func advance(_ descriptor: Int32) throws -> Bool {
            position += 1
            return position < block.count ? true : try load(descriptor)
        }
    }

    fileprivate static func error(_ what: String) -> LumpiniError {
        LumpiniError(
            "feature-index-unwritable", "\(what) the feature index's scratch file: \(String(cString: strerror(errno)))",
            kind: .input, hint: "check that the catalogue's folder is writable and has room")
    }
}
