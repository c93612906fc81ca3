import Foundation

/// The one form of dates and times in the index: ISO 8601 in UTC to the second
/// (`2026-11-26T20:30:00Z`), so that text order is time order and SQL can compare them.
enum Timestamp {
    static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle().year().month().day()) { return date }
        return nil
    }

    static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    /// The date part (`2026-11-26`) of an index timestamp.
    static func day(_ timestamp: String) -> String {
        String(timestamp.prefix(10))
    }
}
