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

/// The Table Schema type a value could have.
public enum InferredType: String, Sendable, Codable, Comparable {
    case boolean, integer, number, date, datetime, string

    /// The order in which types widen: a column of integers and numbers is numbers.
    private var rank: Int {
        switch self {
        case .boolean: return 0
        case .integer: return 1
        case .number: return 2
        case .date: return 3
        case .datetime: return 4
        case .string: return 5
        }
    }

    public static func < (lhs: InferredType, rhs: InferredType) -> Bool { lhs.rank < rhs.rank }

    /// The narrowest type holding both.
    func widened(with other: InferredType) -> InferredType {
        if self == other { return self }
        let numeric: Set<InferredType> = [.integer, .number]
        if numeric.contains(self) && numeric.contains(other) { return .number }
        if [self, other].allSatisfy({ $0 == .date || $0 == .datetime }) { return .datetime }
        return .string
    }
}

/// Classifies text values: what type they could be once cleansed, and what is odd about them.
public enum ValueClassifier {
    /// Type of the value after the usual cleansing (Thai digits and thousands separators removed,
    /// Buddhist-Era and Thai-month dates read), so `inspect` suggests the type the data really has.
    public static func classify(_ raw: String) -> (type: InferredType, traits: ValueTraits) {
        var traits: ValueTraits = []
        let value = raw.trimmingCharacters(in: .whitespaces)
        if MissingValueMarkers.isMarker(value) { traits.insert(.missingMarker) }
        var normalized = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            if ThaiCalendar.isThaiDigit(scalar) { traits.insert(.thaiDigits) }
            normalized.append(ThaiCalendar.arabicDigit(scalar))
        }
        let text = String(normalized)
        if ThaiCalendar.containsMonthName(text) { traits.insert(.thaiMonthName) }
        if let type = numberType(text, traits: &traits) { return (type, traits) }
        if let type = dateType(text, traits: &traits) { return (type, traits) }
        if ["true", "false", "yes", "no"].contains(text.lowercased()) { return (.boolean, traits) }
        return (.string, traits)
    }

    private static func numberType(_ text: String, traits: inout ValueTraits) -> InferredType? {
        var body = Substring(text)
        if body.hasSuffix("%") {
            body = body.dropLast()
            traits.insert(.percentOrUnit)
        }
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        guard let first = body.first, first.isASCII, first.isNumber || first == "." else { return nil }
        var sawPoint = false, sawComma = false, digits = 0
        for character in body {
            switch character {
            case _ where character.isASCII && ("0"..."9").contains(character): digits += 1
            case ".": if sawPoint { return nil }; sawPoint = true
            case ",": if sawPoint { return nil }; sawComma = true
            default: return nil
            }
        }
        guard digits > 0 else { return nil }
        if sawComma {
            let groups = body.split(separator: ".")[0].split(separator: ",", omittingEmptySubsequences: false)
            guard groups.dropFirst().allSatisfy({ $0.count == 3 }), (1...3).contains(groups[0].count) else { return nil }
            traits.insert(.thousandsSeparator)
        }
        if !sawPoint && body.count > 1 && body.first == "0" && !sawComma { traits.insert(.leadingZero) }
        return sawPoint ? .number : .integer
    }

    private static func dateType(_ text: String, traits: inout ValueTraits) -> InferredType? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == " " || $0 == "T" || $0 == "." })
        let numeric = parts.filter { $0.allSatisfy(\.isASCII) && Int($0) != nil }
        let hasMonthName = traits.contains(.thaiMonthName)
        guard numeric.count >= (hasMonthName ? 2 : 3), parts.count >= 3 else { return nil }
        if !hasMonthName && parts.prefix(3).contains(where: { Int($0) == nil }) { return nil }
        let yearToken = hasMonthName ? numeric.last! : (parts[0].count == 4 ? parts[0] : parts[2])
        guard var year = Int(yearToken) else { return nil }
        if yearToken.count == 2 { year += year > 40 ? 2500 : 2000 }
        if ThaiCalendar.buddhistEraYears.contains(year) {
            traits.insert(.buddhistEraYear)
        } else if !(1800...2200).contains(year) {
            return nil
        }
        return text.contains(":") ? .datetime : .date
    }
}
