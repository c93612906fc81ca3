/// Byte-level tests on UTF-8 text that the privacy detectors share; they run per cell, so they
/// read bytes instead of building `Character`s.
enum UTF8Text {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    /// The digit at `index` — ASCII `0`–`9`, Thai `๐`–`๙` (E0 B9 90–99) or full-width `０`–`９`
    /// (EF BC 90–99, typed with an East Asian input method) — and its length in bytes.
    @inline(__always)
    static func digit(_ bytes: Bytes, at index: Int) -> (value: UInt8, length: Int)? {
        let byte = bytes[index]
        if byte >= 0x30, byte <= 0x39 { return (byte - 0x30, 1) }
        if byte == 0xE0 || byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == (byte == 0xE0 ? 0xB9 : 0xBC),
           bytes[index + 2] >= 0x90, bytes[index + 2] <= 0x99 {
            return (bytes[index + 2] - 0x90, 3)
        }
        return nil
    }

    /// The length in bytes of a character that may sit between the groups of one written number
    /// at `index`: space, `-`, `(`, `)`, and what word processors and phones put there instead —
    /// no-break and ideographic spaces, hyphens and dashes (U+2010–2014), the minus sign, the
    /// full-width hyphen and parentheses.
    @inline(__always)
    static func numberSeparator(_ bytes: Bytes, at index: Int) -> Int? {
        switch bytes[index] {
        case 0x20, UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: ")"): return 1
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xA0: return 2
        case 0xE2 where index + 2 < bytes.count:
            let isDash = bytes[index + 1] == 0x80 && (0x90...0x94).contains(bytes[index + 2])
            let isMinus = bytes[index + 1] == 0x88 && bytes[index + 2] == 0x92
            return isDash || isMinus ? 3 : nil
        case 0xE3 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80: return 3
        case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBC && [0x88, 0x89, 0x8D].contains(bytes[index + 2]): return 3
        default: return nil
        }
    }

    /// The scalar value of a Thai character (U+0E00–U+0E7F) starting at `index`, else nil.
    @inline(__always)
    static func thaiScalar(_ bytes: Bytes, at index: Int) -> UInt32? {
        guard index >= 0, index + 2 < bytes.count, bytes[index] == 0xE0, bytes[index + 1] == 0xB8 || bytes[index + 1] == 0xB9 else {
            return nil
        }
        return 0x0E00 | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
    }

    /// Whether a Thai scalar is part of a word: consonants, vowels and tone marks (not digits, ฿, ๏, ๚, ๛).
    @inline(__always)
    static func isThaiLetter(_ scalar: UInt32) -> Bool {
        (0x0E01...0x0E3A).contains(scalar) || (0x0E40...0x0E4E).contains(scalar)
    }

    /// Whether a Thai letter ends just before `index` (so a word continues into `index`).
    static func thaiLetterEnds(before index: Int, in bytes: Bytes) -> Bool {
        guard let scalar = thaiScalar(bytes, at: index - 3) else { return false }
        return isThaiLetter(scalar)
    }

    /// The end of the run of Thai letters starting at `index`, and how many letters it holds.
    static func thaiWord(_ bytes: Bytes, from index: Int) -> (end: Int, letters: Int) {
        var end = index
        var letters = 0
        while let scalar = thaiScalar(bytes, at: end), isThaiLetter(scalar) {
            end += 3
            letters += 1
        }
        return (end, letters)
    }

    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// Whether `bytes` at `index` start with `pattern`.
    static func hasPrefix(_ bytes: Bytes, at index: Int, _ pattern: [UInt8]) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in pattern.indices where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    /// The text of a byte range (for the few examples a report keeps).
    static func string(_ bytes: Bytes, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
