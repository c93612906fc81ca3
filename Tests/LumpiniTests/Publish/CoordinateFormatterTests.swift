@testable import Lumpini
@testable import LumpiniPublish
import XCTest

final class CoordinateFormatterTests: XCTestCase {
    private func text(_ value: Double, precision: Int = 6) -> String {
        let buffer = ByteBuffer()
        CoordinateFormatter(precision: precision).write(value, to: buffer)
        return buffer.string()
    }

    func testShortestFormWithoutExponentOrTrailingZeros() {
        XCTAssertEqual(text(100.5), "100.5")
        XCTAssertEqual(text(100.0), "100")
        XCTAssertEqual(text(13.7306), "13.7306")
        XCTAssertEqual(text(0.000001), "0.000001")
        XCTAssertEqual(text(1e-7), "0")
        XCTAssertEqual(text(-0.0000001), "0", "no negative zero")
        XCTAssertEqual(text(-100.123456789), "-100.123457")
        XCTAssertEqual(text(100.0000005), "100.000001", "half rounds away from zero")
        XCTAssertEqual(text(-180), "-180")
        XCTAssertEqual(text(13.75, precision: 1), "13.8")
        XCTAssertEqual(text(13.7, precision: 0), "14")
        XCTAssertEqual(text(0.1 + 0.2), "0.3")
    }

    func testRoundedValueReadsBackFromItsText() {
        let formatter = CoordinateFormatter(precision: 6)
        for value in [100.541512345, 13.73061, -0.5, 179.9999995, 1.0 / 3.0] {
            XCTAssertEqual(Double(text(value)), formatter.rounded(value))
        }
    }
}
