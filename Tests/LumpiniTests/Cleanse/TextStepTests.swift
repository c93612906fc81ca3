import XCTest
@testable import Lumpini

final class TextStepTests: XCTestCase {
    func testCleanTextTrimsCollapsesRemovesInvisiblesAndRepairsSaraAm() throws {
        let outcome = try RecipeHarness.run("- step: clean-text", fields: ["name"], rows: [
            ["  สวน\u{200B}ลุมพินี   ปทุมวัน \t"],
            ["น\u{0E4D}\u{0E49}\u{0E32}ตก"],          // nikhahit + tone + sara aa
            ["เเขวง"],                                  // sara e twice for sara ae
            ["plain text"],
            ["cafe\u{0301}"],                           // decomposed é
        ])
        XCTAssertEqual(outcome.column("name"), ["สวนลุมพินี ปทุมวัน", "น\u{0E49}\u{0E33}ตก", "แขวง", "plain text", "caf\u{00E9}"])
        let change = try XCTUnwrap(outcome.report.steps.first)
        XCTAssertEqual(change.step, "clean-text")
        XCTAssertEqual(change.field, "name")
        XCTAssertEqual(change.changed, 4)
        XCTAssertEqual(change.examples.first?.row, 2)
        XCTAssertEqual(change.examples.first?.after, "สวนลุมพินี ปทุมวัน")
    }

    func testThaiToneMarkBeforeBelowVowelIsPutInCanonicalOrder() throws {
        // ก + mai ek + sara u → ก + sara u + mai ek (NFC order)
        let outcome = try RecipeHarness.run("- step: clean-text", fields: ["v"], rows: [["ก\u{0E48}\u{0E38}"]])
        XCTAssertEqual(outcome.column("v"), ["ก\u{0E38}\u{0E48}"])
    }

    func testThaiDigitsBecomeArabic() throws {
        let outcome = try RecipeHarness.run("- step: thai-digits\n  fields: [code]", fields: ["code", "other"], rows: [
            ["๑๐๒๓", "๕"], ["1023", nil],
        ])
        XCTAssertEqual(outcome.column("code"), ["1023", "1023"])
        XCTAssertEqual(outcome.column("other"), ["๕", nil])
        XCTAssertEqual(outcome.report.steps.map(\.changed), [1])
    }

    func testMissingValueTokensBecomeNull() throws {
        let defaults = try RecipeHarness.run("- step: missing-values", fields: ["a"], rows: [["-"], ["ไม่มีข้อมูล"], ["N/A"], [" "], ["0"], ["x"]])
        XCTAssertEqual(defaults.column("a"), [nil, nil, nil, nil, "0", "x"])
        XCTAssertEqual(defaults.report.steps.first?.changed, 4)
        let declared = try RecipeHarness.run("- step: missing-values\n  tokens: [\"999\"]", fields: ["a"], rows: [["999"], ["-"]])
        XCTAssertEqual(declared.column("a"), [nil, "-"])
    }

    func testNumbersLoseThaiDigitsSeparatorsUnitsAndPercent() throws {
        let outcome = try RecipeHarness.run("""
            - step: parse-numbers
              fields: [tonnes, share]
              units: [ตัน, tons]
              percent: true
              onInvalid: quarantine
            """, fields: ["tonnes", "share"], rows: [
                ["๑,๒๓๔.๕ ตัน", "12.5%"], ["2,500", "๔๐ %"], ["-3", ".5"], ["12,34", "1"], [nil, "1"],
            ])
        XCTAssertEqual(outcome.column("tonnes"), ["1234.5", "2500", "-3", nil])
        XCTAssertEqual(outcome.column("share"), ["12.5", "40", "0.5", "1"])
        XCTAssertEqual(outcome.quarantined.map(\.reason), ["invalid-number"])
        XCTAssertEqual(outcome.quarantined.first?.row, 5)
        XCTAssertEqual(outcome.quarantined.first?.values, ["12,34", "1"])
        XCTAssertTrue(outcome.quarantined.first?.message.contains("12,34") ?? false)
    }

    func testPlainNumbersAreKeptAsWrittenAndAlmostNumbersAreNot() throws {
        let outcome = try RecipeHarness.run("- step: parse-numbers\n  fields: [n]\n  onInvalid: null", fields: ["n"], rows: [
            ["12.5"], ["-3"], ["007"], ["100.523456"], ["5."], ["-"], ["1.2.3"], ["--1"], ["+4"], ["-.5"],
        ])
        XCTAssertEqual(outcome.column("n"), ["12.5", "-3", "007", "100.523456", nil, nil, nil, nil, "4", "-0.5"])
        XCTAssertEqual(outcome.report.steps.first?.changed, 6)
    }
}
