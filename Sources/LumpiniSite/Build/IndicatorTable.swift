import Foundation

/// An indicator by district, read from a derived dataset's CSV (its `DerivedColumns`): the districts ranked by value, highest first
/// and those without a value last, and the classes its choropleth is coloured by.
struct IndicatorTable: Sendable, Equatable {
    struct District: Sendable, Equatable {
        var code: String
        var name: LocalizedText
        /// As published (its decimals kept); nil when the district has no value.
        var value: String?
        var n: String
        var note: String
    }

    var unit: String
    var year: String
    var districts: [District]
    /// The upper bound of each class, lowest first: a value is in the first class whose bound it does
    /// not exceed (quantiles of the values, so each class holds about as many districts).
    var breaks: [Double]
    var minimum: Double?

    /// Light to dark, distinguishable in colour-blind vision and in grey (ColorBrewer PuBu).
    static let palette = ["#f1eef6", "#bdc9e1", "#74a9cf", "#2b8cbe", "#045a8d"]
    /// Rows read at most: a city has tens of districts, not thousands.
    static let rowsRead = 2_000

    /// Nil when the CSV's rows lack `value` or a district column.
    init?(_ table: FirstRows) {
        func column(_ name: String) -> Int? { table.header.firstIndex(of: name) }
        let columns = DerivedColumns.self
        guard let value = column(columns.value), let code = column(columns.districtCode) ?? column(columns.districtTH) ?? column(columns.districtEN) else {
            return nil
        }
        func cell(_ row: [String], _ index: Int?) -> String { index.flatMap { $0 < row.count ? row[$0] : nil } ?? "" }
        var districts: [District] = []
        for row in table.rows {
            let text = cell(row, value)
            districts.append(District(
                code: cell(row, code), name: LocalizedText(th: cell(row, column(columns.districtTH)), en: cell(row, column(columns.districtEN))),
                value: Double(text) == nil ? nil : text, n: cell(row, column(columns.n)), note: cell(row, column(columns.note))))
        }
        unit = table.rows.lazy.map { cell($0, column(columns.unit)) }.first { !$0.isEmpty } ?? ""
        year = table.rows.lazy.map { cell($0, column(columns.year)) }.first { !$0.isEmpty } ?? ""
        // Each value parsed once, not in every comparison of the sort.
        let ranked = districts.map { ($0, $0.value.flatMap(Double.init)) }.sorted { first, second in
            switch (first.1, second.1) {
            case let (a?, b?): return a != b ? a > b : first.0.code < second.0.code
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return first.0.code < second.0.code
            }
        }
        self.districts = ranked.map(\.0)
        let values = ranked.compactMap(\.1).sorted()
        minimum = values.first
        var breaks: [Double] = []
        let classes = min(Self.palette.count, Set(values).count)
        for index in stride(from: 1, through: classes, by: 1) {
            let bound = values[(index * values.count + classes - 1) / classes - 1]
            if breaks.last != bound { breaks.append(bound) }
        }
        self.breaks = breaks
    }

    /// The colour of each class: spread over the palette when there are fewer classes than colours.
    var colors: [String] {
        guard breaks.count > 1 else { return breaks.isEmpty ? [] : [Self.palette[Self.palette.count / 2]] }
        return breaks.indices.map { Self.palette[$0 * (Self.palette.count - 1) / (breaks.count - 1)] }
    }
}
