/// Decodes the single-byte code pages (TIS-620, Windows-874, Windows-1252) to UTF-8 bytes through a
/// 256-entry table, so decoding a cell is one pass with no per-byte branching on the code page.
public struct SingleByteDecoder: Sendable {
    /// Unicode scalar for each byte; 0 marks a byte the code page leaves unassigned.
    private let table: [UInt32]
    public let encoding: TextEncoding

    public init(_ encoding: TextEncoding) {
        precondition(encoding.isSingleByte, "\(encoding.name) is not a single-byte encoding")
        self.encoding = encoding
        var table = (0..<256).map { UInt32($0) }
        switch encoding {
        case .tis620, .windows874:
            for byte in 0x80...0xFF { table[byte] = 0 }
            // Thai block: 0xA1–0xDA → U+0E01–U+0E3A, 0xDF–0xFB → U+0E3F–U+0E5B.
            for byte in 0xA1...0xDA { table[byte] = 0x0E01 + UInt32(byte - 0xA1) }
            for byte in 0xDF...0xFB { table[byte] = 0x0E01 + UInt32(byte - 0xA1) }
            if encoding == .windows874 {
                table[0xA0] = 0x00A0
                for (byte, scalar) in SingleByteDecoder.windows874Extras { table[byte] = scalar }
            }
        default:
            for (byte, scalar) in SingleByteDecoder.windows1252Extras { table[byte] = scalar }
            for byte in [0x81, 0x8D, 0x8F, 0x90, 0x9D] { table[byte] = 0 }
        }
        self.table = table
    }

    private static let windows874Extras: [Int: UInt32] = [
        0x80: 0x20AC, 0x85: 0x2026, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201C,
        0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014,
    ]

    private static let windows1252Extras: [Int: UInt32] = [
        0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
        0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018,
        0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC,
        0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
    ]

    /// The decoded text, or nil with the offset of the first unassigned byte.
    public func decode(_ bytes: some Collection<UInt8>) -> Result<String, UnassignedByte> {
        var scalars = String.UnicodeScalarView()
        var offset = 0
        for byte in bytes {
            let value = table[Int(byte)]
            guard value != 0 || byte == 0, let scalar = Unicode.Scalar(value) else {
                return .failure(UnassignedByte(offset: offset, byte: byte))
            }
            scalars.append(scalar)
            offset += 1
        }
        return .success(String(scalars))
    }

    /// A byte the code page does not assign.
    public struct UnassignedByte: Error, Sendable, Equatable {
        public let offset: Int
        public let byte: UInt8
    }
}
