import Foundation

/// The time in UTC to the second, as ISO 8601 (`2026-12-07T05:40:00Z`), from the C library's calendar:
/// Foundation's formatter takes microseconds a call, which a server would pay on every request.
enum UTCTimestamp {
    static func now() -> String {
        format(secondsSince1970: time(nil))
    }

    static func format(secondsSince1970 seconds: time_t) -> String {
        var time = seconds
        var parts = tm()
        gmtime_r(&time, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let year = Int(parts.tm_year) + 1900
        let yearText = year < 1000 ? String(repeating: "0", count: 4 - String(year).count) + String(year) : String(year)
        return "\(yearText)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
