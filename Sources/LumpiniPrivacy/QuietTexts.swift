/// The texts the detectors found no personal data in, remembered by their digests, so that a text that
/// comes again (a station's name on each of its readings, a district's name) is scanned once: what the
/// detectors find depends on the text and on whether its column names people, nothing else. Up to
/// `limit` texts for each of the two kinds of column (16 bytes each); past that, a new text is scanned
/// every time it comes. A text is taken for one remembered only when all 128 bits of their digests agree.
struct QuietTexts: Sendable {
    static let limit = 1 << 16

    /// Texts of the columns that do not name people, then of those that do.
    private var tables = [DigestTable(capacity: 256), DigestTable(capacity: 256)]

    func contains(_ digest: KeyDigest, inPeopleColumn: Bool) -> Bool {
        tables[inPeopleColumn ? 1 : 0].contains(digest)
    }

    mutating func insert(_ digest: KeyDigest, inPeopleColumn: Bool) {
        let kind = inPeopleColumn ? 1 : 0
        guard tables[kind].count < Self.limit else { return }
        _ = tables[kind].updateValue(1, forKey: digest)
    }
}
