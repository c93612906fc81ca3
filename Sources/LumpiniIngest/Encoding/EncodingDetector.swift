/// Guesses the text encoding of bytes: byte-order marks first, then UTF-8 validity, then which
/// single-byte code page the high bytes look like (Thai text is runs of consonants followed by
/// vowel and tone marks; Latin text is accented letters between ASCII ones).
public enum EncodingDetector {
    /// The guess and how sure it is (0–1).
    public struct Detection: Sendable, Equatable, Codable {
        public let encoding: TextEncoding
        public let confidence: Double
        /// Why, in plain words, for `inspect`.
        public let reason: String
    }

    /// Detects from a sample (the first bytes of a file are enough; 64 KiB is plenty).
    public static func detect(_ sample: [UInt8]) -> Detection {
        if sample.starts(with: [0xEF, 0xBB, 0xBF]) {
            return Detection(encoding: .utf8BOM, confidence: 1, reason: "UTF-8 byte-order mark")
        }
        if sample.starts(with: [0xFF, 0xFE]) {
            return Detection(encoding: .utf16LE, confidence: 1, reason: "UTF-16 little-endian byte-order mark")
        }
        if sample.starts(with: [0xFE, 0xFF]) {
            return Detection(encoding: .utf16BE, confidence: 1, reason: "UTF-16 big-endian byte-order mark")
        }
        if let utf16 = utf16WithoutBOM(sample) {
            return utf16
        }
        let highBytes = sample.lazy.filter { $0 >= 0x80 }.count
        if highBytes == 0 {
            return Detection(encoding: .utf8, confidence: 1, reason: "ASCII only (valid as UTF-8)")
        }
        if isValidUTF8(sample) {
            return Detection(encoding: .utf8, confidence: highBytes >= 8 ? 0.99 : 0.9, reason: "valid UTF-8 with \(highBytes) non-ASCII bytes")
        }
        return singleByte(sample, highBytes: highBytes)
    }

    /// Valid UTF-8, forgiving a multi-byte sequence cut at the end of the sample.
    private static func isValidUTF8(_ sample: [UInt8]) -> Bool {
        guard let offset = UTF8Validation.firstInvalidOffset(sample) else { return true }
        return sample.count - offset < 4 && sample[offset] >= 0xC2
    }

    /// Files written as UTF-16 without a BOM put the high byte of each code unit in every other
    /// position: 0x00 for ASCII and Latin-1, 0x0E for Thai. In 8-bit text those bytes are rare controls.
    private static func utf16WithoutBOM(_ sample: [UInt8]) -> Detection? {
        let pairs = sample.count / 2
        guard pairs >= 4 else { return nil }
        func isHighByte(_ byte: UInt8) -> Bool { byte == 0x00 || byte == 0x0E }
        var evenHits = 0, oddHits = 0
        for index in 0..<pairs {
            if isHighByte(sample[2 * index]) { evenHits += 1 }
            if isHighByte(sample[2 * index + 1]) { oddHits += 1 }
        }
        if Double(oddHits) > 0.6 * Double(pairs) && evenHits * 3 < oddHits {
            return Detection(encoding: .utf16LE, confidence: 0.8, reason: "UTF-16 high bytes (0x00, 0x0E) in odd positions (UTF-16LE without BOM)")
        }
        if Double(evenHits) > 0.6 * Double(pairs) && oddHits * 3 < evenHits {
            return Detection(encoding: .utf16BE, confidence: 0.8, reason: "UTF-16 high bytes (0x00, 0x0E) in even positions (UTF-16BE without BOM)")
        }
        return nil
    }

    private static func isThaiConsonant(_ byte: UInt8) -> Bool { (0xA1...0xCE).contains(byte) }
    private static func isThaiMark(_ byte: UInt8) -> Bool {
        byte == 0xD1 || (0xD4...0xDA).contains(byte) || (0xE7...0xEE).contains(byte)
    }
    private static func isThaiAssigned(_ byte: UInt8) -> Bool {
        (0xA1...0xDA).contains(byte) || (0xDF...0xFB).contains(byte)
    }

    private static func singleByte(_ sample: [UInt8], highBytes: Int) -> Detection {
        var thaiPairs = 0, inThaiRuns = 0, unassignedInThai = 0, controlRange = 0
        for (index, byte) in sample.enumerated() where byte >= 0x80 {
            if byte < 0xA0 { controlRange += 1 }
            if byte >= 0xA1 && !isThaiAssigned(byte) { unassignedInThai += 1 }
            if index > 0 {
                let previous = sample[index - 1]
                if isThaiMark(byte) && isThaiConsonant(previous) { thaiPairs += 1 }
                if previous >= 0xA1 { inThaiRuns += 1 }
            }
        }
        let runShare = Double(inThaiRuns) / Double(highBytes)
        let markShare = Double(thaiPairs) / Double(highBytes)
        if unassignedInThai == 0 && runShare > 0.5 && markShare > 0.05 {
            let confidence = min(0.99, 0.6 + runShare * 0.25 + markShare)
            if controlRange > 0 {
                return Detection(encoding: .windows874, confidence: confidence, reason: "Thai letter sequences, with Windows-874 punctuation in 0x80–0x9F")
            }
            return Detection(encoding: .tis620, confidence: confidence, reason: "not UTF-8; high bytes form Thai consonant + vowel/tone sequences")
        }
        return Detection(encoding: .windows1252, confidence: 0.6, reason: "not UTF-8; isolated high bytes between ASCII letters, as in Western European text")
    }
}
