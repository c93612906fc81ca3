import XCTest
@testable import Lumpini

final class DistrictStepTests: XCTestCase {
    func testEverySpellingMatchesAndUnmatchedIsQuarantinedWithTheValue() throws {
        let outcome = try RecipeHarness.run("- step: match-districts\n  field: khet", fields: ["khet"], rows: [
            ["เขตป้อมปราบศัตรูพ่าย"], ["ป้อมปราบฯ"], ["Pomprap Sattruphai"], ["Phranakhon"], ["เขตพระนคร"], ["พระนคร"],
            ["1008"], ["Khet Bang Rak"], ["Bang Rak District"], ["ราษฏร์บูรณะ"], ["บางกระปิ"], [nil],
        ])
        XCTAssertEqual(outcome.column("district_code"), ["1008", "1008", "1008", "1001", "1001", "1001", "1008", "1004", "1004", "1024"])
        XCTAssertEqual(outcome.column("district_th").first, "ป้อมปราบศัตรูพ่าย")
        XCTAssertEqual(outcome.column("district_en")[3], "Phra Nakhon")
        XCTAssertEqual(outcome.quarantined.map(\.reason), ["unmatched-district", "unmatched-district"])
        XCTAssertTrue(outcome.quarantined[0].message.contains("บางกระปิ"))
        // Every matched row counts, the official Thai name too: the report says how many rows were matched.
        XCTAssertEqual(outcome.report.steps.first?.changed, 10)
        XCTAssertEqual(outcome.report.steps.first?.field, "district_code")
        XCTAssertTrue(outcome.report.fuzzyMatches.isEmpty)
    }

    func testFuzzyMatchesOnlyWithinTheDeclaredDistanceAndAllAreReported() throws {
        let outcome = try RecipeHarness.run("- step: match-districts\n  field: khet\n  maxDistance: 1", fields: ["khet"], rows: [
            ["บางกระปิ"], ["บางกระปิ"], ["Chatuchakk"], ["บางกกกกก"],
        ])
        XCTAssertEqual(outcome.column("district_code"), ["1006", "1006", "1030"])
        XCTAssertEqual(outcome.quarantined.count, 1)
        XCTAssertEqual(outcome.report.fuzzyMatches.map(\.value), ["บางกระปิ", "Chatuchakk"])
        XCTAssertEqual(outcome.report.fuzzyMatches.first?.count, 2)
        XCTAssertEqual(outcome.report.fuzzyMatches.first?.rows, [2, 3])
        XCTAssertEqual(outcome.report.fuzzyMatches.first?.distance, 1)
    }
}
