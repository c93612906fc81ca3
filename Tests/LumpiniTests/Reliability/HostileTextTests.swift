@testable import Lumpini
@testable import LumpiniCleanse
@testable import LumpiniPublish
import XCTest

/// The helpers that keep agencies' text from acting: on a terminal, in Markdown, in a spreadsheet.
final class HostileTextTests: XCTestCase {
    func testPrintableShowsControlsAndBidiOverridesAndKeepsThai() {
        XCTAssertEqual("a\u{1B}]0;x\u{07}b".printable, "a\\u001b]0;x\\u0007b")
        XCTAssertEqual("line\nnext\ttab".printable, "line\\u000anext\\u0009tab")
        XCTAssertEqual("\u{9B}2J \u{202E}txt.exe".printable, "\\u009b2J \\u202etxt.exe")
        XCTAssertEqual("สวนลุมพินี ปทุมวัน".printable, "สวนลุมพินี ปทุมวัน")
        XCTAssertEqual("ERROR 1: a\n  b\r\n\nc \n".joiningLines(with: "; "), "ERROR 1: a; b; c")
        let plain = "สวน"
        XCTAssertFalse(Array(plain.utf8).withUnsafeBufferPointer(String.needsPrintable(utf8:)))
        XCTAssertTrue(Array("x\u{85}".utf8).withUnsafeBufferPointer(String.needsPrintable(utf8:)))
        XCTAssertFalse(Array("“quoted”".utf8).withUnsafeBufferPointer(String.needsPrintable(utf8:)))
    }

    func testSpreadsheetFormulasButNotPlainNumbers() {
        for formula in ["=1+2", "+A1", "-A1+1", "@SUM(A1)", "\t=1", "\r\t@x", "=", "\t-12.5", "=-1"] {
            XCTAssertTrue(SpreadsheetFormula.isFormulaLike(formula), formula)
        }
        for value in ["-12.5", "+66", "1e5", "-1.5E-3", "12", "a=b", " =1", "", "สวน", "-", "+"] {
            XCTAssertFalse(SpreadsheetFormula.isFormulaLike(value), value)
        }
    }

    func testCleanTextKeepsWhatMakesAFormulaInert() {
        XCTAssertEqual(TextCleaner.clean("\t=1+2"), "\t=1+2")
        XCTAssertEqual(TextCleaner.clean(" \u{200B}@SUM(A1)  "), " \u{200B}@SUM(A1)")
        XCTAssertEqual(TextCleaner.clean("\t-12.5 "), "-12.5")
        XCTAssertEqual(TextCleaner.clean("  =1 "), "  =1")
        XCTAssertEqual(TextCleaner.clean("=1  "), "=1")
    }

    func testMarkdownShowsTextAsWritten() {
        XCTAssertEqual(MarkdownText.inline("<script>x</script>\n# h"), "\\<script\\>x\\</script\\> \\# h")
        XCTAssertEqual(MarkdownText.inline("[a](javascript:b) | c_d"), "\\[a\\](javascript:b) \\| c\\_d")
        XCTAssertEqual(MarkdownText.paragraph("one\n# two\n- three\n1. four\n    five"), "one\n\\# two\n\\- three\n1\\. four\nfive")
        XCTAssertEqual(MarkdownText.code("pm25"), "`pm25`")
        XCTAssertEqual(MarkdownText.code("a`b|c"), "`` a`b\\|c ``")
    }
}
