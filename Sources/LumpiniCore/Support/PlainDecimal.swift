/// The value of a plain decimal's text (`37.5`, `-12`, `100.398929`): a minus or none, digits, and a
/// fraction or none, at most 15 digits in all, no exponent (the form machines write numbers in). Then the digits and the power of ten are
/// both exact doubles and one division is correctly rounded (Clinger's fast path): the value `strtod`
/// and `Double(_:)` give, at a fraction of their cost. Nil for any other text, which the caller reads
/// as it would have (`Double(_:)`, `strtod`).
public enum PlainDecimal {
    public static func value(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let count = bytes.count
        var index = 0
        var negative = false
        if index < count, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var inFraction = false
        while index < count {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                mantissa = mantissa &* 10 &+ UInt64(byte &- UInt8(ascii: "0"))
                digits += 1
                if inFraction { fractionDigits += 1 }
            } else if byte == UInt8(ascii: "."), !inFraction, digits > 0 {
                inFraction = true
            } else {
                return nil
            }
            index += 1
        }
        guard digits > 0, digits <= 15, !inFraction || fractionDigits > 0 else { return nil }
        let value = Double(mantissa) / powersOfTen[fractionDigits]
        return negative ? -value : value
    }

    /// `value` of a string's UTF-8.
    public static func value(_ text: String) -> Double? {
        text.withUTF8Bytes(value)
    }

    /// 10⁰ to 10¹⁵, each exact in a double (up to 10²² are).
    private static let powersOfTen: [Double] = (0...15).map { exponent in (0..<exponent).reduce(1.0) { value, _ in value * 10 } }
}
