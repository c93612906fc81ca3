/// Thai month names and Buddhist-Era years as agency files write them.
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

    /// Whether the text names a Thai month anywhere in it.
    public static func containsMonthName(_ text: String) -> Bool {
        guard text.unicodeScalars.contains(where: { (0x0E00...0x0E7F).contains($0.value) }) else { return false }
        return monthNumbers.keys.contains { $0.count >= 3 && text.contains($0) }
    }
}
