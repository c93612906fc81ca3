import Foundation

/// What a single text value looks like, for type inference and for the notes `inspect` prints.
public struct ValueTraits: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let thaiDigits = ValueTraits(rawValue: 1 << 0)
    public static let buddhistEraYear = ValueTraits(rawValue: 1 << 1)
    public static let thaiMonthName = ValueTraits(rawValue: 1 << 2)
    public static let thousandsSeparator = ValueTraits(rawValue: 1 << 3)
    public static let missingMarker = ValueTraits(rawValue: 1 << 4)
    public static let percentOrUnit = ValueTraits(rawValue: 1 << 5)
    public static let leadingZero = ValueTraits(rawValue: 1 << 6)
}

/// What a value reads as once the usual cleansing has run (Thai digits, thousands separators,
/// Buddhist-Era and Thai-month dates): which parsing step a column needs. Not its schema type:
/// `lumpini new` infers that (`SchemaInference`) from the values the suggested recipe gives.
public enum ValueShape: String, Sendable, Codable {
    case boolean, number, date, text

    /// The shape of a column holding both: one parsing step reads a column, so mixed shapes are text.
    func widened(with other: ValueShape) -> ValueShape {
        self == other ? self : .text
    }
}

/// Classifies text values: what they read as once cleansed, and what is odd about them.
public enum ValueClassifier {
    /// The shape of the value after the usual cleansing (Thai digits and thousands separators removed,
    /// Buddhist-Era and Thai-month dates read), so `new` suggests the steps the data needs.
    public static func classify(_ raw: String) -> (shape: ValueShape, traits: ValueTraits) {
        var traits: ValueTraits = []
        let value = raw.trimmingWhitespace
        let shape = ByteShape(value.utf8)
        if shape.byteCount <= 40 && MissingValueMarkers.isMarker(value) { traits.insert(.missingMarker) }
        if shape.hasThaiDigit { traits.insert(.thaiDigits) }
        // Without a digit a value is text, a boolean or a marker: most Thai names stop here.
        guard shape.hasDigit else {
            if shape.byteCount <= 5, ["true", "false", "yes", "no"].contains(value.lowercased()) { return (.boolean, traits) }
            return (.text, traits)
        }
        let text = shape.hasThaiDigit ? ThaiText.arabicDigits(value) : value
        if shape.hasThai && ThaiCalendar.containsMonthName(text) { traits.insert(.thaiMonthName) }
        if let type = numberType(Array(text.utf8), traits: &traits) { return (type, traits) }
        if let type = dateType(text, traits: &traits) { return (type, traits) }
        return (.text, traits)
    }

    /// What one pass over a value's UTF-8 bytes tells: its length, digits (ASCII or Thai) and Thai letters.
    private struct ByteShape {
        var byteCount = 0
        var hasDigit = false
        var hasThaiDigit = false
        var hasThai = false

        init(_ bytes: String.UTF8View) {
            var previous: (UInt8, UInt8) = (0, 0)
            for byte in bytes {
                byteCount += 1
                if byte >= 0x30 && byte <= 0x39 { hasDigit = true }
                // Thai is U+0E00–U+0E7F: E0 B8 xx or E0 B9 xx; its digits are E0 B9 90–99.
                if previous.0 == 0xE0 && (previous.1 == 0xB8 || previous.1 == 0xB9) {
                    hasThai = true
                    if previous.1 == 0xB9 && byte >= 0x90 && byte <= 0x99 {
                        hasThaiDigit = true
                        hasDigit = true
                    }
                }
                previous = (previous.1, byte)
            }
        }
    }

    /// Integers and decimals, with thousands separators, a sign and a trailing percent sign: on bytes.
    private static func numberType(_ bytes: [UInt8], traits: inout ValueTraits) -> ValueShape? {
        let (zero, nine, point, comma) = (UInt8(ascii: "0"), UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: ","))
        var body = bytes[...]
        let percent = body.last == UInt8(ascii: "%")
        if percent { body = body.dropLast() }
        if body.first == UInt8(ascii: "-") || body.first == UInt8(ascii: "+") { body = body.dropFirst() }
        guard let first = body.first, (zero...nine).contains(first) || first == point else { return nil }
        var sawPoint = false, digits = 0
        var groups: [Int] = [0]
        for byte in body {
            switch byte {
            case zero...nine:
                digits += 1
                if !sawPoint { groups[groups.count - 1] += 1 }
            case point:
                if sawPoint { return nil }
                sawPoint = true
            case comma:
                if sawPoint { return nil }
                groups.append(0)
            default:
                return nil
            }
        }
        guard digits > 0 else { return nil }
        if groups.count > 1 {
            guard (1...3).contains(groups[0]), groups.dropFirst().allSatisfy({ $0 == 3 }) else { return nil }
            traits.insert(.thousandsSeparator)
        } else if !sawPoint && body.count > 1 && first == zero {
            traits.insert(.leadingZero)
        }
        if percent { traits.insert(.percentOrUnit) }
        return .number
    }

    private static func dateType(_ text: String, traits: inout ValueTraits) -> ValueShape? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == " " || $0 == "T" || $0 == "." })
        let numeric = parts.filter { $0.allSatisfy(\.isASCII) && Int($0) != nil }
        let hasMonthName = traits.contains(.thaiMonthName)
        // A month name and a year ("ต.ค. 2565") is a month, which parse-dates reads as its first day.
        guard numeric.count >= (hasMonthName ? 1 : 3), parts.count >= (hasMonthName ? 2 : 3) else { return nil }
        if hasMonthName && numeric.count == 1 && numeric[0].count != 4 { return nil }
        if !hasMonthName && parts.prefix(3).contains(where: { Int($0) == nil }) { return nil }
        let yearToken = hasMonthName ? numeric.last! : (parts[0].count == 4 ? parts[0] : parts[2])
        guard var year = Int(yearToken) else { return nil }
        if yearToken.count == 2 { year += year > 40 ? 2500 : 2000 }
        if ThaiCalendar.buddhistEraYears.contains(year) {
            traits.insert(.buddhistEraYear)
        } else if !(1800...2200).contains(year) {
            return nil
        }
        return .date
    }
}
