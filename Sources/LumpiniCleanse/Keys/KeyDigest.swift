/// A 128-bit digest of a normalized key value: what the validator's key tables, `remove-duplicates`
/// and the changelog remember of each key or row instead of the value itself, so memory per row
/// stays small.
///
/// Two independent 64-bit lanes of a multiply–rotate hash with a final avalanche: fast on short
/// cells, and at 128 bits an accidental collision among a billion keys is about 10⁻²¹ likely.
package struct KeyDigest: Hashable, Sendable {
    package let high: UInt64
    package let low: UInt64

    @usableFromInline
    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    @usableFromInline static let seedHigh: UInt64 = 0x9E37_79B9_7F4A_7C15
    @usableFromInline static let seedLow: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    @usableFromInline static let multiplyHigh: UInt64 = 0x87C3_7B91_1142_53D5
    @usableFromInline static let multiplyLow: UInt64 = 0x4CF5_AD43_2745_937F

    @inlinable @inline(__always)
    static func mix(_ hash: UInt64, _ word: UInt64, _ multiplier: UInt64) -> UInt64 {
        let combined = (hash ^ (word &* multiplier))
        return ((combined << 31) | (combined >> 33)) &* 0x94D0_49BB_1331_11EB &+ 0x2545_F491_4F6C_DD1D
    }

    @inlinable @inline(__always)
    static func avalanche(_ value: UInt64) -> UInt64 {
        shiftMultiply(value, 0xFF51_AFD7_ED55_8CCD, 0xC4CE_B9FE_1A85_EC53)
    }

    /// The value with its high bits xored into its low ones, times `first`, again, times `second`, again:
    /// with the finalizer's two multipliers, `avalanche`; with their inverses modulo 2⁶⁴ in the other
    /// order, `avalanche` undone (a shift by 33, half the width or more, xored in undoes itself).
    @inlinable @inline(__always)
    static func shiftMultiply(_ value: UInt64, _ first: UInt64, _ second: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x = x &* first
        x ^= x >> 33
        x = x &* second
        x ^= x >> 33
        return x
    }

    /// The digest of an integer, equal to the digest of its canonical text (`-12`, `1001`).
    ///
    /// In `high` the low six bits of the value stay in place and only the rest is scrambled, so
    /// consecutive integers share all other bits of it (`DigestTable` chooses slots from `low` too).
    /// `low` is a bijection of the value, so distinct integers never share a digest.
    @inlinable @inline(__always)
    package static func of(integer value: Int) -> KeyDigest {
        let bits = UInt64(bitPattern: Int64(value))
        let high = (avalanche((bits >> 6) ^ seedHigh) << 6) | (bits & 63)
        return KeyDigest(high: high, low: avalanche(bits ^ seedLow))
    }

    /// The integer this is the digest of (`of(integer:)`), nil for the digest of anything else: the
    /// low word is undone back to the value, whose digest must then have this high word too.
    @inlinable
    package var integer: Int? {
        let bits = Self.shiftMultiply(low, 0x9CB4_B2F8_1293_37DB, 0x4F74_430C_22A5_4005)
        let value = Int(Int64(bitPattern: bits ^ Self.seedLow))
        return Self.of(integer: value).high == high ? value : nil
    }

    /// The integer a canonical integer text spells (no sign but `-`, no leading zeros, at most 18
    /// digits), so that text and typed integers share digests.
    @inlinable @inline(__always)
    static func canonicalInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = bytes.count
        guard count > 0, count <= 19 else { return nil }
        var index = 0
        let negative = bytes[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        let digits = count - index
        guard digits > 0, digits <= 18, bytes[index] != UInt8(ascii: "0") || digits == 1, !(negative && bytes[index] == UInt8(ascii: "0")) else { return nil }
        var value = 0
        while index < count {
            let byte = bytes[index]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
            index += 1
        }
        return negative ? -value : value
    }

    /// The digest of one value's canonical text.
    @inlinable @inline(__always)
    package static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> KeyDigest {
        if let integer = canonicalInteger(bytes) { return of(integer: integer) }
        var high = seedHigh ^ UInt64(bytes.count)
        var low = seedLow &+ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return KeyDigest(high: avalanche(high), low: avalanche(low)) }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            high = mix(high, word, multiplyHigh)
            low = mix(low, word, multiplyLow)
            index += 8
        }
        if index < bytes.count {
            var word: UInt64 = 0
            var shift: UInt64 = 0
            while index < bytes.count {
                word |= UInt64(base[index]) << shift
                shift += 8
                index += 1
            }
            high = mix(high, word, multiplyHigh)
            low = mix(low, word, multiplyLow)
        }
        return KeyDigest(high: avalanche(high), low: avalanche(low ^ (high >> 17)))
    }

    package static func of(_ text: String) -> KeyDigest {
        text.withUTF8Bytes { of($0) }
    }

    /// The digest of a key made of several values, in order (nil parts are nulls).
    package static func combining(_ parts: [KeyDigest?]) -> KeyDigest {
        if parts.count == 1, let only = parts[0] { return only }
        var high = seedHigh ^ UInt64(parts.count)
        var low = seedLow
        for part in parts {
            high = mix(high, part?.high ?? 0x5555, multiplyHigh)
            high = mix(high, part?.low ?? 0xAAAA, multiplyHigh)
            low = mix(low, part?.low ?? 0x3333, multiplyLow)
            low = mix(low, part?.high ?? 0xCCCC, multiplyLow)
        }
        return KeyDigest(high: avalanche(high), low: avalanche(low))
    }
}
