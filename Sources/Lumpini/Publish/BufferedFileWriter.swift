import Crypto
import Foundation

/// Writes a new file through a large buffer, hashing (SHA-256) and counting the bytes as they go,
/// so a published file needs no second read for its checksum.
///
/// Not `Sendable`: one writer belongs to the task writing the dataset.
final class BufferedFileWriter {
    let path: String
    private var descriptor: Int32
    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var count = 0
    private var hasher = SHA256()
    private(set) var size = 0

    /// Creates `path`, which must not exist yet.
    init(path: String, capacity: Int = 1 << 20) throws {
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileSystemError.make("create the file", path: path) }
        self.path = path
        self.capacity = capacity
        buffer = .allocate(capacity: capacity)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        buffer.deallocate()
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

    /// Hands the buffered bytes to the kernel.
    func flush() throws {
        guard count > 0 else { return }
        let chunk = UnsafeRawBufferPointer(start: buffer, count: count)
        hasher.update(bufferPointer: chunk)
        var offset = 0
        while offset < count {
            let written = write(descriptor, buffer + offset, count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw FileSystemError.make("write", path: path)
            }
            offset += written
        }
        size += count
        count = 0
    }

    /// Flushes, syncs to disk and closes; returns the file's size and SHA-256 (lowercase hex).
    func finish() throws -> (size: Int, sha256: String) {
        try flush()
        guard fsync(descriptor) == 0 else { throw FileSystemError.make("fsync", path: path) }
        let result = close(descriptor)
        descriptor = -1
        guard result == 0 else { throw FileSystemError.make("close", path: path) }
        return (size, hasher.finalize().hexString)
    }
}
