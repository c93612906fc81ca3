/// Turns the raw bytes of a text file into UTF-8 chunk by chunk for the CSV reader, stopping at
/// the first byte the encoding cannot decode. Encodings, their detection and the single-byte
/// code pages are `Ingest/Encoding`'s; this adds what streaming needs: UTF-8 checked in place
/// with sequences cut at a chunk's end carried over, and offsets of bad bytes.
struct CSVTextDecoder: Sendable {
    /// The invalid byte found, at an offset of the input passed to `decode`.
    struct Failure: Error, Sendable, Equatable {
        var offset: Int
        var byte: UInt8
        var reason: String
    }

    let encoding: TextEncoding
    private let decoder: TextDecoder

    init(_ encoding: TextEncoding) {
        self.encoding = encoding
        decoder = TextDecoder(encoding)
    }

    var isUTF8: Bool { encoding == .utf8 || encoding == .utf8BOM }

    /// The encoding's name as the reference tool's notes spell it ("utf-8", "tis-620").
    var name: String { isUTF8 ? "utf-8" : encoding.name.lowercased() }

    /// Decodes `input` and appends UTF-8 to `output`. A sequence cut at the end of `input` is left
    /// undecoded unless `isLast`: the returned count says how many bytes were used.
    func decode(_ input: UnsafeBufferPointer<UInt8>, isLast: Bool, into output: inout [UInt8]) -> Result<Int, Failure> {
        if isUTF8 {
            var validator = UTF8Validator()
            if let failure = validator.validate(input) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: input[0..<failure.offset]))
                return .failure(failure)
            }
            let used = input.count - validator.pending
            output.append(contentsOf: UnsafeBufferPointer(rebasing: input[0..<used]))
            if isLast, validator.pending > 0 {
                return .failure(Failure(offset: used, byte: input[used], reason: "unexpected end of data"))
            }
            return .success(used)
        }
        var used = input.count
        if !encoding.isSingleByte {
            // UTF-16: whole code units, and a high surrogate waits for its pair.
            used -= used % 2
            if !isLast, used >= 2 {
                let last = encoding == .utf16LE ? UInt16(input[used - 2]) | UInt16(input[used - 1]) << 8 : UInt16(input[used - 2]) << 8 | UInt16(input[used - 1])
                if (0xD800..<0xDC00).contains(last) { used -= 2 }
            }
        }
        do {
            output.append(contentsOf: try decoder.decode(UnsafeBufferPointer(rebasing: input[0..<used])).utf8)
            if isLast, used < input.count {
                // The odd last byte of a UTF-16 file never completes a code unit: leaving it unused
                // made the reader ask again for ever.
                return .failure(Failure(offset: used, byte: input[used], reason: "truncated data"))
            }
            return .success(used)
        } catch {
            let valid = (try? decoder.decode(UnsafeBufferPointer(rebasing: input[0..<error.offset]))) ?? ""
            output.append(contentsOf: valid.utf8)
            return .failure(Failure(offset: error.offset, byte: input[error.offset], reason: "character maps to <undefined>"))
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
            // Thai (U+0E00–U+0E7F: E0, B8 or B9, a continuation byte), most of what is not ASCII in
            // the city's files, in one test rather than a step at a time.
            if lead == 0xE0, index + 2 < count, base[index + 1] & 0xFE == 0xB8, base[index + 2] & 0xC0 == 0x80 {
                index += 3
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
