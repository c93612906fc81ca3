/// Reading integers and decimals from cell bytes as the reference tool (Python's `int()` and
/// `Decimal()`) does: surrounding whitespace is ignored, a sign is allowed, and digits of any
/// script count (Thai `๑๒` is 12). ASCII cells never leave the byte fast path.
enum CellNumber {
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || (byte >= 0x1C && byte <= 0x1F)
    }

    /// The bytes without surrounding ASCII whitespace.
    @inline(__always)
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// The cell rewritten in ASCII when it holds non-ASCII digits or spaces, nil when it holds
    /// other non-ASCII text; `.some(nil)` when it is already ASCII (nothing to fold).
    static func asciiFolded(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]?? {
        guard bytes.contains(where: { $0 >= 0x80 }) else { return .some(nil) }
        let text = String(decoding: bytes, as: UTF8.self)
        var folded: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                folded.append(UInt8(scalar.value))
            } else if scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue {
                folded.append(UInt8(ascii: "0") + UInt8(value))
            } else if scalar.properties.isWhitespace {
                folded.append(0x20)
            } else {
                return .none
            }
        }
        return .some(folded)
    }

    /// Python's `int(text)`; nil when it is not an integer (or does not fit 64 bits).
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if let value = asciiInteger(trimmed(bytes)) { return value }
        guard case .some(.some(let folded)) = asciiFolded(bytes) else { return nil }
        return folded.withUnsafeBufferPointer { asciiInteger(trimmed($0)) }
    }

    private static func asciiInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let count = bytes.count
        var negative = false
        if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        guard index < count else { return nil }
        var value = 0
        var previousWasDigit = false
        while index < count {
            let byte = bytes[index]
            if byte >= 0x30, byte <= 0x39 {
                let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(Int(byte - 0x30))
                if overflow1 || overflow2 { return nil }
                value = sum
                previousWasDigit = true
            } else if byte == UInt8(ascii: "_"), previousWasDigit, index + 1 < count, bytes[index + 1] >= 0x30, bytes[index + 1] <= 0x39 {
                previousWasDigit = false
            } else {
                return nil
            }
            index += 1
        }
        return negative ? -value : value
    }

    /// Python's `Decimal(text)` as a double; nil when it is not a number.
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        if let value = asciiDecimal(trimmed(bytes)) { return value }
        guard case .some(.some(let folded)) = asciiFolded(bytes) else { return nil }
        return folded.withUnsafeBufferPointer { asciiDecimal(trimmed($0)) }
    }

    private static func asciiDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var clean: [UInt8] = []
        let hasUnderscore = bytes.contains(UInt8(ascii: "_"))
        if hasUnderscore { clean = bytes.filter { $0 != UInt8(ascii: "_") } }
        return hasUnderscore ? clean.withUnsafeBufferPointer(parseDecimalGrammar) : parseDecimalGrammar(bytes)
    }

    private static func parseDecimalGrammar(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        if let value = PlainDecimal.value(bytes) { return value }
        let count = bytes.count
        var index = 0
        var negative = false
        if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        guard index < count else { return nil }
        let first = bytes[index] | 0x20
        if first == UInt8(ascii: "i") || first == UInt8(ascii: "n") || first == UInt8(ascii: "s") {
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[index...]), as: UTF8.self).lowercased()
            if word == "inf" || word == "infinity" { return negative ? -.infinity : .infinity }
            let nanBody = word.hasPrefix("snan") ? word.dropFirst(4) : word.hasPrefix("nan") ? word.dropFirst(3) : nil
            if let nanBody, nanBody.allSatisfy(\.isASCIIDigit) { return .nan }
            return nil
        }
        var digits = 0
        while index < count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            index += 1
            digits += 1
        }
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                index += 1
                digits += 1
            }
        }
        guard digits > 0 else { return nil }
        if index < count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            var exponentDigits = 0
            while index < count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1; exponentDigits += 1 }
            guard exponentDigits > 0 else { return nil }
        }
        guard index == count else { return nil }
        return Double(String(decoding: bytes, as: UTF8.self))
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
