/// Text a spreadsheet would run as a formula when it opens a CSV (CSV injection): text starting with
/// `=`, `+`, `-` or `@`, also after tabs or carriage returns, which some programs drop first. A plain
/// number such as `-12.5` or `+66` is a number there, not a formula, and a lone `-` or `+` (agencies'
/// mark for "no value") is text.
public enum SpreadsheetFormula {
    /// Whether a spreadsheet would take `text` for a formula. Checked on the first bytes only, so the
    /// scan costs next to nothing per value.
    public static func isFormulaLike(_ text: String) -> Bool {
        // Most values start with a letter or a digit: one byte says so, before any view is made.
        guard let lead = text.utf8.first, isFormulaStart(lead) || isDropped(lead) else { return false }
        let bytes = text.utf8.drop(while: isDropped)
        guard let first = bytes.first, isFormulaStart(first) else { return false }
        // After a tab or carriage return even a number is text that some programs trim into a formula.
        if bytes.startIndex != text.utf8.startIndex { return true }
        let loneSign = bytes.dropFirst().isEmpty && (first == UInt8(ascii: "+") || first == UInt8(ascii: "-"))
        return !loneSign && !isPlainNumber(bytes)
    }

    /// `=`, `+`, `-` or `@`: what a formula starts with.
    private static func isFormulaStart(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@")
    }

    /// A tab or carriage return, which some programs drop before reading a cell.
    private static func isDropped(_ byte: UInt8) -> Bool {
        byte == 0x09 || byte == 0x0D
    }

    /// `[+-]digits[.digits][e[+-]digits]`: what a spreadsheet reads as a number.
    private static func isPlainNumber(_ bytes: Substring.UTF8View) -> Bool {
        var rest = bytes
        func digits() -> Int {
            let count = rest.prefix { (0x30...0x39).contains($0) }.count
            rest = rest.dropFirst(count)
            return count
        }
        if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { rest = rest.dropFirst() }
        var mantissa = digits()
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if let e = rest.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { rest = rest.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return rest.isEmpty
    }
}
