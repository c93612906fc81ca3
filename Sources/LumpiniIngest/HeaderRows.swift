/// A table's header as declared in `dataset.yaml`: `source.headerRow` (where it starts) and
/// `source.headerRows` (how many rows it takes). A header of several rows gives each column one
/// name: its cells from top to bottom joined with a space, a merged cell counting for every cell it
/// covers, blanks and repeats (a cell merged downwards) left out.
struct HeaderRows {
    /// The first header row, 1-based.
    let first: Int
    let count: Int

    var last: Int { first + count - 1 }

    /// One name per column from the cells of the header rows (`rows[0]` is row `first`).
    func join(_ rows: [[String]], merges: [XLSXMergedCells.Range] = []) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        return (0..<columns).map { column in
            var parts: [String] = []
            for (offset, row) in rows.enumerated() {
                var cell = column < row.count ? row[column] : ""
                if let merge = merges.first(where: { $0.contains(row: first + offset, column: column + 1) }),
                   merge.firstRow >= first, merge.firstRow - first < rows.count {
                    let origin = rows[merge.firstRow - first]
                    cell = merge.firstColumn - 1 < origin.count ? origin[merge.firstColumn - 1] : ""
                }
                let text = cell.trimmingWhitespace
                if !text.isEmpty && parts.last != text { parts.append(text) }
            }
            return parts.joined(separator: " ")
        }
    }

    /// Refuses merged cells that make the declared header wrong: a header cell merged down past the
    /// last header row (the header takes more rows), or, in a one-row header, merged across columns
    /// (a group title over columns named on the row below).
    /// - Throws: `LumpiniError` naming the file, the sheet, the cells and the `headerRows` to declare.
    func check(_ merges: [XLSXMergedCells.Range], path: String, sheet: String) throws {
        let sorted = merges.sorted { ($0.firstRow, $0.firstColumn) < ($1.firstRow, $1.firstColumn) }
        for merge in sorted where (first...last).contains(merge.firstRow) {
            let topLeft = XLSXMergedCells.columnName(merge.firstColumn) + String(merge.firstRow)
            if merge.lastRow > last {
                let needed = merge.lastRow - first + 1
                throw LumpiniError(
                    "merged-header-cells",
                    "sheet \"\(sheet)\": the header cell \(topLeft) is merged down to row \(merge.lastRow) (\(merge.reference)), so the header takes \(needed) rows, not \(count)",
                    kind: .input, file: path,
                    hint: "declare source.headerRows: \(needed) in dataset.yaml; each column is then named by its header cells joined"
                )
            }
            if count == 1 && merge.lastColumn > merge.firstColumn {
                throw LumpiniError(
                    "merged-header-cells",
                    "sheet \"\(sheet)\": the header cell \(topLeft) is merged across \(merge.reference), so the columns under it have no name of their own on row \(first)",
                    kind: .input, file: path,
                    hint: "if their names are on the row below, declare source.headerRows: 2 in dataset.yaml (each column is then named \"<merged title> <own name>\"); else ask the agency to unmerge the cells"
                )
            }
        }
    }
}
