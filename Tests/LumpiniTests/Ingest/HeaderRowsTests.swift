@testable import Lumpini
@testable import LumpiniIngest
import XCTest

/// A header over several rows with merged cells, as `source.headerRow`/`headerRows` declare it.
final class HeaderRowsTests: XCTestCase {
    private func ranges(_ references: String...) throws -> [XLSXMergedCells.Range] {
        try references.map { try XCTUnwrap(XLSXMergedCells.range($0)) }
    }

    func testTwoRowsJoinEachColumnsCellsAndAMergedCellCountsForEveryColumnItCovers() throws {
        let header = HeaderRows(first: 3, count: 2)
        let names = header.join(
            [["สถานที่", "", "ค่า PM2.5", "หมายเหตุ"], ["ชื่อ", "เขต", "", ""]],
            merges: try ranges("A3:B3", "C3:C4", "A1:D1")
        )
        XCTAssertEqual(names, ["สถานที่ ชื่อ", "สถานที่ เขต", "ค่า PM2.5", "หมายเหตุ"])
    }

    func testACellMergedBelowTheDeclaredHeaderNamesTheRowsToDeclare() throws {
        let header = HeaderRows(first: 1, count: 2)
        XCTAssertThrowsError(try header.check(try ranges("A1:B1", "C1:C3"), path: "x.xlsx", sheet: "ข้อมูล")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("x.xlsx: sheet \"ข้อมูล\": the header cell C1 is merged down to row 3 (C1:C3)"), text)
            XCTAssertTrue(text.contains("source.headerRows: 3"), text)
        }
        XCTAssertNoThrow(try HeaderRows(first: 1, count: 3).check(try ranges("A1:B1", "C1:C3"), path: "x.xlsx", sheet: "ข้อมูล"))
    }

    func testAOneRowHeaderMergedAcrossColumnsAsksForTwoRowsAndTitleRowsAboveAreIgnored() throws {
        XCTAssertThrowsError(try HeaderRows(first: 2, count: 1).check(try ranges("A1:F1", "B2:C2"), path: "x.xlsx", sheet: "S")) { error in
            XCTAssertTrue("\(error)".contains("the header cell B2 is merged across B2:C2"), "\(error)")
            XCTAssertTrue("\(error)".contains("source.headerRows: 2"), "\(error)")
        }
        XCTAssertNoThrow(try HeaderRows(first: 2, count: 1).check(try ranges("A1:F1"), path: "x.xlsx", sheet: "S"))
    }

    func testCellReferences() {
        XCTAssertEqual(XLSXMergedCells.range("$AB$12:AC13"), XLSXMergedCells.Range(reference: "$AB$12:AC13", firstRow: 12, lastRow: 13, firstColumn: 28, lastColumn: 29))
        XCTAssertNil(XLSXMergedCells.range("A0"))
        XCTAssertNil(XLSXMergedCells.range("1A"))
        XCTAssertEqual(XLSXMergedCells.columnName(28), "AB")
    }
}
