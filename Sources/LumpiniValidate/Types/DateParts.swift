/// The parts of a date, time or date-time read from a cell, with their calendar checks.
struct DateParts: Equatable {
    var year = 1900
    var month = 1
    var day = 1
    var hour = 0
    var minute = 0
    var second = 0
    var microsecond = 0
    /// The UTC offset in seconds, nil for a local (naive) time.
    var utcOffset: Int?

    /// Whether the date is a real calendar date (years 1…9999, as Python's `datetime`).
    var isValidDate: Bool {
        (1...9999).contains(year) && (1...12).contains(month) && day >= 1 && day <= ISODate.daysIn(month: month, year: year)
    }

    var isValidTime: Bool {
        (0...23).contains(hour) && (0...59).contains(minute) && (0...59).contains(second) && (0...999_999).contains(microsecond)
    }

    /// Days since 1970-01-01 (proleptic Gregorian calendar).
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = (month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    var secondsOfDay: Double {
        Double(hour * 3600 + minute * 60 + second) + Double(microsecond) / 1_000_000 - Double(utcOffset ?? 0)
    }

    /// Seconds since 1970-01-01T00:00:00 UTC (a naive time is taken as UTC).
    var timestamp: Double {
        Double(dayNumber) * 86_400 + secondsOfDay
    }
}
