import XCTest
@testable import LumpiniCore

/// Plain decimals read without `strtod` have exactly the value `Double(_:)` gives, to the last bit;
/// any other text is left to the caller's own reading.
final class PlainDecimalTests: XCTestCase {
    private func assertSameBits(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let expected = Double(text) else { return XCTFail("\(text) is no Double", file: file, line: line) }
        guard let value = PlainDecimal.value(text) else { return XCTFail("\(text) not read", file: file, line: line) }
        XCTAssertEqual(value.bitPattern, expected.bitPattern, text, file: file, line: line)
    }

    func testPlainDecimalsHaveTheValueDoubleGivesToTheLastBit() {
        for text in ["0", "-0", "0.1", "0.2", "0.3", "100.398929", "13.807014", "-12.5", "37.50", "007.25", "999999999999999",
                     "0.00000000000001", "123456789.012345", "1.7976931348623"] {
            assertSameBits(text)
        }
        var random = SystemRandomNumberGenerator()
        for _ in 0..<200_000 {
            let whole = Int.random(in: 1...15, using: &random)
            let fraction = Int.random(in: 0...(15 - whole), using: &random)
            var text = Int.random(in: 0..<4, using: &random) == 0 ? "-" : ""
            text += String((0..<whole).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
            if fraction > 0 { text += "." + String((0..<fraction).map { _ in Character(String(Int.random(in: 0...9, using: &random))) }) }
            assertSameBits(text)
        }
    }

    func testOtherTextIsLeftToTheCaller() {
        for text in ["", "-", "+", "+7", ".", "5.", ".5", "1e5", "1E-3", "1234567890123456", "0.000000000000001", "0.1234567890123456", "1.2.3", " 1", "1 ", "inf", "nan",
                     "0x10", "1_000", "1,000", "๑๒", "--1", "1-", "12a"] {
            XCTAssertNil(PlainDecimal.value(text), text)
        }
    }
}
