/// Where a table's header sits. Agencies put a title (and often a date or unit) on rows of their
/// own above the header, sometimes merged across the sheet, and group titles merged over the
/// columns below them: read as row 1, the title becomes the header and the real header a record.
///
/// Title rows are sparse: at most half as many filled cells as the widest row, or one cell merged
/// across columns. The header is the first row below them that is not sparse and holds names:
/// short cells, at least two thirds of them not numbers. Its merged cells say how many rows it
/// takes, as `HeaderRows` reads them: a cell merged down to row r makes the header reach row r, a
/// cell merged across (a group title) needs the row below for the columns' own names.
enum HeaderDetection {
    /// How many rows are read: titles take a few rows, never dozens.
    static let rowsRead = 30
    /// The longest name, in UTF-8 bytes: 80 Thai characters.
    static let longestName = 240

    /// - Parameters:
    ///   - rows: the first rows of the table as text, row 1 first, nothing taken as the header.
    ///   - merges: the sheet's merged cells (none for a CSV).
    static func find(rows: [[String]], merges: [XLSXMergedCells.Range] = []) -> InspectionReport.HeaderReport {
        let filled = rows.map { $0.map(\.trimmingWhitespace).filter { !$0.isEmpty } }
        let width = filled.map(\.count).max() ?? 0
        guard width >= 2 else { return .init(row: 1, rows: 1, reason: "a table of one column: taken as the header") }
        var titles: [Int] = []
        for (index, cells) in filled.enumerated() where !cells.isEmpty {
            let row = index + 1
            if isSparse(cells, row: row, width: width, merges: merges) {
                titles.append(row)
                continue
            }
            guard holdsNames(cells) else { break }
            let count = rowCount(startingAt: row, merges: merges)
            return .init(row: row, rows: count, reason: reason(row: row, count: count, names: cells.count, titles: titles, merges: merges))
        }
        return .init(row: 1, rows: 1, reason: "no row of names found above the data: taken as the header")
    }

    private static func isSparse(_ cells: [String], row: Int, width: Int, merges: [XLSXMergedCells.Range]) -> Bool {
        if cells.count * 2 <= width { return true }
        return cells.count == 1 || merges.contains { $0.firstRow == row && $0.lastColumn - $0.firstColumn + 1 >= width }
    }

    private static func holdsNames(_ cells: [String]) -> Bool {
        let numbers = cells.filter(isNumber).count
        return numbers * 3 <= cells.count && cells.allSatisfy { $0.utf8.count <= longestName }
    }

    /// Digits with a sign, a point, thousands separators or an exponent: on bytes, as rows may be wide.
    private static func isNumber(_ cell: String) -> Bool {
        var digits = false
        for byte in cell.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits = true
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "e"), UInt8(ascii: "E"): continue
            default: return false
            }
        }
        return digits
    }

    /// The rows the header takes from `row`: merged cells starting on a header row and reaching
    /// down, or merged across (whose columns are named on the row below).
    private static func rowCount(startingAt row: Int, merges: [XLSXMergedCells.Range]) -> Int {
        var last = row
        var checked = row - 1
        while checked < last {
            checked += 1
            for merge in merges where merge.firstRow == checked {
                last = max(last, merge.lastRow, merge.lastColumn > merge.firstColumn ? checked + 1 : checked)
            }
        }
        return last - row + 1
    }

    private static func reason(row: Int, count: Int, names: Int, titles: [Int], merges: [XLSXMergedCells.Range]) -> String {
        var parts = ["the first row of names (\(names) short text cells)"]
        if let first = titles.first, let last = titles.last {
            let rows = first == last ? "row \(first)" : "rows \(first)–\(last)"
            parts.append("\(rows) above it hold\(first == last ? "s" : "") a title, not names")
        }
        if count > 1 {
            let cells = merges.filter { (row..<(row + count)).contains($0.firstRow) }.map(\.reference)
            parts.append("its merged cells (\(cells.joined(separator: ", "))) make the header take rows \(row)–\(row + count - 1)")
        }
        return parts.joined(separator: "; ")
    }
}
