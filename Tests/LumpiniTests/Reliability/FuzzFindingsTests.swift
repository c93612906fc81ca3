@testable import Lumpini
@testable import LumpiniCleanse
import XCTest

/// Inputs the fuzz targets (Fuzz/) found that broke a promise, kept as regression tests.
final class FuzzFindingsTests: XCTestCase {
    /// FuzzAgencyNumber, input E0 B9 96 E0 B1 96 ("๖" + U+0C56): the Thai digit became "6", the
    /// combining mark joined it into one Character, and `case "0"..."9"` let "6\u{0C56}" through as a digit,
    /// so `parse-numbers` wrote a value no reader takes for a number.
    func testADigitWithACombiningMarkIsNotANumber() {
        let parser = AgencyNumber(thousandsSeparator: ",", decimalSeparator: ".", units: [], percent: false)
        for text in ["๖\u{0C56}", "6\u{0301}", "1,23\u{0301}4", "12.5\u{0E48}"] {
            XCTAssertNil(parser.parse(text), text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
        }
        XCTAssertEqual(parser.parse("๑,๒๓๔.๕"), "1234.5")
    }

    /// The same range test in inspect's value classifier called "1\u{0301}2" a number.
    func testTheClassifierDoesNotCountACombinedDigit() {
        XCTAssertEqual(ValueClassifier.classify("1\u{0301}2").shape, .text)
        XCTAssertEqual(ValueClassifier.classify("12").shape, .number)
    }
}
