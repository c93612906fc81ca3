/// The runs of digits in a cell, as the ID and phone detectors see them.
///
/// A group is a run of ASCII, Thai or full-width digits. Groups separated by at most three of space,
/// `-`, `(`, `)` (or the dashes and spaces of `UTF8Text.numberSeparator`) belong to one written number
/// ("081-234-5678", "1 2345 67890 12 3", "(02) 123 4567", "02 - 123 - 4567"). Three groups or more joined by dots, or by
/// slashes, are one written number too ("081.234.5678", "1/2345/67890/12/3"): a decimal has one dot.
/// Two groups joined by a dot, or any joined by a thousands separator ("13.7581", "1,234,567"), are
/// a measured quantity, not an identifier, and end any number they touch; two joined by a slash
/// ("543/21", "0812345678/0898765432") are two numbers. The buffers are reused from cell to cell.
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

    /// What joins a group to the one before it.
    private enum Joint {
        case none, separator, dot, slash, thousands
    }

    private(set) var groups: [Group] = []
    /// The digit values of every group, one after another.
    private(set) var digits: [UInt8] = []
    private var joints: [Joint] = []

    /// Reads the digit groups of one cell.
    mutating func load(_ bytes: UTF8Text.Bytes) {
        groups.removeAll(keepingCapacity: true)
        digits.removeAll(keepingCapacity: true)
        joints.removeAll(keepingCapacity: true)
        var index = 0
        var joint = Joint.none
        while index < bytes.count {
            guard UTF8Text.digit(bytes, at: index) != nil else {
                // A Thai letter's other two bytes (or another three-byte character's) hold no digit.
                index += bytes[index] >= 0xE0 && bytes[index] < 0xF0 ? 3 : 1
                joint = .none
                continue
            }
            let start = index
            let offset = digits.count
            while index < bytes.count, let digit = UTF8Text.digit(bytes, at: index) {
                digits.append(digit.value)
                index += digit.length
            }
            let followsPlus = start > 0 && bytes[start - 1] == UInt8(ascii: "+")
            groups.append(Group(
                start: start, end: index, digitOffset: offset, count: digits.count - offset,
                isQuantity: false, continuesPrevious: joint == .separator, followsPlus: followsPlus
            ))
            joints.append(joint)
            (joint, index) = Self.joint(after: index, in: bytes)
        }
        resolvePunctuatedRuns()
    }

    /// What follows a group at `index`, and where the next group may start.
    private static func joint(after index: Int, in bytes: UTF8Text.Bytes) -> (Joint, Int) {
        guard index < bytes.count else { return (.none, index) }
        let digitFollows = { (next: Int) in next < bytes.count && UTF8Text.digit(bytes, at: next) != nil }
        switch bytes[index] {
        case UInt8(ascii: ".") where digitFollows(index + 1): return (.dot, index + 1)
        case UInt8(ascii: "/") where digitFollows(index + 1): return (.slash, index + 1)
        case UInt8(ascii: ",") where thousandsGroupFollows(bytes, comma: index): return (.thousands, index + 1)
        default:
            var end = index
            var separators = 0
            while end < bytes.count, separators < 3, let length = UTF8Text.numberSeparator(bytes, at: end) {
                end += length
                separators += 1
            }
            return (end > index && digitFollows(end) ? .separator : .none, end)
        }
    }

    /// Decides what runs of groups joined by dots, slashes or thousands separators are (see the type's comment).
    private mutating func resolvePunctuatedRuns() {
        var first = 0
        while first < groups.count {
            var last = first
            while last + 1 < groups.count, [.dot, .slash, .thousands].contains(joints[last + 1]) { last += 1 }
            defer { first = last + 1 }
            guard last > first else { continue }
            let kinds = Set(joints[(first + 1)...last])
            if last - first >= 2, kinds == [.dot] || kinds == [.slash] {
                for index in (first + 1)...last { groups[index].continuesPrevious = true }
            } else if kinds != [.slash] {
                for index in first...last { groups[index].isQuantity = true }
            }
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

    /// The bytes of groups `first...last` in the cell, separators included.
    func byteRange(_ first: Int, _ last: Int) -> Range<Int> {
        groups[first].start..<groups[last].end
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
