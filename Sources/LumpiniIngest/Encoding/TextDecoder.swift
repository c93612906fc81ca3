/// Turns bytes in a known encoding into a Swift string, reporting bytes that are not valid.
public struct TextDecoder: Sendable {
    public let encoding: TextEncoding
    private let singleByte: SingleByteDecoder?

    public init(_ encoding: TextEncoding) {
        self.encoding = encoding
        self.singleByte = encoding.isSingleByte ? SingleByteDecoder(encoding) : nil
    }

    /// A byte sequence that is not valid in the encoding, with its offset in the input.
    public struct InvalidBytes: Error, Sendable, Equatable, CustomStringConvertible {
        public let encoding: TextEncoding
        public let offset: Int

        public var description: String {
            "bytes at offset \(offset) are not valid \(encoding.name)"
        }
    }

    /// Decodes `bytes` (without any byte-order mark).
    public func decode(_ bytes: some Collection<UInt8>) throws(InvalidBytes) -> String {
        if let singleByte {
            switch singleByte.decode(bytes) {
            case .success(let text): return text
            case .failure(let unassigned): throw InvalidBytes(encoding: encoding, offset: unassigned.offset)
            }
        }
        switch encoding {
        case .utf16LE, .utf16BE:
            return try decodeUTF16(Array(bytes), littleEndian: encoding == .utf16LE)
        default:
            let array = Array(bytes)
            if let text = String(validating: array, as: UTF8.self) { return text }
            throw InvalidBytes(encoding: encoding, offset: UTF8Validation.firstInvalidOffset(array) ?? 0)
        }
    }

    /// Decodes, replacing invalid sequences with U+FFFD instead of failing.
    public func decodeRepairing(_ bytes: some Collection<UInt8>) -> String {
        if let text = try? decode(bytes) { return text }
        if let singleByte {
            return String(String.UnicodeScalarView(bytes.map { byte -> Unicode.Scalar in
                (try? singleByte.decode([byte]).get()).flatMap(\.unicodeScalars.first) ?? "\u{FFFD}"
            }))
        }
        return String(decoding: Array(bytes), as: UTF8.self)
    }

    private func decodeUTF16(_ bytes: [UInt8], littleEndian: Bool) throws(InvalidBytes) -> String {
        guard bytes.count % 2 == 0 else { throw InvalidBytes(encoding: encoding, offset: bytes.count - 1) }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 0
        while index < bytes.count {
            let (a, b) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            units.append(littleEndian ? a | (b << 8) : (a << 8) | b)
            index += 2
        }
        var text = String.UnicodeScalarView()
        var iterator = units.makeIterator()
        var codec = UTF16()
        var offset = 0
        while true {
            switch codec.decode(&iterator) {
            case .scalarValue(let scalar):
                text.append(scalar)
                offset += scalar.value > 0xFFFF ? 4 : 2
            case .emptyInput:
                return String(text)
            case .error:
                throw InvalidBytes(encoding: encoding, offset: offset)
            }
        }
    }
}

/// UTF-8 validation that says where the first invalid byte is.
enum UTF8Validation {
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            if length > 1, String(validating: bytes[index..<(index + length)], as: UTF8.self) == nil {
                return index
            }
            index += length
        }
        return nil
    }
}
