import Foundation

/// The text repairs of `clean-text`. Most cells need none, and most of the rest only lose
/// spaces and invisible characters: both are decided on the UTF-8 bytes (`isClean`,
/// `removingSpacesAndInvisibles`); only text that Unicode normalisation or the sara am repair
/// could change goes through `cleanScalars`, which defines what `clean-text` does.
package enum TextCleaner {
    static func clean(_ text: String) -> String {
        let fast = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            if isClean(bytes) { return text }
            return removingSpacesAndInvisibles(bytes).map { keepingFormulaGuard(original: text, cleaned: $0) }
        }
        return (fast ?? nil) ?? cleanScalars(text)
    }

    /// Every repair, scalar by scalar: NFC where marks may be out of order or outside Thai, the
    /// sara am repair, whitespace and invisible characters.
    static func cleanScalars(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        var needsNormalization = false
        var previousMark: UInt32 = 0
        for scalar in text.unicodeScalars {
            if isWhitespace(scalar.value) {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if isInvisible(scalar.value) { continue }
            if pendingSpace {
                scalars.append(" ")
                pendingSpace = false
            }
            let value = scalar.value
            if value >= 0x300 {
                // Thai marks are in canonical order unless a tone mark (class 107) precedes a
                // below vowel (class 103); anything outside Thai goes through Foundation's NFC.
                if (0x0E00...0x0E7F).contains(value) {
                    if isBelowVowel(value), isToneMark(previousMark) { needsNormalization = true }
                } else {
                    needsNormalization = true
                }
            }
            previousMark = value
            scalars.append(scalar)
        }
        var result = String(scalars)
        if needsNormalization { result = result.precomposedStringWithCanonicalMapping }
        result = ThaiText.composingSaraAm(result)
        return keepingFormulaGuard(original: text, cleaned: result)
    }

    /// A tab, carriage return or space before `=`, `+`, `-` or `@` keeps a spreadsheet from running
    /// the value as a formula: removing it would turn harmless data into a live formula.
    private static func keepingFormulaGuard(original text: String, cleaned result: String) -> String {
        guard text.unicodeScalars.first != result.unicodeScalars.first, SpreadsheetFormula.isFormulaLike(result) else { return result }
        let leading = text.unicodeScalars.prefix { isWhitespace($0.value) || isInvisible($0.value) }
        return String(String.UnicodeScalarView(leading)) + result
    }

    /// Whether `clean` leaves the text as it is: single spaces between words only, no other
    /// whitespace, nothing invisible, nothing outside Thai from U+0300 on (where NFC could change
    /// something), no tone mark before a below vowel, no nikhahit, no doubled sara e.
    static func isClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousWasSpace = true
        var previous: UInt32 = 0
        var index = 0
        while index < bytes.count {
            let (value, length) = scalar(in: bytes, at: index)
            index += length
            if value == 0x20 {
                if previousWasSpace { return false }
                previousWasSpace = true
                continue
            }
            if value < 0x20 || value == 0x7F { return false }
            if value >= 0x80 {
                // The Thai block holds no whitespace and nothing invisible: most of these cells' text.
                if value & ~0x7F != 0x0E00, isWhitespace(value) || isInvisible(value) { return false }
                if value >= 0x300, !isPlainThai(value, after: previous, previousWasSpace: previousWasSpace) { return false }
            }
            previousWasSpace = false
            previous = value
        }
        return !previousWasSpace || bytes.isEmpty
    }

    /// The text without leading, trailing and repeated whitespace and without invisible characters,
    /// when that is all `clean` would change; nil when it needs `cleanScalars`.
    static func removingSpacesAndInvisibles(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pendingSpace = false
        var previous: UInt32 = 0
        var index = 0
        while index < bytes.count {
            let (value, length) = scalar(in: bytes, at: index)
            let start = index
            index += length
            if isWhitespace(value) {
                pendingSpace = !output.isEmpty
                continue
            }
            if isInvisible(value) { continue }
            if value >= 0x300, !isPlainThai(value, after: previous, previousWasSpace: pendingSpace) { return nil }
            if pendingSpace {
                output.append(0x20)
                pendingSpace = false
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            previous = value
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether a scalar from U+0300 on is Thai that neither NFC nor the sara am repair would change
    /// after `previous` (the last scalar kept, spaces aside): `cleanScalars` normalises a below vowel
    /// after a tone mark even across a space, and repairs sara e only when directly doubled.
    @inline(__always)
    private static func isPlainThai(_ value: UInt32, after previous: UInt32, previousWasSpace: Bool) -> Bool {
        guard (0x0E00...0x0E7F).contains(value), value != nikhahit else { return false }
        if isBelowVowel(value), isToneMark(previous) { return false }
        return !(value == saraE && previous == saraE && !previousWasSpace)
    }

    private static let nikhahit: UInt32 = 0x0E4D
    private static let saraE: UInt32 = 0x0E40

    @inline(__always)
    private static func isBelowVowel(_ value: UInt32) -> Bool { (0x0E38...0x0E3A).contains(value) }

    @inline(__always)
    private static func isToneMark(_ value: UInt32) -> Bool { (0x0E48...0x0E4B).contains(value) }

    /// The scalar starting at `index` of valid UTF-8 and its length in bytes.
    @inline(__always)
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        return ((lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F), 4)
    }

    static func isWhitespace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Zero-width characters, the BOM, soft hyphens and other control characters.
    static func isInvisible(_ value: UInt32) -> Bool {
        switch value {
        case 0x00...0x1F, 0x7F...0x9F, 0xAD, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0xFEFF: return true
        default: return false
        }
    }
}
