@testable import LumpiniPublish
import XCTest

/// Numbers are published in one form whatever their spelling: no `+`, no leading zeros, no minus on a
/// zero, a digit before the point; a number already in that form is written as it is.
final class ValueEncodingTests: XCTestCase {
    private func published(_ text: String, integerOnly: Bool = false) -> String? {
        let buffer = ByteBuffer()
        let ok = Array(text.utf8).withUnsafeBufferPointer { ValueEncoding.appendCanonicalNumber($0, integerOnly: integerOnly, to: buffer) }
        return ok ? String(decoding: buffer.bytes, as: UTF8.self) : nil
    }

    func testNumbersArePublishedInOneForm() {
        let cases: [(String, String?)] = [
            ("0", "0"), ("-0", "0"), ("-0.0", "0.0"), ("+5", "5"), ("007", "7"), ("-007.50", "-7.50"), (".5", "0.5"), ("-.5", "-0.5"),
            ("5.", "5"), ("-5.", "-5"), ("1e5", "1e5"), ("+1.5E-3", "1.5E-3"), ("00.0", "0.0"), ("-00", "0"), ("12.30", "12.30"),
            ("100.398929", "100.398929"), ("-12.5", "-12.5"), ("1030", "1030"), ("0.5", "0.5"), ("-0e5", "0e5"),
            ("abc", nil), ("1.2.3", nil), ("", nil), ("-", nil), (".", nil), ("1e", nil), ("1 ", nil), ("๑๒", nil),
        ]
        for (text, expected) in cases { XCTAssertEqual(published(text), expected, text) }
        XCTAssertEqual(published("12", integerOnly: true), "12")
        XCTAssertEqual(published("-012", integerOnly: true), "-12")
        XCTAssertNil(published("1.5", integerOnly: true))
        XCTAssertNil(published("1e3", integerOnly: true))
    }
}
