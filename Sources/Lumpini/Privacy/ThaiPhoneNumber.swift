/// Thai phone numbers: mobiles `06`/`08`/`09` + 8 digits and Bangkok landlines `02` + 7 digits,
/// with or without separators, or in the international form `+66` without the leading `0`
/// (`+66 81 234 5678`, `+66 2 123 4567`).
enum ThaiPhoneNumber {
    /// The national digits (with the leading 0) of the first phone number in a cell's digit groups,
    /// outside the groups of a national ID number already found there.
    static func find(in groups: DigitGroups, outside nationalID: ClosedRange<Int>? = nil) -> [UInt8]? {
        var found: [UInt8]?
        groups.forEachWindow(maximumDigits: 11) { first, last, _ in
            guard found == nil, !(nationalID?.overlaps(first...last) ?? false) else { return }
            let digits = groups.digits(first, last)
            let subscriber: ArraySlice<UInt8>
            if groups.groups[first].followsPlus {
                guard digits.starts(with: [6, 6]) else { return }
                subscriber = digits.dropFirst(2)
            } else {
                guard digits.first == 0 else { return }
                subscriber = digits.dropFirst()
            }
            if isSubscriberNumber(subscriber) { found = [0] + subscriber }
        }
        return found
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
