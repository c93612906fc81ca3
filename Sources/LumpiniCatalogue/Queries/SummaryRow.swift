import GRDB
import GRDBSQLite

/// The dataset a `list` or `search` query has reached, read in place from SQLite's row.
///
/// Printing 10,000 datasets from `DatasetSummary` values spends more time making the values (a string
/// per column, an array of them) than SQLite spends finding the rows; listings are printed from here
/// instead, and `DatasetSummary` is made from it too, so that both read the columns the same way.
/// Valid only during the call it is given to.
public struct SummaryRow {
    let statement: SQLiteStatement

    /// The column's text as UTF-8 (an integer column as its decimal digits); nil when it is NULL.
    public func text(_ column: DatasetSummary.Column) -> UnsafeBufferPointer<UInt8>? {
        guard let start = sqlite3_column_text(statement, column.rawValue) else { return nil }
        return UnsafeBufferPointer(start: start, count: Int(sqlite3_column_bytes(statement, column.rawValue)))
    }

    /// The column's text as UTF-8, empty when it is NULL.
    public func bytes(_ column: DatasetSummary.Column) -> UnsafeBufferPointer<UInt8> {
        text(column) ?? UnsafeBufferPointer(start: nil, count: 0)
    }

    public func string(_ column: DatasetSummary.Column) -> String? {
        text(column).map { String(decoding: $0, as: UTF8.self) }
    }

    public func integer(_ column: DatasetSummary.Column) -> Int {
        Int(sqlite3_column_int64(statement, column.rawValue))
    }

    public func flag(_ column: DatasetSummary.Column) -> Bool {
        integer(column) != 0
    }

    /// The formats, from the comma-separated column.
    public var formats: [String] {
        guard let text = string(.formats), !text.isEmpty else { return [] }
        return text.split(separator: ",").map(String.init)
    }
}

extension DatasetSummary {
    /// The columns a listing reads, in the order of `selection`.
    public enum Column: Int32, CaseIterable, Sendable {
        case id, titleTh, titleEn, publisher, theme, highValue, highValueCategory, classification, updated, version
        case formats, updateFrequency, stale, qualityScore, qualityRating

        /// The SQL for the column, from `dataset AS d`; `stale` takes one argument: now.
        var expression: String {
            switch self {
            case .highValueCategory: "d.hvdCategory"
            case .updated: "d.releasedAt"
            case .version: "d.latestVersion"
            case .stale: "(d.staleAt IS NOT NULL AND d.staleAt < ?)"
            default: "d.\(self)"
            }
        }
    }

    /// The columns of a listing, in `Column` order; queries may select more after them.
    static let selection = Column.allCases.map(\.expression).joined(separator: ", ")

    public init(_ row: SummaryRow) {
        id = row.string(.id) ?? ""
        title = LocalizedText(th: row.string(.titleTh), en: row.string(.titleEn))
        publisher = row.string(.publisher) ?? ""
        theme = row.string(.theme) ?? ""
        highValue = row.flag(.highValue)
        highValueCategory = row.string(.highValueCategory)
        classification = row.string(.classification) ?? ""
        updated = row.string(.updated) ?? ""
        version = row.integer(.version)
        formats = row.formats
        updateFrequency = row.string(.updateFrequency) ?? ""
        stale = row.flag(.stale)
        qualityScore = row.integer(.qualityScore)
        qualityRating = row.string(.qualityRating) ?? ""
    }
}
