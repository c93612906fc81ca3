import Foundation
import GRDB

/// Which datasets a query returns. Every condition that is set must hold.
public struct DatasetFilter: Sendable, Equatable {
    public var theme: String?
    public var publisher: String?
    /// A data format of the latest version, case-insensitive (`geojson`, `CSV`).
    public var format: String?
    public var highValue: Bool?
    /// An EU high-value-dataset category (`geospatial`, `mobility`, …).
    public var highValueCategory: String?
    public var classification: Classification?
    /// A livability indicator code or SDG target the dataset is linked to.
    public var indicator: String?
    /// Released at or after this time.
    public var updatedSince: Date?
    /// True: only datasets past their update frequency; false: only those that are not.
    public var stale: Bool?
    /// `[minLon, minLat, maxLon, maxLat]`: datasets whose extent intersects it.
    public var bbox: [Double]?
    public var limit: Int?
    /// The time staleness is judged at.
    public var now: Date

    public init(
        theme: String? = nil, publisher: String? = nil, format: String? = nil, highValue: Bool? = nil,
        highValueCategory: String? = nil, classification: Classification? = nil, indicator: String? = nil,
        updatedSince: Date? = nil, stale: Bool? = nil, bbox: [Double]? = nil, limit: Int? = nil, now: Date = Date()
    ) {
        self.theme = theme
        self.publisher = publisher
        self.format = format
        self.highValue = highValue
        self.highValueCategory = highValueCategory
        self.classification = classification
        self.indicator = indicator
        self.updatedSince = updatedSince
        self.stale = stale
        self.bbox = bbox
        self.limit = limit
        self.now = now
    }

    /// The SQL conditions on `dataset AS d`, joined with AND, and their arguments.
    func sqlConditions() -> (sql: [String], arguments: StatementArguments) {
        var sql: [String] = []
        var arguments = StatementArguments()
        func add(_ condition: String, _ values: [any DatabaseValueConvertible]) {
            sql.append(condition)
            arguments += StatementArguments(values)
        }
        if let theme { add("d.theme = ?", [theme]) }
        if let publisher { add("d.publisher = ?", [publisher]) }
        if let format { add("d.id IN (SELECT datasetID FROM format WHERE format = ?)", [format.lowercased()]) }
        if let highValue { add("d.highValue = ?", [highValue]) }
        if let highValueCategory { add("d.hvdCategory = ?", [highValueCategory]) }
        if let classification { add("d.classification = ?", [classification.rawValue]) }
        if let indicator { add("d.id IN (SELECT datasetID FROM indicator WHERE code = ?)", [indicator]) }
        if let updatedSince { add("d.releasedAt >= ?", [Timestamp.format(updatedSince)]) }
        // Staleness usually holds for much of the catalogue: read through its index, those rows would then be
        // sorted by id, which costs more than the id-ordered scan a unary `+` leaves SQLite to choose.
        if let stale {
            let now = Timestamp.format(self.now)
            if stale {
                add("+d.staleAt IS NOT NULL AND +d.staleAt < ?", [now])
            } else {
                add("(d.staleAt IS NULL OR d.staleAt >= ?)", [now])
            }
        }
        if let bbox, bbox.count == 4 {
            add("d.minX <= ? AND d.maxX >= ? AND d.minY <= ? AND d.maxY >= ?", [bbox[2], bbox[0], bbox[3], bbox[1]])
        }
        return (sql, arguments)
    }
}
