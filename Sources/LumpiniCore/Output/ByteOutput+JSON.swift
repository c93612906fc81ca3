/// JSON written straight into bytes, for outputs of thousands of objects or rows where `JSONEncoder`
/// (about 50 µs an object on Linux) would take longer than the work: the one JSON string escaper,
/// escaping as `JSONOutput` does. Callers write keys in sorted order, as `JSONOutput` does.
extension ByteOutput where Self: ~Copyable {
    @inlinable
    public mutating func jsonKey(_ name: StaticString) {
        append("\"")
        append(name)
        append("\":")
    }

    /// The UTF-8 text quoted, `"`, `\` and control characters escaped (RFC 8259), UTF-8 kept as is;
    /// runs of bytes that need no escape are copied whole.
    @inlinable
    public mutating func jsonString(_ utf8: UnsafeBufferPointer<UInt8>) {
        append(0x22)
        var start = 0
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte == 0x22 || byte == 0x5C || byte < 0x20 {
                append(UnsafeBufferPointer(rebasing: utf8[start..<index]))
                jsonEscape(byte)
                start = index + 1
            }
            index += 1
        }
        append(UnsafeBufferPointer(rebasing: utf8[start...]))
        append(0x22)
    }

    @inlinable
    public mutating func jsonString(_ value: String) {
        value.withUTF8Bytes { jsonString($0) }
    }

    @usableFromInline
    mutating func jsonEscape(_ byte: UInt8) {
        switch byte {
        case 0x22: append("\\\"")
        case 0x5C: append("\\\\")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        case 0x08: append("\\b")
        case 0x0C: append("\\f")
        default:
            let hex: StaticString = "0123456789abcdef"
            append("\\u00")
            append(hex.utf8Start[Int(byte >> 4)])
            append(hex.utf8Start[Int(byte & 0x0F)])
        }
    }

    @inlinable
    public mutating func jsonBool(_ value: Bool) {
        value ? append("true") : append("false")
    }
}
