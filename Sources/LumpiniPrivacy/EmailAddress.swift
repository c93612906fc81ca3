/// E-mail addresses in text: `local@domain.tld`, where the local part is ASCII letters, digits,
/// `._%+-` or Thai letters (addresses may be internationalised, RFC 6531), the `@` may be the
/// full-width `＠` a Thai keyboard's input method types, and the domain has at least one dot, its
/// labels ASCII or Thai (`ตัวอย่าง.ไทย`), the last two or more letters, Thai letters, or punycode
/// (`xn--o3cw4h`).
enum EmailAddress {
    private static let fullWidthAt: [UInt8] = Array("＠".utf8)
    /// The first byte of `fullWidthAt`, a constant so that the scan of a cell reads no global.
    private static let fullWidthAtLead: UInt8 = 0xEF
    private static let punycodePrefix: [UInt8] = Array("xn--".utf8)

    /// The byte range and the `@` position of the first address in a cell.
    static func find(in bytes: UTF8Text.Bytes) -> (range: Range<Int>, at: Int)? {
        // Most cells hold no `@` and no first byte of `＠`: one tight pass says so.
        guard bytes.contains(where: { $0 == UInt8(ascii: "@") || $0 == fullWidthAtLead }) else { return nil }
        var index = 0
        while index < bytes.count {
            defer { index += 1 }
            let atLength: Int
            if bytes[index] == UInt8(ascii: "@") {
                atLength = 1
            } else if bytes[index] == fullWidthAtLead, UTF8Text.hasPrefix(bytes, at: index, fullWidthAt) {
                atLength = fullWidthAt.count
            } else {
                continue
            }
            var start = index
            while let length = localCharacter(bytes, endingAt: start) { start -= length }
            while start < index, bytes[start] == UInt8(ascii: ".") { start += 1 }
            let domainStart = index + atLength
            var end = domainStart
            while end < bytes.count, let length = domainCharacter(bytes, at: end) { end += length }
            while end > domainStart, bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: "-") { end -= 1 }
            if start < index, hasDomainShape(bytes, domainStart..<end) { return (start..<end, index) }
        }
        return nil
    }

    /// "s***@example.org": the first character of the mailbox and the domain stay.
    static func masked(_ bytes: UTF8Text.Bytes, _ match: (range: Range<Int>, at: Int)) -> String {
        PersonName.initial(of: UTF8Text.string(bytes, match.range.lowerBound..<match.at)) + "***"
            + UTF8Text.string(bytes, match.at..<match.range.upperBound)
    }

    /// The length of the local-part character that ends just before `end`, if one does.
    private static func localCharacter(_ bytes: UTF8Text.Bytes, endingAt end: Int) -> Int? {
        guard end > 0 else { return nil }
        let byte = bytes[end - 1]
        if UTF8Text.isASCIILetter(byte) || (0x30...0x39).contains(byte) || [UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "%"),
                                                                           UInt8(ascii: "+"), UInt8(ascii: "-")].contains(byte) {
            return 1
        }
        return UTF8Text.thaiLetterEnds(before: end, in: bytes) ? 3 : nil
    }

    /// The length of the domain character at `index`, if one is there.
    private static func domainCharacter(_ bytes: UTF8Text.Bytes, at index: Int) -> Int? {
        let byte = bytes[index]
        if UTF8Text.isASCIILetter(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") { return 1 }
        guard let scalar = UTF8Text.thaiScalar(bytes, at: index), UTF8Text.isThaiLetter(scalar) else { return nil }
        return 3
    }

    /// At least two labels, none empty, the last a top-level domain.
    private static func hasDomainShape(_ bytes: UTF8Text.Bytes, _ range: Range<Int>) -> Bool {
        guard let lastDot = range.last(where: { bytes[$0] == UInt8(ascii: ".") }), lastDot > range.lowerBound else { return false }
        guard isTopLevel(bytes, (lastDot + 1)..<range.upperBound) else { return false }
        var previousWasDot = true
        for index in range.lowerBound..<lastDot {
            let isDot = bytes[index] == UInt8(ascii: ".")
            if isDot && previousWasDot { return false }
            previousWasDot = isDot
        }
        return !previousWasDot
    }

    /// Two ASCII letters or more (`org`, `th`), Thai letters (`ไทย`), or punycode (`xn--o3cw4h`).
    private static func isTopLevel(_ bytes: UTF8Text.Bytes, _ range: Range<Int>) -> Bool {
        if range.count >= 2, range.allSatisfy({ UTF8Text.isASCIILetter(bytes[$0]) }) { return true }
        if range.count > punycodePrefix.count, UTF8Text.hasPrefix(bytes, at: range.lowerBound, punycodePrefix) {
            return range.allSatisfy { UTF8Text.isASCIILetter(bytes[$0]) || (0x30...0x39).contains(bytes[$0]) || bytes[$0] == UInt8(ascii: "-") }
        }
        let word = UTF8Text.thaiWord(bytes, from: range.lowerBound)
        return word.letters >= 2 && word.end == range.upperBound
    }
}
