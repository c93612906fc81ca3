/// RFC 4180 CSV, the one quoter of every CSV Lumpini writes (published data, quarantine, listings):
/// a field is quoted when it holds a comma, a quote or a line break, its quotes doubled; runs of
/// bytes between quotes are copied whole.
extension ByteOutput where Self: ~Copyable {
    @inlinable @inline(__always)
    static func csvNeedsQuotes(_ byte: UInt8) -> Bool {
        byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D
    }

    @inlinable
    public mutating func csvField(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard utf8.contains(where: Self.csvNeedsQuotes) else { return append(utf8) }
        append(0x22)
        var start = 0
        for index in utf8.indices where utf8[index] == 0x22 {
            append(UnsafeBufferPointer(rebasing: utf8[start...index]))
            append(0x22)
            start = index + 1
        }
        append(UnsafeBufferPointer(rebasing: utf8[start...]))
        append(0x22)
    }

    @inlinable
    public mutating func csvField(_ value: String) {
        value.withUTF8Bytes { csvField($0) }
    }

    /// One record: the fields separated by commas (null written as an empty field), ended by CRLF.
    @inlinable
    public mutating func csvRecord(_ fields: [String?]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { append(0x2C) }
            if let field { csvField(field) }
        }
        append(0x0D)
        append(0x0A)
    }
}
