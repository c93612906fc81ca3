/// ISO 8601 dates, times, date-times and durations, read as the reference tool reads them
/// (`dateutil.parser.isoparse` for times and date-times, `isodate` for durations).
enum ISODateTime {
    /// The number written by `count` ASCII digits at `position`, nil when any is not a digit.
    @inline(__always)
    static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ position: Int, _ count: Int) -> Int? {
        guard position + count <= bytes.count else { return nil }
        var value = 0
        for index in position..<(position + count) {
            let byte = bytes[index]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// `±HH`, `±HHMM`, `±HH:MM` (and `:SS` when allowed) at `position`: its length and offset in seconds.
    static func utcOffset(_ bytes: UnsafeBufferPointer<UInt8>, from position: Int, allowSeconds: Bool = false) -> (Int, Int)? {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") else { return nil }
        let sign = bytes[position] == UInt8(ascii: "-") ? -1 : 1
        var index = position + 1
        guard let hours = digits(bytes, index, 2), hours < 24 else { return nil }
        index += 2
        var minutes = 0
        var seconds = 0
        if index < bytes.count {
            let hasColon = bytes[index] == UInt8(ascii: ":")
            if hasColon { index += 1 }
            guard let value = digits(bytes, index, 2), value < 60 else { return hasColon ? nil : (index - position, sign * hours * 3600) }
            minutes = value
            index += 2
            if allowSeconds, index < bytes.count {
                if bytes[index] == UInt8(ascii: ":") { index += 1 }
                if let value = digits(bytes, index, 2), value < 60 {
                    seconds = value
                    index += 2
                }
            }
        }
        return (index - position, sign * (hours * 3600 + minutes * 60 + seconds))
    }

    /// `HH[:MM[:SS[.ffffff]]][Z|±HH[:MM]]` (also without colons), as `isoparse` reads a time.
    static func time(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into parts: inout DateParts) -> Bool {
        var index = start
        guard let hour = digits(bytes, index, 2) else { return false }
        parts.hour = hour
        index += 2
        var hasColon: Bool?
        for component in 0..<2 where index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "Z") || byte == UInt8(ascii: "z") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") { break }
            let colon = byte == UInt8(ascii: ":")
            if let expected = hasColon, expected != colon { return false }
            hasColon = colon
            if colon { index += 1 }
            guard let value = digits(bytes, index, 2) else { return false }
            if component == 0 { parts.minute = value } else { parts.second = value }
            index += 2
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
            index += 1
            var count = 0
            var micro = 0
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                if count < 6 { micro = micro * 10 + Int(bytes[index] - 0x30) }
                count += 1
                index += 1
            }
            guard count > 0 else { return false }
            for _ in min(count, 6)..<6 { micro *= 10 }
            parts.microsecond = micro
        }
        if index < bytes.count {
            if bytes[index] == UInt8(ascii: "Z") || bytes[index] == UInt8(ascii: "z") {
                parts.utcOffset = 0
                index += 1
            } else {
                guard let (length, offset) = utcOffset(bytes, from: index) else { return false }
                parts.utcOffset = offset
                index += length
            }
        }
        guard index == bytes.count else { return false }
        if parts.hour == 24, parts.minute == 0, parts.second == 0, parts.microsecond == 0 {
            parts.hour = 0
            parts.day += 1
            if parts.day > ISODate.daysIn(month: parts.month, year: parts.year) {
                parts.day = 1
                parts.month += 1
                if parts.month > 12 {
                    parts.month = 1
                    parts.year += 1
                }
            }
        }
        return parts.isValidTime
    }

    /// The Table Schema default date, `%Y-%m-%d` as Python's `strptime` reads it: four-digit
    /// year, month and day of one or two digits (a day may also be space and digit), a real date.
    /// The same as `DatePattern("%Y-%m-%d")`, without its general matcher on the hot path.
    static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> DateParts? {
        let count = bytes.count
        guard count >= 8, count <= 10, let year = digits(bytes, 0, 4), bytes[4] == UInt8(ascii: "-") else { return nil }
        // Python's alternatives for %m: 1[0-2] | 0[1-9] | [1-9], the longest that lets the rest match.
        for monthLength in [2, 1] {
            guard let month = digits(bytes, 5, monthLength), (1...12).contains(month),
                  monthLength == 1 || bytes[5] == UInt8(ascii: "0") || month >= 10 else { continue }
            let dash = 5 + monthLength
            guard dash < count, bytes[dash] == UInt8(ascii: "-") else { continue }
            let dayStart = dash + 1
            let dayLength = count - dayStart
            var day: Int?
            if dayLength == 2, bytes[dayStart] == 0x20 {
                day = digits(bytes, dayStart + 1, 1).flatMap { $0 >= 1 ? $0 : nil }
            } else if dayLength == 2 {
                day = digits(bytes, dayStart, 2).flatMap { $0 >= 1 && $0 <= 31 ? $0 : nil }
            } else if dayLength == 1 {
                day = digits(bytes, dayStart, 1).flatMap { $0 >= 1 ? $0 : nil }
            }
            guard let day else { continue }
            let parts = DateParts(year: year, month: month, day: day)
            return parts.isValidDate ? parts : nil
        }
        return nil
    }

    /// The Table Schema default datetime: `YYYY-MM-DDTHH:MM:SS[.f][Z|±HH:MM]`, any one character
    /// between date and time, as the reference tool accepts.
    static func dateTime(_ bytes: UnsafeBufferPointer<UInt8>) -> DateParts? {
        guard bytes.count >= 19, bytes[16] == UInt8(ascii: ":") else { return nil }
        var parts = DateParts()
        var index = 0
        guard let year = digits(bytes, 0, 4) else { return nil }
        parts.year = year
        index = 4
        let dashed = bytes[index] == UInt8(ascii: "-")
        if dashed { index += 1 }
        guard let month = digits(bytes, index, 2) else { return nil }
        index += 2
        if dashed {
            guard bytes[index] == UInt8(ascii: "-") else { return nil }
            index += 1
        }
        guard let day = digits(bytes, index, 2) else { return nil }
        index += 2
        parts.month = month
        parts.day = day
        guard parts.isValidDate, index < bytes.count else { return nil }
        // Any one character separates date and time; a multi-byte one is several bytes.
        index += utf8Length(bytes[index])
        guard time(bytes, from: index, into: &parts), parts.isValidDate else { return nil }
        return parts
    }

    private static func utf8Length(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The Table Schema default time: at least `HH:MM:SS`.
    static func timeOfDay(_ bytes: UnsafeBufferPointer<UInt8>) -> DateParts? {
        guard bytes.count >= 8, bytes[5] == UInt8(ascii: ":") else { return nil }
        var parts = DateParts(year: 2000)
        guard time(bytes, from: 0, into: &parts) else { return nil }
        return parts
    }

    /// An ISO 8601 duration, `[±]PnYnMnWnDTnHnMnS` (each part optional, decimals with `.` or `,`).
    static func isDuration(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "P") else { return false }
        index += 1
        // "P" must be followed by a word character (the reference's `P(?!\b)`).
        guard index < bytes.count else { return false }
        let dateUnits: [UInt8] = Array("YMWD".utf8)
        let timeUnits: [UInt8] = Array("HMS".utf8)
        var units = dateUnits[...]
        var inTime = false
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "T"), !inTime {
                inTime = true
                units = timeUnits[...]
                index += 1
                continue
            }
            let start = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            guard index > start, index < bytes.count else { return false }
            if bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
                index += 1
                let fraction = index
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
                guard index > fraction, index < bytes.count else { return false }
            }
            guard let position = units.firstIndex(of: bytes[index]) else { return false }
            units = units[(position + 1)...]
            index += 1
        }
        return true
    }

    /// A year as the reference reads it: four characters that Python's `int()` takes, 0…9999.
    static func year(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard String(decoding: bytes, as: UTF8.self).unicodeScalars.count == 4, let value = CellNumber.integer(bytes), (0...9999).contains(value) else { return nil }
        return value
    }

    /// `YYYY-MM` (both parts as Python's `int()` reads them, month 1…12), as year × 100 + month.
    static func yearMonth(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let dash = bytes.firstIndex(of: UInt8(ascii: "-")),
              !bytes[(dash + 1)...].contains(UInt8(ascii: "-")),
              let year = CellNumber.integer(UnsafeBufferPointer(rebasing: bytes[..<dash])),
              let month = CellNumber.integer(UnsafeBufferPointer(rebasing: bytes[(dash + 1)...])),
              (1...12).contains(month)
        else { return nil }
        return year * 100 + month
    }

    /// Common date and date-time spellings, for the `any` format (the reference uses dateutil's
    /// free-form parser, which also guesses at words; this reader takes the usual numeric forms).
    static let anyPatterns: [DatePattern] = [
        "%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y",
        "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y",
    ].compactMap(DatePattern.init)

    static let anyTimePatterns: [DatePattern] = ["%H:%M:%S", "%H:%M", "%H:%M:%S.%f", "%I:%M %p", "%I:%M:%S %p", "%I %p"].compactMap(DatePattern.init)

    /// A date, optionally followed by a time, in one of the `any` spellings.
    static func anyDateTime(_ bytes: UnsafeBufferPointer<UInt8>) -> DateParts? {
        if let parts = dateTime(bytes) { return parts }
        for pattern in anyPatterns {
            if let parts = pattern.parse(bytes) { return parts }
        }
        // A date and a time separated by a space or T.
        for (index, byte) in bytes.enumerated() where byte == 0x20 || byte == UInt8(ascii: "T") {
            let datePart = UnsafeBufferPointer(rebasing: bytes[..<index])
            let timePart = UnsafeBufferPointer(rebasing: bytes[(index + 1)...])
            guard var parts = anyPatterns.lazy.compactMap({ $0.parse(datePart) }).first else { continue }
            if let time = anyTime(timePart) {
                (parts.hour, parts.minute, parts.second, parts.microsecond, parts.utcOffset) = (time.hour, time.minute, time.second, time.microsecond, time.utcOffset)
                return parts
            }
        }
        return nil
    }

    static func anyTime(_ bytes: UnsafeBufferPointer<UInt8>) -> DateParts? {
        var parts = DateParts(year: 2000)
        if time(bytes, from: 0, into: &parts) { return parts }
        return anyTimePatterns.lazy.compactMap { $0.parse(bytes) }.first
    }
}
