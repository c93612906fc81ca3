import Foundation

/// The one form of dates and times in the index: ISO 8601 in UTC to the second
/// (`2026-11-26T20:30:00Z`), so that text order is time order and SQL can compare them.
package enum Timestamp {
    package static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle().year().month().day()) { return date }
        return nil
    }

    /// From the C library's calendar: Foundation's formatter takes microseconds a call, which a server
    /// would pay on every request and every dataset it lists.
    package static func format(_ date: Date) -> String {
        var time = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&time, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let year = String(Int(parts.tm_year) + 1900)
        let paddedYear = String(repeating: "0", count: max(0, 4 - year.count)) + year
        return "\(paddedYear)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// The date part (`2026-11-26`) of an index timestamp.
    static func day(_ timestamp: String) -> String {
        String(timestamp.prefix(10))
    }
}
