/// `catalog list` and `catalog search` as JSON or CSV, printed from the index rows as SQLite reads them.
public enum DatasetListing {
    /// A JSON array of the datasets, one object per line, keys sorted: the objects `JSONOutput` gives
    /// of `DatasetSummary`.
    public static func writeJSON(_ query: DatasetQuery, of catalogue: Catalogue, to output: inout BlockOutput) throws {
        var first = true
        output.append("[")
        try catalogue.forEachRow(of: query) { row in
            output.append(first ? "\n{" as StaticString : ",\n{")
            first = false
            json(row, into: &output)
            output.append("}")
            try output.endItem()
        }
        output.append(first ? "]\n" as StaticString : "\n]\n")
        try output.flush()
    }

    private static func json(_ row: SummaryRow, into output: inout BlockOutput) {
        func string(_ key: StaticString, _ column: DatasetSummary.Column) {
            output.jsonKey(key)
            output.jsonString(row.bytes(column))
            output.append(",")
        }
        func number(_ key: StaticString, _ column: DatasetSummary.Column) {
            output.jsonKey(key)
            output.append(row.bytes(column))
        }
        string("classification", .classification)
        output.jsonKey("formats")
        output.append("[")
        if let formats = row.text(.formats), !formats.isEmpty {
            for (index, format) in formats.split(separator: 0x2C, omittingEmptySubsequences: false).enumerated() {
                if index > 0 { output.append(",") }
                output.jsonString(UnsafeBufferPointer(rebasing: format))
            }
        }
        output.append("],")
        output.jsonKey("highValue")
        output.jsonBool(row.flag(.highValue))
        output.append(",")
        if row.text(.highValueCategory) != nil { string("highValueCategory", .highValueCategory) }
        string("id", .id)
        string("publisher", .publisher)
        string("qualityRating", .qualityRating)
        number("qualityScore", .qualityScore)
        output.append(",")
        output.jsonKey("stale")
        output.jsonBool(row.flag(.stale))
        output.append(",")
        string("theme", .theme)
        output.jsonKey("title")
        output.append("{")
        if let en = row.text(.titleEn) {
            output.jsonKey("en")
            output.jsonString(en)
            if row.text(.titleTh) != nil { output.append(",") }
        }
        if let th = row.text(.titleTh) {
            output.jsonKey("th")
            output.jsonString(th)
        }
        output.append("},")
        string("updateFrequency", .updateFrequency)
        string("updated", .updated)
        number("version", .version)
    }

    /// The CSV header row's names, in the order of `DatasetSummary.Column`.
    public static let csvHeader = [
        "id", "title_th", "title_en", "publisher", "theme", "high_value", "high_value_category", "classification",
        "updated", "version", "formats", "update_frequency", "stale", "quality_score", "quality_rating",
    ]

    /// RFC 4180 CSV, UTF-8, CRLF line ends, with a header row; formats are joined with ";".
    public static func writeCSV(_ query: DatasetQuery, of catalogue: Catalogue, to output: inout BlockOutput) throws {
        output.append(text: csvHeader.joined(separator: ","))
        output.append("\r\n")
        try catalogue.forEachRow(of: query) { row in
            for (index, column) in DatasetSummary.Column.allCases.enumerated() {
                if index > 0 { output.append(",") }
                switch column {
                case .highValue, .stale: output.append(row.flag(column) ? "true" as StaticString : "false")
                case .formats: output.csvField(row.formats.joined(separator: ";"))
                default: output.csvField(row.bytes(column))
                }
            }
            output.append("\r\n")
            try output.endItem()
        }
        try output.flush()
    }
}
