/// Where text is written as bytes: a `BlockOutput` to a file descriptor, a `ByteBuffer` reused row
/// after row, or an array in memory. The CSV and JSON encodings are written once, over this protocol.
public protocol ByteOutput: ~Copyable {
    associatedtype Failure: Error
    mutating func append(_ byte: UInt8)
    mutating func append(_ buffer: UnsafeBufferPointer<UInt8>)
    mutating func append(repeating byte: UInt8, count: Int)
    mutating func append(text: String)
    /// Between items: the output may hand over what it holds.
    mutating func endItem() throws(Failure)
}

extension ByteOutput where Self: ~Copyable {
    @inlinable @inline(__always)
    public mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { append($0) }
    }

    @inlinable @inline(__always)
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        append(bytes.assumingMemoryBound(to: UInt8.self))
    }
}

extension Array: ByteOutput where Element == UInt8 {
    public mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        append(contentsOf: buffer)
    }

    public mutating func append(repeating byte: UInt8, count: Int) {
        append(contentsOf: repeatElement(byte, count: Swift.max(0, count)))
    }

    public mutating func append(text: String) {
        append(contentsOf: text.utf8)
    }

    public mutating func endItem() {}
}
