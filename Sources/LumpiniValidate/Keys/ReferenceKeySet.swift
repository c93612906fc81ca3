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
