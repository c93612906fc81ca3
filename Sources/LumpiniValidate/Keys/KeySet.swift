/// A 128-bit digest of a normalized key value: what the validator remembers of each key instead of
/// the value itself, so memory per row stays small.
///
/// Two independent 64-bit lanes of a multiply–rotate hash with a final avalanche: fast on short
/// cells, and at 128 bits an accidental collision among a billion keys is about 10⁻²¹ likely.
public struct KeyDigest: Hashable, Sendable {
    let high: UInt64
    let low: UInt64

    private static let seedHigh: UInt64 = 0x9E37_79B9_7F4A_7C15
    private static let seedLow: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let multiplyHigh: UInt64 = 0x87C3_7B91_1142_53D5
    private static let multiplyLow: UInt64 = 0x4CF5_AD43_2745_937F

    @inline(__always)
    private static func mix(_ hash: UInt64, _ word: UInt64, _ multiplier: UInt64) -> UInt64 {
        let combined = (hash ^ (word &* multiplier))
        return ((combined << 31) | (combined >> 33)) &* 0x94D0_49BB_1331_11EB &+ 0x2545_F491_4F6C_DD1D
    }

    @inline(__always)
    private static func avalanche(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x = x &* 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }

    /// The digest of an integer, equal to the digest of its canonical text (`-12`, `1001`).
    ///
    /// Keys are often consecutive integers: the low six bits stay in place and only the rest is
    /// scrambled, so consecutive keys land in neighbouring slots of a `DigestTable` (a memory
    /// access that is usually cached) while multiples of large powers of two still spread out.
    /// `low` is a bijection of the value, so distinct integers never share a digest.
    @inline(__always)
    static func of(integer value: Int) -> KeyDigest {
        let bits = UInt64(bitPattern: Int64(value))
        let high = (avalanche((bits >> 6) ^ seedHigh) << 6) | (bits & 63)
        return KeyDigest(high: high, low: avalanche(bits ^ seedLow))
    }

    /// The integer a canonical integer text spells (no sign but `-`, no leading zeros, at most 18
    /// digits), so that text and typed integers share digests.
    @inline(__always)
    private static func canonicalInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
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
    @inline(__always)
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> KeyDigest {
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

    static func of(_ text: String) -> KeyDigest {
        var text = text
        return text.withUTF8 { of($0) }
    }

    /// The digest of a key made of several values, in order (nil parts are nulls).
    static func combining(_ parts: [KeyDigest?]) -> KeyDigest {
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

/// An open-addressing table from key digests to row numbers, for the keys a table must keep
/// unique: one 16-byte slot per key (96 bits of the digest and the row; a false match needs two
/// keys agreeing on 96 bits, about 1 in 10^16 for ten million keys), no hashing beyond the digest
/// itself. It grows by half at four-fifths full rather than doubling at three-quarters, so a
/// million keys take about 24 MB and the copy made while growing stays small.
///
/// Slots come in blocks of 64 chosen by the digest's high bits; the low 6 bits pick the slot in
/// the block, so consecutive integer keys (whose digests keep those bits) fill neighbouring slots.
struct DigestTable {
    private struct Slot {
        var high: UInt64
        /// The digest's upper 32 low bits, then the row; a row of 0 marks an empty slot (rows start at 1).
        var tail: UInt64

        @inline(__always) var row: UInt32 { UInt32(truncatingIfNeeded: tail) }

        @inline(__always) func holds(_ digest: KeyDigest) -> Bool {
            high == digest.high && tail >> 32 == digest.low >> 32
        }
    }

    private static let blockSize = 64
    private var slots: [Slot]
    private(set) var count = 0

    init(capacity: Int = 1024) {
        let blocks = max(1, (capacity * 5 / 4 + Self.blockSize - 1) / Self.blockSize)
        slots = Array(repeating: Slot(high: 0, tail: 0), count: blocks * Self.blockSize)
    }

    @inline(__always)
    private func firstSlot(_ digest: KeyDigest) -> Int {
        let blocks = UInt64(slots.count / Self.blockSize)
        let block = Int(truncatingIfNeeded: digest.high.multipliedFullWidth(by: blocks).high)
        return block * Self.blockSize + Int(truncatingIfNeeded: digest.high & 63)
    }

    /// Stores `row` for `digest` and returns the row stored before, if any.
    @inline(__always)
    mutating func updateValue(_ row: Int, forKey digest: KeyDigest) -> Int? {
        if (count + 1) * 5 > slots.count * 4 { grow() }
        let stored = UInt64(UInt32(truncatingIfNeeded: max(row, 1)))
        var index = firstSlot(digest)
        return slots.withUnsafeMutableBufferPointer { slots -> Int? in
            while true {
                let previous = slots[index].row
                if previous == 0 {
                    slots[index] = Slot(high: digest.high, tail: (digest.low & 0xFFFF_FFFF_0000_0000) | stored)
                    count += 1
                    return nil
                }
                if slots[index].holds(digest) {
                    slots[index].tail = (slots[index].tail & 0xFFFF_FFFF_0000_0000) | stored
                    return Int(previous)
                }
                index = index + 1 == slots.count ? 0 : index + 1
            }
        }
    }

    @inline(__always)
    func contains(_ digest: KeyDigest) -> Bool {
        var index = firstSlot(digest)
        return slots.withUnsafeBufferPointer { slots in
            while true {
                if slots[index].row == 0 { return false }
                if slots[index].holds(digest) { return true }
                index = index + 1 == slots.count ? 0 : index + 1
            }
        }
    }

    /// Every key stored, as its slot holds it: the digest's high word, then the upper half of its low
    /// word and the row in one word (`SpillingDigestTable` writes them to disk as they are).
    func forEachEntry(_ body: (_ high: UInt64, _ tail: UInt64) -> Void) {
        for slot in slots where slot.row != 0 {
            body(slot.high, slot.tail)
        }
    }

    /// Forgets every key, keeping the memory for the next ones.
    mutating func removeAll() {
        slots.withUnsafeMutableBufferPointer { $0.update(repeating: Slot(high: 0, tail: 0)) }
        count = 0
    }

    private mutating func grow() {
        var bigger = DigestTable(capacity: slots.count * 3 / 2)
        for slot in slots where slot.row != 0 {
            _ = bigger.updateValue(Int(slot.row), forKey: KeyDigest(high: slot.high, low: slot.tail & 0xFFFF_FFFF_0000_0000))
        }
        self = bigger
    }
}

/// The key values a foreign key may refer to: a referenced resource's key column(s), another
/// dataset's, or a vocabulary's codes. Values are compared by their canonical text (integers
/// without leading zeros or signs, numbers by value, text as is).
public struct ReferenceKeySet: Sendable {
    private var digests = DigestTable()

    public init() {}

    /// A key set of single-value keys, for example district codes.
    public init<S: Sequence>(values: S) where S.Element == String {
        for value in values { insert([value]) }
    }

    /// Adds a key given as the canonical text of each of its parts.
    public mutating func insert(_ parts: [String]) {
        _ = digests.updateValue(1, forKey: KeyDigest.combining(parts.map { KeyDigest.of($0) }))
    }

    mutating func insert(digest: KeyDigest) {
        _ = digests.updateValue(1, forKey: digest)
    }

    func contains(_ digest: KeyDigest) -> Bool {
        digests.contains(digest)
    }

    public var count: Int { digests.count }
}

/// Supplies the key sets that foreign keys to other datasets or to vocabularies refer to.
/// The vocabulary stage and the workspace plug in here; resources of the same package are read
/// by the validator itself.
public protocol KeySetProvider {
    /// The keys made of `fields` in `target`.
    /// - Throws: `LumpiniError` when the target does not exist or lacks the fields.
    func keySet(for target: ForeignKey.Target, fields: [String]) throws -> ReferenceKeySet
}
