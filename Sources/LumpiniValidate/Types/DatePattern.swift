/// A `strptime` pattern such as `%d/%m/%Y %H:%M`, matched as Python's `datetime.strptime` does
/// (the same alternatives per directive, case-insensitive names, whitespace matching one or more
/// spaces, and the whole cell must match).
struct DatePattern: Sendable {
    private enum Token: Sendable, Equatable {
        case literal(UInt8)
        case space
        case directive(UInt8)
    }

    private let tokens: [Token]
    private static let supported = Set("dfHIjmMSyYzbBaApe%".utf8)
    private static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
    private static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// Nil when the pattern uses a directive this reader does not know.
    init?(_ pattern: String) {
        var tokens: [Token] = []
        var bytes = Array(pattern.utf8)[...]
        while let byte = bytes.popFirst() {
            if byte == UInt8(ascii: "%") {
                guard let directive = bytes.popFirst(), DatePattern.supported.contains(directive) else { return nil }
                tokens.append(directive == UInt8(ascii: "%") ? .literal(byte) : .directive(directive))
            } else if CellNumber.isSpace(byte) {
                if tokens.last != .space { tokens.append(.space) }
            } else {
                tokens.append(.literal(byte))
            }
        }
        self.tokens = tokens
    }

    private struct Captured {
        var parts = DateParts()
        var hour12: Int?
        var pm: Bool?
        var dayOfYear: Int?
    }

    /// The date and time in `bytes`, or nil when they do not match or are not a real date.
    func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> DateParts? {
        var captured = Captured()
        guard match(0, 0, bytes, &captured) else { return nil }
        var parts = captured.parts
        if let hour12 = captured.hour12 {
            parts.hour = hour12 % 12 + ((captured.pm ?? false) ? 12 : 0)
        }
        if let dayOfYear = captured.dayOfYear {
            var remaining = dayOfYear
            var month = 1
            while month <= 12, remaining > ISODate.daysIn(month: month, year: parts.year) {
                remaining -= ISODate.daysIn(month: month, year: parts.year)
                month += 1
            }
            if month > 12 { return nil }
            parts.month = month
            parts.day = remaining
        }
        return parts.isValidDate && parts.isValidTime ? parts : nil
    }

    private func match(_ tokenIndex: Int, _ position: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ captured: inout Captured) -> Bool {
        guard tokenIndex < tokens.count else { return position == bytes.count }
        switch tokens[tokenIndex] {
        case .literal(let byte):
            guard position < bytes.count, lowercased(bytes[position]) == lowercased(byte) else { return false }
            return match(tokenIndex + 1, position + 1, bytes, &captured)
        case .space:
            var end = position
            while end < bytes.count, CellNumber.isSpace(bytes[end]) { end += 1 }
            guard end > position else { return false }
            return match(tokenIndex + 1, end, bytes, &captured)
        case .directive(let directive):
            for (length, apply) in candidates(directive, bytes, position) {
                var attempt = captured
                apply(&attempt)
                if match(tokenIndex + 1, position + length, bytes, &attempt) {
                    captured = attempt
                    return true
                }
            }
            return false
        }
    }

    private func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    private typealias Candidate = (Int, (inout Captured) -> Void)

    /// The ways `directive` can match at `position`, in the order Python's regex tries them.
    private func candidates(_ directive: UInt8, _ bytes: UnsafeBufferPointer<UInt8>, _ position: Int) -> [Candidate] {
        func digits(_ count: Int) -> Int? { ISODateTime.digits(bytes, position, count) }
        /// Two digits then one digit, keeping values in `range` (the regex alternatives).
        func number(_ range: ClosedRange<Int>, maxDigits: Int = 2, set: @escaping (inout Captured, Int) -> Void) -> [Candidate] {
            var result: [Candidate] = []
            for count in stride(from: maxDigits, through: 1, by: -1) {
                if let value = digits(count), range.contains(value) {
                    result.append((count, { set(&$0, value) }))
                }
            }
            return result
        }
        func names(_ list: [String], abbreviated: Bool, set: @escaping (inout Captured, Int) -> Void) -> [Candidate] {
            let rest = String(decoding: UnsafeBufferPointer(rebasing: bytes[position...]), as: UTF8.self).lowercased()
            for (index, name) in list.enumerated() {
                let word = abbreviated ? String(name.prefix(3)) : name
                if rest.hasPrefix(word) { return [(word.utf8.count, { set(&$0, index + 1) })] }
            }
            return []
        }
        switch directive {
        case UInt8(ascii: "Y"):
            guard let value = digits(4) else { return [] }
            return [(4, { $0.parts.year = value })]
        case UInt8(ascii: "y"):
            guard let value = digits(2) else { return [] }
            return [(2, { $0.parts.year = value < 69 ? 2000 + value : 1900 + value })]
        case UInt8(ascii: "m"): return number(1...12) { $0.parts.month = $1 }
        case UInt8(ascii: "d"), UInt8(ascii: "e"):
            var result = number(1...31) { $0.parts.day = $1 }
            if position + 1 < bytes.count, bytes[position] == 0x20, bytes[position + 1] >= 0x31, bytes[position + 1] <= 0x39 {
                let value = Int(bytes[position + 1] - 0x30)
                result.append((2, { $0.parts.day = value }))
            }
            return result
        case UInt8(ascii: "H"): return number(0...23) { $0.parts.hour = $1 }
        case UInt8(ascii: "I"): return number(1...12) { $0.hour12 = $1 }
        case UInt8(ascii: "M"): return number(0...59) { $0.parts.minute = $1 }
        case UInt8(ascii: "S"): return number(0...61) { $0.parts.second = min($1, 59) }
        case UInt8(ascii: "j"): return number(1...366, maxDigits: 3) { $0.dayOfYear = $1 }
        case UInt8(ascii: "f"):
            var result: [Candidate] = []
            for count in stride(from: 6, through: 1, by: -1) {
                if let value = digits(count) {
                    var scaled = value
                    for _ in count..<6 { scaled *= 10 }
                    result.append((count, { $0.parts.microsecond = scaled }))
                }
            }
            return result
        case UInt8(ascii: "p"):
            let rest = String(decoding: UnsafeBufferPointer(rebasing: bytes[position...]), as: UTF8.self).lowercased()
            if rest.hasPrefix("am") { return [(2, { $0.pm = false })] }
            if rest.hasPrefix("pm") { return [(2, { $0.pm = true })] }
            return []
        case UInt8(ascii: "b"): return names(DatePattern.months, abbreviated: true) { $0.parts.month = $1 }
        case UInt8(ascii: "B"): return names(DatePattern.months, abbreviated: false) { $0.parts.month = $1 }
        case UInt8(ascii: "a"): return names(DatePattern.weekdays, abbreviated: true) { _, _ in }
        case UInt8(ascii: "A"): return names(DatePattern.weekdays, abbreviated: false) { _, _ in }
        case UInt8(ascii: "z"):
            guard position < bytes.count else { return [] }
            if bytes[position] == UInt8(ascii: "Z") { return [(1, { $0.parts.utcOffset = 0 })] }
            guard let (length, offset) = ISODateTime.utcOffset(bytes, from: position, allowSeconds: true) else { return [] }
            return [(length, { $0.parts.utcOffset = offset })]
        default:
            return []
        }
    }
}
