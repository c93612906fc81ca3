/// Writes a new file through a large buffer, hashing (SHA-256) and counting the bytes as they go,
/// so a published file needs no second read for its checksum. Two buffers take turns: while a
/// `FileSink` hashes and writes a full one, the other fills.
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

    /// Creates `path`, which must not exist yet.
    init(path: String, capacity: Int = 1 << 20) throws {
        sink = try FileSink(path: path)
        self.capacity = capacity
        filling = FileSink.Chunk(capacity: capacity)
        spare = FileSink.Chunk(capacity: capacity)
        buffer = filling.bytes
    }

    /// Space for at least `needed` bytes (at most the capacity); write there, then `advance(by:)`.
    @inline(__always)
    func reserve(_ needed: Int) throws -> UnsafeMutablePointer<UInt8> {
        if capacity - count < needed { try flush() }
        return buffer + count
    }

    @inline(__always)
    func advance(by written: Int) {
        count += written
    }

    @inline(__always)
    func append(_ byte: UInt8) throws {
        if count == capacity { try flush() }
        buffer[count] = byte
        count += 1
    }

    func append(_ bytes: UnsafeRawBufferPointer) throws {
        var remaining = bytes
        while !remaining.isEmpty {
            if count == capacity { try flush() }
            let chunk = min(remaining.count, capacity - count)
            UnsafeMutableRawPointer(buffer + count).copyMemory(from: remaining.baseAddress!, byteCount: chunk)
            count += chunk
            remaining = UnsafeRawBufferPointer(rebasing: remaining[chunk...])
        }
    }

    func append(_ text: StaticString) throws {
        try append(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    func append(_ text: String) throws {
        var text = text
        try text.withUTF8 { try append(UnsafeRawBufferPointer($0)) }
    }

    func append(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try append($0) }
    }

    /// Hands the buffered bytes to the sink and goes on in the other buffer.
    func flush() throws {
        guard count > 0 else { return }
        filling.count = count
        try sink.submit(filling)
        swap(&filling, &spare)
        buffer = filling.bytes
        size += count
        count = 0
    }

    /// Flushes, syncs to disk and closes; returns the file's size and SHA-256 (lowercase hex).
    func finish() throws -> (size: Int, sha256: String) {
        try flush()
        return (size, try sink.finish())
    }
}
