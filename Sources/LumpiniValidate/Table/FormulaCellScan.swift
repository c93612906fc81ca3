/// Finds the columns holding cells that a spreadsheet would run as a formula when it opens the CSV
/// (`SpreadsheetFormula`).
///
/// Lumpini publishes values exactly as they are (a quote put before them would change the data for
/// every other reader), so it names these columns instead: as warnings of the validation report and
/// in the version's README (docs/publishing.md).
package struct FormulaCellScan {
    /// A column's formula-like cells: how many, and the first one.
    package struct Column: Sendable, Equatable {
        let index: Int
        package let name: String
        var count: Int
        let firstRow: Int
        let firstCell: String
    }

    let labels: [String]
    private var found: [Int: Column] = [:]

    package init(labels: [String]) {
        self.labels = labels
    }

    /// The columns with formula-like cells, in column order.
    package var columns: [Column] { found.values.sorted { $0.index < $1.index } }

    package mutating func observe(_ values: [String?], row: Int) {
        for (index, value) in values.enumerated() {
            guard let value, SpreadsheetFormula.isFormulaLike(value) else { continue }
            if found[index] != nil {
                found[index]!.count += 1
            } else {
                let name = index < labels.count ? labels[index] : "column \(index + 1)"
                found[index] = Column(index: index, name: name, count: 1, firstRow: row, firstCell: value)
            }
        }
    }

    /// One warning per column, for the validation report.
    package var warnings: [ValidationProblem] {
        columns.map { column in
            ValidationProblem(
                .formulaLikeCell,
                message: "column \"\(column.name)\": \(column.count) cell\(column.count == 1 ? "" : "s") start with =, +, - or @ "
                    + "and would run as a formula in a spreadsheet (first at row \(column.firstRow)); they are published as they are "
                    + "— open the CSV with Data → From Text/CSV, or as text",
                note: "starts with a formula character", rowNumber: column.firstRow, fieldNumber: column.index + 1,
                fieldName: column.name, cell: column.firstCell)
        }
    }
}
