@testable import Lumpini
@testable import LumpiniCleanse
import XCTest

final class DateStepTests: XCTestCase {
    func parse(_ text: String, _ configure: (inout DateText) -> Void = { _ in }) -> String? {
        var parser = DateText()
        configure(&parser)
        return parser.parse(text)
    }

    func testBuddhistEraAndThaiMonthNames() {
        XCTAssertEqual(parse("15 ม.ค. 2566"), "2023-01-15")
        XCTAssertEqual(parse("15 มกราคม 2566"), "2023-01-15")
        XCTAssertEqual(parse("๑๕ ม.ค. ๖๖"), "2023-01-15")
        XCTAssertEqual(parse("วันที่ 29 ก.พ. 2567"), "2024-02-29")
        XCTAssertEqual(parse("1 ธค 2565"), "2022-12-01")
        XCTAssertEqual(parse("พ.ศ. 2566"), nil)
        XCTAssertEqual(parse("มีนาคม 2566"), "2023-03")
        XCTAssertEqual(parse("March 5, 2023"), "2023-03-05")
    }

    func testNumericOrdersAndTwoDigitYears() {
        XCTAssertEqual(parse("15/01/2566"), "2023-01-15")
        XCTAssertEqual(parse("15/1/66"), "2023-01-15")
        XCTAssertEqual(parse("2566-01-15"), "2023-01-15")
        XCTAssertEqual(parse("2023-01-15"), "2023-01-15")
        XCTAssertEqual(parse("01/15/2023") { $0.order = .mdy }, "2023-01-15")
        XCTAssertEqual(parse("15/01/23") { $0.twoDigitYears = .gregorian }, "2023-01-15")
        XCTAssertEqual(parse("15/01/2023") { $0.era = .buddhist }, nil, "2023 BE is 1480 CE, not plausible")
    }

    func testTimesAreKept() {
        XCTAssertEqual(parse("15/01/2566 13:45"), "2023-01-15T13:45:00")
        XCTAssertEqual(parse("15 ม.ค. 2566 08.30 น."), "2023-01-15T08:30:00")
        XCTAssertEqual(parse("2023-01-15T13:45:10"), "2023-01-15T13:45:10")
    }

    func testImpossibleDatesAreRefused() {
        XCTAssertNil(parse("29/02/2566"), "2023 is no leap year")
        XCTAssertNil(parse("31/04/2566"))
        XCTAssertNil(parse("next week"))
        XCTAssertNil(parse("15/13/2566"))
    }

    func testExcelSerialDates() {
        XCTAssertEqual(parse("44941") { $0.excelSerial = true }, "2023-01-15")
        XCTAssertEqual(parse("44941.5") { $0.excelSerial = true }, "2023-01-15T12:00:00")
        XCTAssertEqual(parse("45351") { $0.excelSerial = true }, "2024-02-29")
    }

    func testStepCountsChangesAndQuarantinesInvalidDates() throws {
        let outcome = try RecipeHarness.run("""
            - step: parse-dates
              fields: [date]
              onInvalid: quarantine
            """, fields: ["date"], rows: [["15 ม.ค. 2566"], ["2023-01-16"], ["32/01/2566"], [nil]])
        XCTAssertEqual(outcome.column("date"), ["2023-01-15", "2023-01-16", nil])
        XCTAssertEqual(outcome.report.steps.first?.changed, 1)
        XCTAssertEqual(outcome.quarantined.map(\.reason), ["invalid-date"])
        XCTAssertEqual(outcome.quarantined.first?.row, 4)
    }
}
