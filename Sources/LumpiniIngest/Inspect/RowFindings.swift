import GDAL

/// What `inspect` notes about whole rows, for the steps `new` suggests: rows repeating an earlier
/// row exactly (`remove-duplicates`), total lines (`skip-total-rows`) and blank rows (`skip-blank-rows`).
struct RowFindings {
    /// Rows remembered for duplicates: one hash and row number each (about 40 bytes), so a file of
    /// millions of rows is judged on its first million.
    static let rowsRemembered = 1_000_000
    static let examplesKept = 5

    private(set) var duplicateRows = 0
    private(set) var duplicateExamples: [String] = []
    private(set) var totalRows: [InspectionReport.TotalRowReport] = []
    private(set) var blankRows = 0
    private var firstRowByHash: [Int: Int] = [:]

    mutating func add(_ record: Record) {
        if record.geometry == nil && record.values.allSatisfy({ $0?.trimmingWhitespace.isEmpty ?? true }) {
            blankRows += 1
            return
        }
        if let label = TotalRow.label(of: record.values), totalRows.count < Self.examplesKept {
            totalRows.append(.init(row: record.rowNumber, label: label))
        }
        var hasher = Hasher()
        for value in record.values { hasher.combine(value) }
        if let geometry = record.geometry { hasher.combine(geometry.wkb) }
        let hash = hasher.finalize()
        if let first = firstRowByHash[hash] {
            duplicateRows += 1
            if duplicateExamples.count < Self.examplesKept { duplicateExamples.append("row \(record.rowNumber) repeats row \(first)") }
        } else if firstRowByHash.count < Self.rowsRemembered {
            firstRowByHash[hash] = record.rowNumber
        }
    }
}
