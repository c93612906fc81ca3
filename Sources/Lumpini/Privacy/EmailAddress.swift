/// E-mail addresses in text: `local@domain.tld`, where the local part is ASCII letters, digits and
/// `._%+-`, the domain has at least one dot and ends in two or more letters.
enum EmailAddress {
    /// The byte range and the `@` position of the first address in a cell.
    static func find(in bytes: UTF8Text.Bytes) -> (range: Range<Int>, at: Int)? {
        var index = 0
        while index < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "@") else { continue }
            var start = index
            while start > 0, isLocalByte(bytes[start - 1]) { start -= 1 }
            while start < index, bytes[start] == UInt8(ascii: ".") { start += 1 }
            var end = index + 1
            while end < bytes.count, isDomainByte(bytes[end]) { end += 1 }
            while end > index + 1, bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: "-") { end -= 1 }
            if start < index, hasDomainShape(bytes, index + 1..<end) { return (start..<end, index) }
        }
        return nil
    }

    /// "s***@example.org": the first letter of the mailbox and the domain stay.
    static func masked(_ bytes: UTF8Text.Bytes, _ match: (range: Range<Int>, at: Int)) -> String {
        UTF8Text.string(bytes, match.range.lowerBound..<(match.range.lowerBound + 1)) + "***" + UTF8Text.string(bytes, match.at..<match.range.upperBound)
    }

    private static func isLocalByte(_ byte: UInt8) -> Bool {
        UTF8Text.isASCIILetter(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }

    private static func isDomainByte(_ byte: UInt8) -> Bool {
        UTF8Text.isASCIILetter(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }

    /// At least two labels, none empty, the last two or more letters.
    private static func hasDomainShape(_ bytes: UTF8Text.Bytes, _ range: Range<Int>) -> Bool {
        guard let lastDot = range.last(where: { bytes[$0] == UInt8(ascii: ".") }), lastDot > range.lowerBound else { return false }
        let topLevel = (lastDot + 1)..<range.upperBound
        guard topLevel.count >= 2, topLevel.allSatisfy({ UTF8Text.isASCIILetter(bytes[$0]) }) else { return false }
        var previousWasDot = true
        for index in range.lowerBound..<lastDot {
            let isDot = bytes[index] == UInt8(ascii: ".")
            if isDot && previousWasDot { return false }
            previousWasDot = isDot
        }
        return !previousWasDot
    }
}
