/// The 8-byte keys the feature index sorts a property's values by: a hash of the value's text for an
/// equality filter, and for `datetime` a key whose order is the order of the dates and times.
enum FeatureKey {
    /// The seeds of the two hashes of a value's text: the key, and a check that tells apart most values
    /// whose keys are equal (the writer notes a property where two values share a key).
    static let keySeed: UInt64 = 0x6C75_6D70_696E_6931
    static let checkSeed: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// A hash of `bytes` that is the same in every process and on every machine (Swift's `Hasher` is
    /// seeded anew in each process, and the keys are written once, read by other processes).
    static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        hashes(bytes, seeds: SIMD2(repeating: seed))[0]
    }

    static func hash(_ text: String, seed: UInt64) -> UInt64 {
        text.withUTF8Bytes { hash(UnsafeRawBufferPointer($0), seed: seed) }
    }

    /// `hash` of `bytes` with two seeds in one pass over them (a value's key and its check).
    static func hashes(_ bytes: UnsafeRawBufferPointer, seeds: SIMD2<UInt64>) -> SIMD2<UInt64> {
        var state = seeds ^ SIMD2(repeating: UInt64(bytes.count) &* 0xFF51_AFD7_ED55_8CCD)
        var index = 0
        // A multiply and a rotation a word, as FxHash does; the finaliser spreads every bit at the end.
        func step(_ word: UInt64) {
            state = (state ^ SIMD2(repeating: word)) &* 0x9E37_79B9_7F4A_7C15
            state = state &<< 29 | state &>> 35
        }
        while index + 8 <= bytes.count {
            step(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
            index += 8
        }
        if index < bytes.count {
            var tail: UInt64 = 0
            for (shift, byte) in bytes[index...].enumerated() { tail |= UInt64(byte) << (8 * UInt64(shift)) }
            step(tail)
        }
        return mix(state)
    }

    /// SplitMix64's finaliser: every bit of the result depends on every bit of `value`.
    private static func mix(_ value: SIMD2<UInt64>) -> SIMD2<UInt64> {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z &>> 31)
    }

    /// The key of an ISO 8601 date or date-time (`2024-01-05`, `2024-01-05T10:30:00.5Z`, or a prefix such
    /// as `2024-01`) as it is written: its fields from the year down to the microsecond in bit fields, so
    /// that keys compare as the texts did; a time zone offset is not applied. Also the step that ends
    /// the period the text names (`2024-01` covers the whole month: the next key outside it is key + step).
    /// Nil for text that is no date.
    static func temporal(_ text: UnsafeBufferPointer<UInt8>) -> (key: UInt64, step: UInt64)? {
        var reader = DigitReader(text: text)
        guard let year = reader.number(digits: 4) else { return nil }
        var key = UInt64(year) << 46
        var step: UInt64 = 1 << 46
        for field in temporalFields {
            guard reader.skip(field.separators) else { return reader.atZone ? (key, step) : nil }
            guard let value = reader.number(digits: 2), value <= field.largest else { return nil }
            key |= UInt64(value) << field.shift
            step = 1 << field.shift
        }
        if reader.skip(fractionSeparators) {
            var microseconds: UInt64 = 0
            var scale: UInt64 = 1_000_000
            while let digit = reader.digit() {
                if scale > 1 {
                    scale /= 10
                    microseconds += UInt64(digit) * scale
                }
            }
            guard scale < 1_000_000 else { return nil }
            key |= microseconds
            step = scale
        }
        return reader.atZone ? (key, step) : nil
    }

    /// The fields after the year: the bytes that may come before each, its largest value and where its
    /// bits start (two digits each).
    private static let temporalFields: [(separators: [UInt8], largest: Int, shift: UInt64)] = [
        (Array("-".utf8), 12, 42), (Array("-".utf8), 31, 37), (Array("Tt ".utf8), 23, 32), (Array(":".utf8), 59, 26), (Array(":".utf8), 60, 20),
    ]
    private static let fractionSeparators = Array(".,".utf8)

    /// Reads the digits of a date's text from the start.
    private struct DigitReader {
        let text: UnsafeBufferPointer<UInt8>
        var index = 0

        mutating func digit() -> Int? {
            guard index < text.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[index]) else { return nil }
            index += 1
            return Int(text[index - 1] - UInt8(ascii: "0"))
        }

        mutating func number(digits: Int) -> Int? {
            var value = 0
            for _ in 0..<digits {
                guard let digit = digit() else { return nil }
                value = value * 10 + digit
            }
            return value
        }

        mutating func skip(_ separators: [UInt8]) -> Bool {
            guard index < text.count, separators.contains(text[index]) else { return false }
            index += 1
            return true
        }

        /// Whether the rest is nothing or a time zone (`Z`, `+07:00`, `-0300`), which the key leaves out.
        var atZone: Bool {
            guard index < text.count else { return true }
            let rest = text[index...]
            if rest.count == 1, rest.first == UInt8(ascii: "Z") || rest.first == UInt8(ascii: "z") { return true }
            guard rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-") else { return false }
            return rest.dropFirst().allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: ":") }
        }
    }
}
