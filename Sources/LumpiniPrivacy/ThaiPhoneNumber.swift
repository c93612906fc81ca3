/// Thai phone numbers: mobiles `06`/`08`/`09` + 8 digits and Bangkok landlines `02` + 7 digits,
/// with or without separators, or in the international form without the leading `0` after `+66`,
/// `0066` or a group of its own `66` (`+66 81 234 5678`, `0066 2 123 4567`, `66-81-234-5678`; a
/// trunk `0` written after the country code, `+66 (0)81 …`, is read too). `66` run into the
/// number ("66812345678") is not taken as the country code: too many other numbers begin so.
enum ThaiPhoneNumber {
    /// The first phone number in a cell's digit groups, outside the groups of a national ID number
    /// already found there: the first and last group it spans and its national digits (with the leading 0).
    static func find(in groups: DigitGroups, outside nationalID: ClosedRange<Int>? = nil) -> (first: Int, last: Int, digits: [UInt8])? {
        var found: (Int, Int, [UInt8])?
        groups.forEachWindow(maximumDigits: 14) { first, last, _ in
            guard found == nil, !(nationalID?.overlaps(first...last) ?? false) else { return }
            let digits = groups.digits(first, last)
            let international = groups.groups[first].followsPlus || groups.groups[first].count == 2 && last > first
            let subscriber: ArraySlice<UInt8>
            if international, digits.starts(with: [6, 6]) {
                subscriber = withoutTrunkZero(digits.dropFirst(2))
            } else if digits.starts(with: [0, 0, 6, 6]) {
                subscriber = withoutTrunkZero(digits.dropFirst(4))
            } else if !groups.groups[first].followsPlus, digits.first == 0 {
                subscriber = digits.dropFirst()
            } else {
                return
            }
            if isSubscriberNumber(subscriber) { found = (first, last, [0] + subscriber) }
        }
        return found
    }

    /// "+66 (0)81 …": the trunk 0 some write after the country code.
    private static func withoutTrunkZero(_ digits: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        digits.first == 0 ? digits.dropFirst() : digits
    }

    /// The digits after the trunk `0`: a mobile (6, 8, 9 + 8 digits) or a Bangkok line (2 + 7 digits).
    static func isSubscriberNumber(_ digits: ArraySlice<UInt8>) -> Bool {
        switch digits.first {
        case 6, 8, 9: return digits.count == 9
        case 2: return digits.count == 8
        default: return false
        }
    }

    /// "08x-xxx-1234" or "02-xxx-4567": the kind of line and the last four digits stay.
    static func masked(_ digits: [UInt8]) -> String {
        let last = digits.suffix(4).map { String($0) }.joined()
        return digits[1] == 2 ? "02-xxx-\(last)" : "0\(digits[1])x-xxx-\(last)"
    }
}
