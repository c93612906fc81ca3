/// Turns the raw bytes of a text file into UTF-8, chunk by chunk, stopping at the first byte the
/// encoding cannot decode.
///
/// A minimal seam for the CSV reader: UTF-8 (validated, BOM stripped) and the single-byte
/// encodings agencies use (TIS-620, Windows-874, Windows-1252, Latin-1).
/// It gives way to `Ingest/Encoding` once that lands on main.
struct CSVTextDecoder: Sendable {
    enum Kind: Sendable, Equatable {
        case utf8
        /// 128 entries for bytes 0x80…0xFF: the UTF-8 bytes of each, empty when undefined.
        case singleByte(name: String)
    }

    /// The invalid byte found, at an offset of the input passed to `decode`.
    struct Failure: Error, Sendable, Equatable {
        var offset: Int
        var byte: UInt8
        var reason: String
    }

    let kind: Kind
    /// The encoding's name as reports give it, for example "utf-8" or "tis-620".
    let name: String
    private let table: [[UInt8]]

    init?(name: String) {
        let normalized = name.lowercased().replacingOccurrences(of: "_", with: "-")
        switch normalized {
        case "utf-8", "utf8", "utf-8-sig":
            kind = .utf8
            self.name = "utf-8"
            table = []
        case "tis-620", "tis620", "iso-8859-11":
            self.name = "tis-620"
            kind = .singleByte(name: self.name)
            table = CSVTextDecoder.thaiTable(windows: false)
        case "cp874", "windows-874", "x-windows-874", "ms874":
            self.name = "cp874"
            kind = .singleByte(name: self.name)
            table = CSVTextDecoder.thaiTable(windows: true)
        case "cp1252", "windows-1252":
            self.name = "cp1252"
            kind = .singleByte(name: self.name)
            table = CSVTextDecoder.windows1252Table()
        case "latin-1", "latin1", "iso-8859-1":
            self.name = "iso8859-1"
            kind = .singleByte(name: self.name)
            table = (0x80...0xFF).map { CSVTextDecoder.utf8(UInt32($0)) }
        default:
            return nil
        }
    }

    /// The encoding of a file whose first bytes are `sample`, as the reference tool decides:
    /// UTF-8 when the sample decodes as UTF-8 (an incomplete sequence cut at the end of the
    /// sample is fine), else a Thai single-byte encoding when most high bytes are Thai letters,
    /// else Windows-1252.
    static func detect(sample: UnsafeBufferPointer<UInt8>, isWholeFile: Bool) -> CSVTextDecoder {
        var validator = UTF8Validator()
        let result = validator.validate(sample)
        if result == nil, isWholeFile ? validator.pending == 0 : true {
            return CSVTextDecoder(name: "utf-8")!
        }
        var high = 0
        var thai = 0
        for byte in sample where byte >= 0x80 {
            high += 1
            if byte >= 0xA1 && byte <= 0xFB { thai += 1 }
        }
        if high > 0 && thai * 10 >= high * 8 {
            let hasWindowsOnly = sample.contains { $0 >= 0x80 && $0 <= 0x9F }
            return CSVTextDecoder(name: hasWindowsOnly ? "cp874" : "tis-620")!
        }
        return CSVTextDecoder(name: "cp1252")!
    }

    /// Decodes `input` and appends UTF-8 to `output`. With UTF-8 input, an incomplete sequence at
    /// the end is left undecoded unless `isLast`: the returned count says how many bytes were used.
    func decode(_ input: UnsafeBufferPointer<UInt8>, isLast: Bool, into output: inout [UInt8]) -> Result<Int, Failure> {
        switch kind {
        case .utf8:
            var validator = UTF8Validator()
            if let failure = validator.validate(input) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: input[0..<failure.offset]))
                return .failure(failure)
            }
            let used = input.count - validator.pending
            if isLast, validator.pending > 0 {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: input[0..<used]))
                return .failure(Failure(offset: used, byte: input[used], reason: "unexpected end of data"))
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: input[0..<used]))
            return .success(used)
        case .singleByte:
            var start = 0
            var index = 0
            let count = input.count
            while index < count {
                let byte = input[index]
                if byte >= 0x80 {
                    if start < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<index])) }
                    let mapped = table[Int(byte) - 0x80]
                    if mapped.isEmpty {
                        return .failure(Failure(offset: index, byte: byte, reason: "character maps to <undefined>"))
                    }
                    output.append(contentsOf: mapped)
                    start = index + 1
                }
                index += 1
            }
            if start < count { output.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<count])) }
            return .success(count)
        }
    }

    static func utf8(_ scalar: UInt32) -> [UInt8] {
        guard let scalar = Unicode.Scalar(scalar) else { return [] }
        return Array(String(Character(scalar)).utf8)
    }

    private static func thaiTable(windows: Bool) -> [[UInt8]] {
        (0x80...0xFF).map { byte -> [UInt8] in
            switch byte {
            case 0xA1...0xDA, 0xDF...0xFB: return utf8(UInt32(byte) + 0x0D60)
            case 0xA0: return windows ? utf8(0xA0) : []
            case 0x80...0x9F:
                guard windows else { return utf8(UInt32(byte)) }
                let windowsPunctuation: [Int: UInt32] = [
                    0x80: 0x20AC, 0x85: 0x2026, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201C,
                    0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014,
                ]
                return windowsPunctuation[byte].map(utf8) ?? []
            default: return []
            }
        }
    }

    private static func windows1252Table() -> [[UInt8]] {
        let low: [UInt32] = [
            0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
            0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
        ]
        return (0x80...0xFF).map { byte in
            byte < 0xA0 ? (low[byte - 0x80] == 0 ? [] : utf8(low[byte - 0x80])) : utf8(UInt32(byte))
        }
    }
}

/// Checks UTF-8 well-formedness (no overlongs, no surrogates, nothing above U+10FFFF), with an
/// ASCII fast path of eight bytes at a time.
struct UTF8Validator {
    /// Bytes of an incomplete sequence at the end of the last input.
    private(set) var pending = 0

    mutating func validate(_ input: UnsafeBufferPointer<UInt8>) -> CSVTextDecoder.Failure? {
        guard let base = input.baseAddress else { return nil }
        let count = input.count
        var index = 0
        pending = 0
        while index < count {
            if index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default:
                return CSVTextDecoder.Failure(offset: index, byte: lead, reason: "invalid start byte")
            }
            for step in 1..<length {
                if index + step >= count {
                    pending = count - index
                    return nil
                }
                let byte = base[index + step]
                let (low, high) = step == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                if byte < low || byte > high {
                    return CSVTextDecoder.Failure(offset: index, byte: lead, reason: "invalid continuation byte")
                }
            }
            index += length
        }
        return nil
    }
}
