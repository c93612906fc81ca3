import Foundation

/// Reads the dates Thai agencies write and gives them as ISO 8601: Buddhist-Era years (2566,
/// and two-digit 66), Thai month names full and abbreviated ("15 ม.ค. 2566", "15 มกราคม 66"),
/// English month names, day/month/year in a declared order, Excel serial dates, and a time when
/// one follows ("15/01/2566 13:45", "13.45 น.").
struct DateText {
    /// The order of numeric day, month and year.
    enum Order: String, CaseIterable {
        case dmy, mdy, ymd
    }

    /// How to read four-digit years.
    enum Era: String, CaseIterable {
        /// Years from 2400 on are Buddhist Era; earlier ones Gregorian.
        case auto
        case buddhist
        case gregorian
    }

    /// How to read two-digit years.
    enum TwoDigitYears: String, CaseIterable {
        /// 66 is 2566 BE = 2023 (the Thai habit).
        case buddhist
        /// 23 is 2023; 70 is 1970 (pivot at 50).
        case gregorian
        /// Two-digit years are refused.
        case refuse
    }

    var order: Order = .dmy
    var era: Era = .auto
    var twoDigitYears: TwoDigitYears = .buddhist
    var excelSerial = false
    /// Dates outside these years are refused: they are usually an era mistake.
    var plausibleYears = 1800...2200

    /// Month names to numbers: Thai ones (`ThaiCalendar`, without their dots as the tokenizer
    /// drops them) and English ones, full and abbreviated.
    static let monthNames: [String: Int] = {
        var months: [String: Int] = [:]
        for (name, month) in ThaiCalendar.monthNumbers { months[name.replacingOccurrences(of: ".", with: "")] = month }
        let english = ["january", "february", "march", "april", "may", "june", "july", "august",
                       "september", "october", "november", "december"]
        for (index, name) in english.enumerated() {
            months[name] = index + 1
            months[String(name.prefix(3))] = index + 1
        }
        months["sept"] = 9
        return months
    }()

    /// Words that say nothing about the date ("วันที่", weekdays) and are skipped.
    static let ignoredWords: Set<String> = [
        "วันที่", "วัน", "ที่", "น", "นาฬิกา", "เวลา", "จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์",
        "วันจันทร์ที่", "วันอังคารที่", "วันพุธที่", "วันพฤหัสบดีที่", "วันศุกร์ที่", "วันเสาร์ที่", "วันอาทิตย์ที่",
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "at", "t",
    ]

    private enum Token: Equatable {
        case number(Int, digits: Int)
        case word(String)
    }

    /// The ISO 8601 form (`2023-01-15`, `2023-01-15T13:45:00`, or `2023-01` for a month), or nil.
    func parse(_ input: String) -> String? {
        if let numbers = Self.slashedNumbers(input) { return date(numbers: numbers, forcedEra: nil, time: nil) }
        return parseWritten(input)
    }

    /// What `parse` gives for any text, word by word.
    func parseWritten(_ input: String) -> String? {
        var text = ThaiText.arabicDigits(input).trimmingWhitespace
        guard !text.isEmpty else { return nil }
        if excelSerial, let serial = Double(text), text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) {
            return Self.excelDate(serial)
        }
        var time: String?
        if let (dateText, timeText) = Self.splitTime(text) {
            guard let parsedTime = Self.parseTime(timeText) else { return nil }
            time = parsedTime
            text = dateText
        }
        var tokens = Self.tokenize(text)
        var forcedEra: Era?
        tokens.removeAll { token in
            guard case .word(let word) = token else { return false }
            switch word {
            case "พศ", "be": forcedEra = .buddhist; return true
            case "คศ", "ad", "ce": forcedEra = .gregorian; return true
            default: return Self.ignoredWords.contains(word)
            }
        }
        let words = tokens.compactMap { token -> String? in if case .word(let word) = token { return word }; return nil }
        let numbers = tokens.compactMap { token -> (value: Int, digits: Int)? in if case .number(let value, let digits) = token { return (value, digits) }; return nil }
        if words.isEmpty, numbers.count == 3 { return date(numbers: (numbers[0], numbers[1], numbers[2]), forcedEra: forcedEra, time: time) }
        guard words.count == 1, let month = Self.monthNames[words[0]] else { return nil }
        switch numbers.count {
        case 1: return date(day: nil, month: month, yearToken: numbers[0], forcedEra: forcedEra, time: time)
        case 2:
            // "15 มกราคม 2566", "January 15, 2023": the year is the longer or the last number.
            if numbers[0].digits >= 3 { return date(day: numbers[1].value, month: month, yearToken: numbers[0], forcedEra: forcedEra, time: time) }
            return date(day: numbers[0].value, month: month, yearToken: numbers[1], forcedEra: forcedEra, time: time)
        default: return nil
        }
    }

    typealias NumberToken = (value: Int, digits: Int)

    /// The date of three numbers in the declared order (year first when the first has 3+ digits).
    private func date(numbers: (NumberToken, NumberToken, NumberToken), forcedEra: Era?, time: String?) -> String? {
        let order: Order = numbers.0.digits >= 3 ? .ymd : self.order
        switch order {
        case .dmy: return date(day: numbers.0.value, month: numbers.1.value, yearToken: numbers.2, forcedEra: forcedEra, time: time)
        case .mdy: return date(day: numbers.1.value, month: numbers.0.value, yearToken: numbers.2, forcedEra: forcedEra, time: time)
        case .ymd: return date(day: numbers.2.value, month: numbers.1.value, yearToken: numbers.0, forcedEra: forcedEra, time: time)
        }
    }

    /// The ISO form of a day (nil for a month alone), month and year as written.
    private func date(day: Int?, month: Int, yearToken: NumberToken, forcedEra: Era?, time: String?) -> String? {
        guard let year = gregorianYear(yearToken.value, digits: yearToken.digits, forced: forcedEra),
              plausibleYears.contains(year) else { return nil }
        guard let day else {
            return time == nil && (1...12).contains(month) ? "\(ISODate.pad(year, 4))-\(ISODate.pad(month, 2))" : nil
        }
        guard ISODate.isValid(year: year, month: month, day: day) else { return nil }
        let date = ISODate.format(year: year, month: month, day: day)
        return time.map { date + "T" + $0 } ?? date
    }

    /// The three numbers of a date written as ASCII digits and two slashes, and nothing else
    /// ("15/01/2566", "1/2/23"), as most machine-made date cells are: what `tokenize` would give
    /// for them, read without building strings.
    static func slashedNumbers(_ text: String) -> (NumberToken, NumberToken, NumberToken)? {
        var first: NumberToken?, second: NumberToken?
        var value = 0, digits = 0
        for byte in text.utf8 {
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                guard digits < 9 else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            } else if byte == UInt8(ascii: "/"), digits > 0, second == nil {
                if first == nil { first = (value, digits) } else { second = (value, digits) }
                (value, digits) = (0, 0)
            } else {
                return nil
            }
        }
        guard let first, let second, digits > 0 else { return nil }
        return (first, second, (value, digits))
    }

    func gregorianYear(_ value: Int, digits: Int, forced: Era?) -> Int? {
        switch digits {
        case 4:
            switch forced ?? era {
            case .buddhist: return value - ThaiCalendar.buddhistEraOffset
            case .gregorian: return value
            case .auto: return ThaiCalendar.buddhistEraYears.contains(value) ? value - ThaiCalendar.buddhistEraOffset : value
            }
        case 1, 2:
            switch forced.map({ $0 == .gregorian ? TwoDigitYears.gregorian : .buddhist }) ?? twoDigitYears {
            case .buddhist: return 2500 + value - ThaiCalendar.buddhistEraOffset
            case .gregorian: return value < 50 ? 2000 + value : 1900 + value
            case .refuse: return nil
            }
        default:
            return nil
        }
    }

    /// Excel's day count from 1899-12-30 (its 1900 leap-year bug makes serials 1–59 one day off;
    /// they are refused along with anything outside the plausible years).
    static func excelDate(_ serial: Double) -> String? {
        guard serial >= 61, serial < 2_958_466 else { return nil }
        let days = Int(serial.rounded(.down))
        let seconds = Int(((serial - Double(days)) * 86_400).rounded())
        let (year, month, day) = civilDate(daysSinceEpoch: days - 25_569)
        let date = ISODate.format(year: year, month: month, day: day)
        guard seconds > 0 else { return date }
        return date + "T" + ISODate.pad(seconds / 3600, 2) + ":" + ISODate.pad(seconds / 60 % 60, 2) + ":" + ISODate.pad(seconds % 60, 2)
    }

    /// The proleptic Gregorian date of a day count from 1970-01-01 (Howard Hinnant's algorithm).
    static func civilDate(daysSinceEpoch: Int) -> (Int, Int, Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPart = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPart + 2) / 5 + 1
        let month = monthPart < 10 ? monthPart + 3 : monthPart - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Splits "15/01/2566 13:45", "2023-01-15T13:45:00" or "15 ม.ค. 66 13.45 น." into date and time.
    static func splitTime(_ text: String) -> (String, String)? {
        let characters = Array(text)
        for index in characters.indices where characters[index] == ":" || characters[index] == "." {
            // hh:mm or hh.mm followed by น. — preceded by a space or a T.
            var start = index
            while start > 0, characters[start - 1].isASCII, characters[start - 1].isNumber { start -= 1 }
            guard index - start >= 1, index - start <= 2, start > 0, characters[start - 1] == " " || characters[start - 1] == "T" else { continue }
            let rest = String(characters[start...])
            if characters[index] == "." && !rest.contains("น") { continue }
            return (String(characters[..<(start - 1)]), rest)
        }
        return nil
    }

    /// "13:45", "13:45:30", "13.45 น.", "13:45:30Z" → "13:45:00"…; nil when it is no time.
    static func parseTime(_ text: String) -> String? {
        var body = text.trimmingWhitespace
        for suffix in ["นาฬิกา", "น.", "น", "Z"] where body.hasSuffix(suffix) {
            body = String(body.dropLast(suffix.count)).trimmingWhitespace
            break
        }
        let parts = body.split(whereSeparator: { $0 == ":" || $0 == "." }).map(String.init)
        guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(\.isNumber) }),
              let hour = Int(parts[0]), let minute = Int(parts[1]) else { return nil }
        let second = parts.count == 3 ? Int(parts[2]) ?? 99 : 0
        guard hour < 24, minute < 60, second < 60 else { return nil }
        return ISODate.pad(hour, 2) + ":" + ISODate.pad(minute, 2) + ":" + ISODate.pad(second, 2)
    }

    /// Numbers and words (letters with inner dots removed: "ม.ค." → "มค"); everything else separates.
    private static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var digits = ""
        var word = ""
        func flush() {
            if !digits.isEmpty { tokens.append(.number(Int(digits) ?? -1, digits: digits.count)); digits = "" }
            if !word.isEmpty { tokens.append(.word(word.lowercased())); word = "" }
        }
        for scalar in text.unicodeScalars {
            if ("0"..."9").contains(scalar) {
                if !word.isEmpty { flush() }
                digits.unicodeScalars.append(scalar)
            } else if scalar.properties.isAlphabetic || (0x0E00...0x0E7F).contains(scalar.value) {
                if !digits.isEmpty { flush() }
                word.unicodeScalars.append(scalar)
            } else if scalar == ".", !word.isEmpty {
                continue
            } else {
                flush()
            }
        }
        flush()
        return tokens
    }
}
