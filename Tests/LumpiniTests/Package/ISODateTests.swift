import LumpiniPackage
import XCTest

/// The one leap-year rule, which dataset.yaml dates, date cleansing and schema types share.
final class ISODateTests: XCTestCase {
    func testLeapYearsFollowTheGregorianRule() {
        XCTAssertEqual(ISODate.daysIn(month: 2, year: 2024), 29)
        XCTAssertEqual(ISODate.daysIn(month: 2, year: 2026), 28)
        XCTAssertEqual(ISODate.daysIn(month: 2, year: 1900), 28, "centuries are not leap years")
        XCTAssertEqual(ISODate.daysIn(month: 2, year: 2000), 29, "unless divisible by 400")
        XCTAssertEqual(ISODate.daysIn(month: 4, year: 2024), 30)
        XCTAssertEqual(ISODate.daysIn(month: 12, year: 2024), 31)
    }

    func testTextDatesMustNameADayThatExists() {
        XCTAssertTrue(ISODate.isValid("2024-02-29"))
        XCTAssertFalse(ISODate.isValid("2023-02-29"))
        XCTAssertFalse(ISODate.isValid("2024-13-01"))
        XCTAssertFalse(ISODate.isValid("2024-2-01"))
    }
}
