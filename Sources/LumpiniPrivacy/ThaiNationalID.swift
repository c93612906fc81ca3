/// Thai national ID numbers (เลขประจำตัวประชาชน): 13 digits, the last a check digit.
///
/// Written as 13 digits in a row or in the groups of the card, 1-4-5-2-1, some of them run together
/// (1-4-5-3, 1-12, 5-8, …), with any separator `DigitGroups` joins, in ASCII, Thai or full-width digits.
/// Other splits (6-7) are not how IDs are written. The first digit (the person's category) is 1 to 8.
/// The check digit is `(11 - (Σ dᵢ·(13-i) for i in 0..<12) mod 11) mod 10`.
public enum ThaiNationalID {
    /// Where the card's groups 1-4-5-2-1 end; a written ID splits only at some of these.
    static let groupEnds: Set<Int> = [1, 5, 10, 12]

    /// Whether 13 digits (values 0–9) form a national ID number: the category and the check digit agree.
    public static func isValid<Digits: Collection>(_ digits: Digits) -> Bool where Digits.Element == UInt8 {
        guard digits.count == 13, let first = digits.first, (1...8).contains(first) else { return false }
        return checkDigit(digits.prefix(12)) == digits[digits.index(digits.startIndex, offsetBy: 12)]
    }

    /// The check digit of the first 12 digits.
    public static func checkDigit<Digits: Collection>(_ twelve: Digits) -> UInt8 where Digits.Element == UInt8 {
        var sum = 0
        for (position, digit) in twelve.enumerated() { sum += Int(digit) * (13 - position) }
        return UInt8((11 - sum % 11) % 10)
    }

    /// The first valid ID in a cell's digit groups: the first and last group it spans.
    static func find(in groups: DigitGroups) -> (first: Int, last: Int)? {
        var found: (Int, Int)?
        groups.forEachWindow(maximumDigits: 13) { first, last, count in
            guard found == nil, count == 13 else { return }
            var end = 0
            for group in groups.groups[first..<last] {
                end += group.count
                guard groupEnds.contains(end) else { return }
            }
            if isValid(groups.digits(first, last)) { found = (first, last) }
        }
        return found
    }

    /// "1-2345-xxxxx-xx-x": the category and the office code stay, the person's part is hidden.
    static func masked(_ digits: ArraySlice<UInt8>) -> String {
        let text = digits.prefix(5).map { String($0) }.joined()
        return "\(text.prefix(1))-\(text.dropFirst())-xxxxx-xx-x"
    }
}
