@testable import LumpiniPackage
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

    /// The digit-by-digit writer gives what padding each part gives, inside its range and out of it.
    func testDatesAreWrittenZeroPaddedAsThePaddedPartsWould() {
        XCTAssertEqual(ISODate.format(year: 2023, month: 1, day: 5), "2023-01-05")
        for year in [0, 7, 10, 99, 100, 999, 1000, 1800, 2023, 9999, 10_000, 12_345, -1, -2023] {
            for (month, day) in [(1, 1), (12, 31), (0, 0), (9, 10), (99, 99), (100, 7), (-1, 3)] {
                let padded = ISODate.pad(year, 4) + "-" + ISODate.pad(month, 2) + "-" + ISODate.pad(day, 2)
                XCTAssertEqual(ISODate.format(year: year, month: month, day: day), padded, "\(year) \(month) \(day)")
            }
        }
    }
}
