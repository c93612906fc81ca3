/// A 128-bit digest of a normalized key value: what the validator remembers of each key instead of
/// the value itself, so memory per row stays small (16 bytes plus the row number).
public struct KeyDigest: Hashable, Sendable {
    let high: UInt64
    let low: UInt64

    /// The digest of one value's canonical text.
    @inline(__always)
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> KeyDigest {
        var first = Hasher()
        var second = Hasher()
        first.combine(0x51_7C_C1_B7_27_22_0A_95 as UInt64)
        second.combine(0x2F_C9_46_B3_D1_7B_A8_C3 as UInt64)
        first.combine(bytes: UnsafeRawBufferPointer(bytes))
        second.combine(bytes: UnsafeRawBufferPointer(bytes))
        first.combine(bytes.count)
        second.combine(bytes.count)
        return KeyDigest(high: UInt64(bitPattern: Int64(first.finalize())), low: UInt64(bitPattern: Int64(second.finalize())))
    }

    static func of(_ text: String) -> KeyDigest {
        var text = text
        return text.withUTF8 { of($0) }
    }

    /// The digest of a key made of several values, in order (nil parts are nulls).
    static func combining(_ parts: [KeyDigest?]) -> KeyDigest {
        if parts.count == 1, let only = parts[0] { return only }
        var first = Hasher()
        var second = Hasher()
        first.combine(parts.count)
        second.combine(~parts.count)
        for part in parts {
            first.combine(part?.high ?? 0x9E37_79B9)
            first.combine(part?.low ?? 0)
            second.combine(part?.low ?? 0x7F4A_7C15)
            second.combine(part?.high ?? 0)
        }
        return KeyDigest(high: UInt64(bitPattern: Int64(first.finalize())), low: UInt64(bitPattern: Int64(second.finalize())))
    }
}

/// The key values a foreign key may refer to: a referenced resource's key column(s), another
/// dataset's, or a vocabulary's codes. Values are compared by their canonical text (integers
/// without leading zeros or signs, numbers by value, text as is).
public struct ReferenceKeySet: Sendable {
    private var digests: Set<KeyDigest> = []

    public init() {}

    /// A key set of single-value keys, for example district codes.
    public init<S: Sequence>(values: S) where S.Element == String {
        for value in values { insert([value]) }
    }

    /// Adds a key given as the canonical text of each of its parts.
    public mutating func insert(_ parts: [String]) {
        digests.insert(KeyDigest.combining(parts.map { KeyDigest.of($0) }))
    }

    mutating func insert(digest: KeyDigest) {
        digests.insert(digest)
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
