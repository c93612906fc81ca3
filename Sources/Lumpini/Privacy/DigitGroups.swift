/// The runs of digits in a cell, as the ID and phone detectors see them.
///
/// A group is a run of ASCII or Thai digits. Groups separated by at most two of space, `-`, `(`, `)`
/// belong to one written number ("081-234-5678", "1 2345 67890 12 3", "(02) 123 4567"). A run joined
/// by a decimal point or a thousands separator ("13.7581", "1,234,567") is a measured quantity,
/// not an identifier, and ends any number it touches. The buffers are reused from cell to cell.
struct DigitGroups {
    struct Group {
        /// Byte offsets of the group in the cell.
        var start: Int
        var end: Int
        /// Where its digits begin in `digits`.
        var digitOffset: Int
        var count: Int
        /// Part of a decimal or thousands-separated quantity.
        var isQuantity: Bool
        /// Written after a separator that continues the previous group's number.
        var continuesPrevious: Bool
        /// Written right after `+` (an international prefix).
        var followsPlus: Bool
    }

    private(set) var groups: [Group] = []
    /// The digit values of every group, one after another.
    private(set) var digits: [UInt8] = []

    /// Reads the digit groups of one cell.
    mutating func load(_ bytes: UTF8Text.Bytes) {
        groups.removeAll(keepingCapacity: true)
        digits.removeAll(keepingCapacity: true)
        var index = 0
        var linked = false
        while index < bytes.count {
            guard UTF8Text.digit(bytes, at: index) != nil else {
                index += 1
                linked = false
                continue
            }
            let start = index
            let offset = digits.count
            var isQuantity = false
            while index < bytes.count {
                if let digit = UTF8Text.digit(bytes, at: index) {
                    digits.append(digit.value)
                    index += digit.length
                } else if bytes[index] == UInt8(ascii: "."), index + 1 < bytes.count, UTF8Text.digit(bytes, at: index + 1) != nil {
                    isQuantity = true
                    index += 1
                } else if bytes[index] == UInt8(ascii: ","), Self.thousandsGroupFollows(bytes, comma: index) {
                    isQuantity = true
                    index += 1
                } else {
                    break
                }
            }
            let followsPlus = start > 0 && bytes[start - 1] == UInt8(ascii: "+")
            groups.append(Group(
                start: start, end: index, digitOffset: offset, count: digits.count - offset,
                isQuantity: isQuantity, continuesPrevious: linked, followsPlus: followsPlus
            ))
            var separatorEnd = index
            while separatorEnd < bytes.count, separatorEnd - index < 2, Self.isSeparator(bytes[separatorEnd]) { separatorEnd += 1 }
            linked = separatorEnd > index && separatorEnd < bytes.count && UTF8Text.digit(bytes, at: separatorEnd) != nil
            index = separatorEnd
        }
    }

    /// Calls `body` for every run of consecutive groups of one written number (a window), with
    /// the first and last group's indices and the digit count, up to `maximumDigits` digits.
    func forEachWindow(maximumDigits: Int, _ body: (_ first: Int, _ last: Int, _ digitCount: Int) -> Void) {
        for first in groups.indices where !groups[first].isQuantity {
            var total = 0
            for last in first..<groups.count {
                if last > first, !groups[last].continuesPrevious || groups[last].isQuantity { break }
                total += groups[last].count
                if total > maximumDigits { break }
                body(first, last, total)
            }
        }
    }

    /// The digits of groups `first...last`.
    func digits(_ first: Int, _ last: Int) -> ArraySlice<UInt8> {
        digits[groups[first].digitOffset..<(groups[last].digitOffset + groups[last].count)]
    }

    /// Whether `byte` may sit between two groups of one written number.
    static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")")
    }

    /// "1,234" — a comma followed by exactly three digits — is a thousands separator; "0812345678,0898765432" is a list.
    private static func thousandsGroupFollows(_ bytes: UTF8Text.Bytes, comma: Int) -> Bool {
        var index = comma + 1
        var count = 0
        while index < bytes.count, let digit = UTF8Text.digit(bytes, at: index) {
            count += 1
            index += digit.length
            if count > 3 { return false }
        }
        return count == 3
    }
}
