/// Thai month names and digits as agency files write them.
public enum ThaiCalendar {
    /// Month names, full (มกราคม) and abbreviated with or without dots (ม.ค., มค), to month numbers.
    public static let monthNumbers: [String: Int] = {
        let full = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
                    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
        let abbreviated = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
                           "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
        var names: [String: Int] = [:]
        for (index, name) in full.enumerated() { names[name] = index + 1 }
        for (index, name) in abbreviated.enumerated() {
            names[name] = index + 1
            names[name.replacingOccurrences(of: ".", with: "")] = index + 1
            if name.hasSuffix(".") { names[String(name.dropLast())] = index + 1 }
        }
        return names
    }()

    /// Buddhist-Era years run 543 ahead of the Common Era.
    public static let buddhistEraOffset = 543

    /// Years a Thai file plausibly writes in the Buddhist Era (B.E. 2400–2643 = 1857–2100 CE).
    public static let buddhistEraYears = 2400...2643

    /// Whether a scalar is a Thai digit (๐–๙, U+0E50–U+0E59).
    public static func isThaiDigit(_ scalar: Unicode.Scalar) -> Bool {
        (0x0E50...0x0E59).contains(scalar.value)
    }

    /// The Arabic digit for a Thai digit, else the scalar unchanged.
    public static func arabicDigit(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        isThaiDigit(scalar) ? Unicode.Scalar(scalar.value - 0x0E50 + 0x30)! : scalar
    }

    /// Whether the text names a Thai month anywhere in it.
    public static func containsMonthName(_ text: String) -> Bool {
        guard text.unicodeScalars.contains(where: { (0x0E00...0x0E7F).contains($0.value) }) else { return false }
        // Month names stand between the day and the year: split there and look each piece up,
        // instead of searching the text for every one of the 48 spellings.
        let pieces = text.unicodeScalars.split { scalar in
            switch scalar.value {
            case 0x20, 0x09, 0xA0, 0x30...0x39, 0x0E50...0x0E59, 0x2F, 0x2D, 0x2C: return true
            default: return false
            }
        }
        return pieces.contains { piece in
            let name = String(String.UnicodeScalarView(piece))
            return name.unicodeScalars.count >= 2 && monthNumbers[name] != nil
        }
    }
}
