import Foundation

/// Bytes on their way to a file descriptor, handed over in blocks of 64 KiB: a listing of any length
/// holds one block, and the terminal or pipe starts receiving it before the query ends.
///
/// A listing appends a few bytes at a time, hundreds of thousands of times; into an `Array` each append
/// costs a uniqueness and a capacity check, so the block is a fixed buffer with room for the largest item.
public struct BlockOutput: ~Copyable {
    @usableFromInline var block: UnsafeMutablePointer<UInt8>
    @usableFromInline var capacity: Int
    @usableFromInline var count = 0
    let descriptor: Int32
    static let blockSize = 1 << 16

    public init(descriptor: Int32 = STDOUT_FILENO) {
        self.descriptor = descriptor
        capacity = 2 * BlockOutput.blockSize
        block = .allocate(capacity: capacity)
    }

    deinit {
        block.deallocate()
    }

    @inlinable @inline(__always)
    public mutating func append(_ byte: UInt8) {
        reserve(1)
        block[count] = byte
        count += 1
    }

    public mutating func append(repeating byte: UInt8, count repeats: Int) {
        guard repeats > 0 else { return }
        reserve(repeats)
        (block + count).initialize(repeating: byte, count: repeats)
        count += repeats
    }

    @inlinable @inline(__always)
    public mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let source = buffer.baseAddress else { return }
        reserve(buffer.count)
        (block + count).update(from: source, count: buffer.count)
        count += buffer.count
    }

    /// Text made at run time (a literal goes to the `StaticString` overload only when this one has another name).
    public mutating func append(text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Hands the bytes over once a block is full; call it between items.
    public mutating func endItem() throws(LumpiniError) {
        if count >= BlockOutput.blockSize { try flush() }
    }

    /// Hands every byte held over.
    /// - Throws: `LumpiniError` `output-unwritable` when the descriptor refuses them.
    public mutating func flush() throws(LumpiniError) {
        var written = 0
        while written < count {
            let result = write(descriptor, block + written, count - written)
            if result < 0 {
                if errno == EINTR { continue }
                throw BlockOutput.unwritable(file: nil)
            }
            written += result
        }
        count = 0
    }

    /// Room for `extra` more bytes; an item larger than a block grows it.
    @inlinable
    mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        grow(toHold: extra)
    }

    @usableFromInline
    mutating func grow(toHold extra: Int) {
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: max(2 * capacity, count + extra))
        grown.update(from: block, count: count)
        block.deallocate()
        block = grown
        capacity = max(2 * capacity, count + extra)
    }
}

extension BlockOutput {
    /// Writes a file whole or not at all: block by block into a temporary file beside it, synced, then renamed
    /// over it, so that a reader never sees half of it and an export of any size holds one block.
    /// - Throws: `LumpiniError` `output-unwritable` when the folder cannot take it; what `body` throws.
    public static func writingFile(at url: URL, _ body: (inout BlockOutput) throws -> Void) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).partial")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw unwritable(file: url.path) }
        var renamed = false
        defer {
            close(descriptor)
            if !renamed { unlink(temporary.path) }
        }
        var output = BlockOutput(descriptor: descriptor)
        try body(&output)
        try output.flush()
        guard fsync(descriptor) == 0, rename(temporary.path, url.path) == 0 else { throw unwritable(file: url.path) }
        renamed = true
    }

    /// The error for a write refused with `errno`, naming the file when the output is one.
    fileprivate static func unwritable(file: String?) -> LumpiniError {
        LumpiniError(
            "output-unwritable", "cannot write the output: \(String(cString: strerror(errno)))", kind: .input, file: file,
            hint: file == nil ? "check the disk or the pipe the output goes to" : "check that its folder exists and is writable")
    }
}

extension BlockOutput: ByteOutput {}
