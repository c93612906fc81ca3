/// A `ByteOutput` into a new file through a large buffer, hashing (SHA-256) and counting the bytes
/// as they go, so a published file needs no second read for its checksum. Two buffers take turns:
/// while a `FileSink` hashes and writes a full one, the other fills.
///
/// Appending never throws: a write that failed (a full disk) is thrown by the next `endItem()` or
/// by `finish()`, and what is appended after it is dropped.
///
/// Not `Sendable`: one writer belongs to the task writing the dataset.
final class BufferedFileWriter {
    var path: String { sink.path }
    private let sink: FileSink
    private var filling: FileSink.Chunk
    private var spare: FileSink.Chunk
    private var buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var count = 0
    private(set) var size = 0
    private var failure: LumpiniError?

    /// Creates `path`, which must not exist yet; `follower` reads the bytes as they are written.
    init(path: String, capacity: Int = 1 << 20, follower: (any FileFollower)? = nil) throws {
        sink = try FileSink(path: path, follower: follower)
        self.capacity = capacity
        filling = FileSink.Chunk(capacity: capacity)
        spare = FileSink.Chunk(capacity: capacity)
        buffer = filling.bytes
    }

    /// Hands the buffered bytes to the sink and goes on in the other buffer.
    private func handOver() {
        guard count > 0 else { return }
        defer { count = 0 }
        guard failure == nil else { return }
        filling.count = count
        do {
            try sink.submit(filling)
        } catch {
            failure = error
            return
        }
        swap(&filling, &spare)
        buffer = filling.bytes
        size += count
    }

    /// Flushes, syncs to disk and closes; returns the file's size and SHA-256 (lowercase hex).
    /// - Throws: `LumpiniError` `file-system-error` for any write that failed.
    func finish() throws(LumpiniError) -> (size: Int, sha256: String) {
        handOver()
        if let failure { throw failure }
        return (size, try sink.finish())
    }
}

extension BufferedFileWriter: ByteOutput {
    @inline(__always)
    func append(_ byte: UInt8) {
        if count == capacity { handOver() }
        buffer[count] = byte
        count += 1
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        var remaining = bytes
        while !remaining.isEmpty {
            if count == capacity { handOver() }
            let chunk = min(remaining.count, capacity - count)
            (buffer + count).update(from: remaining.baseAddress!, count: chunk)
            count += chunk
            remaining = UnsafeBufferPointer(rebasing: remaining[chunk...])
        }
    }

    func append(repeating byte: UInt8, count repeats: Int) {
        for _ in 0..<max(0, repeats) { append(byte) }
    }

    func append(text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// - Throws: `LumpiniError` `file-system-error` when a write handed over so far failed.
    func endItem() throws(LumpiniError) {
        if let failure { throw failure }
    }
}
