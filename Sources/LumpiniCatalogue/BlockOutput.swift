import Foundation

/// Bytes on their way to a file descriptor, handed over in blocks of 64 KiB: a listing of any length
/// holds one block, and the terminal or pipe starts receiving it before the query ends.
public struct BlockOutput {
    public private(set) var bytes: [UInt8] = []
    let descriptor: Int32
    static let blockSize = 1 << 16

    public init(descriptor: Int32 = STDOUT_FILENO) {
        self.descriptor = descriptor
        bytes.reserveCapacity(BlockOutput.blockSize + BlockOutput.blockSize / 4)
    }

    public mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    public mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: buffer)
    }

    public mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Text made at run time (a literal goes to the `StaticString` overload only when this one has another name).
    public mutating func append(text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Hands the bytes over once a block is full; call it between items.
    public mutating func endItem() throws {
        if bytes.count >= BlockOutput.blockSize { try flush() }
    }

    /// Hands every byte held over.
    /// - Throws: `LumpiniError` `output-unwritable` when the descriptor refuses them.
    public mutating func flush() throws {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                throw LumpiniError(
                    "output-unwritable", "cannot write the output: \(String(cString: strerror(errno)))", kind: .input,
                    hint: "check the disk or the pipe the output goes to")
            }
            written += count
        }
        bytes.removeAll(keepingCapacity: true)
    }
}
