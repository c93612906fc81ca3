/// RFC 4180 fields: quoted when they hold a comma, a quote or a line break, quotes doubled.
extension ByteOutput where Self: ~Copyable {
    private static func csvNeedsQuotes(_ byte: UInt8) -> Bool {
        byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D
    }

    mutating func csvField(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard utf8.contains(where: Self.csvNeedsQuotes) else { return append(utf8) }
        append(0x22)
        for byte in utf8 {
            if byte == 0x22 { append(0x22) }
            append(byte)
        }
        append(0x22)
    }

    public mutating func csvField(_ value: String) {
        var value = value
        value.withUTF8 { csvField($0) }
    }
}
