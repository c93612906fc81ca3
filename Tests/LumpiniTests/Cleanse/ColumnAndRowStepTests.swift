import XCTest
@testable import Lumpini

final class ColumnAndRowStepTests: XCTestCase {
    func testRenameSelectDropConstantAndMap() throws {
        let outcome = try RecipeHarness.run("""
            - step: rename-columns
              map: {ชื่อ: name, ประเภท: kind}
            - step: map-values
              fields: [kind]
              map: {สาธารณะ: public, เอกชน: private}
            - step: add-constant
              field: source_agency
              value: ENV
            - step: drop-columns
              fields: [note]
            - step: select-columns
              fields: [name, kind, source_agency]
            """, fields: ["ชื่อ", "ประเภท", "note"], rows: [["สวน ก", "สาธารณะ", "x"], ["สวน ข", "อื่น ๆ", "y"]])
        XCTAssertEqual(outcome.fields, ["name", "kind", "source_agency"])
        XCTAssertEqual(outcome.kept.map(\.values), [["สวน ก", "public", "ENV"], ["สวน ข", "อื่น ๆ", "ENV"]])
        XCTAssertEqual(outcome.report.steps.map(\.step), ["map-values"])
    }

    func testBlankAndTotalRowsAreSetAsideAndCountsAddUp() throws {
        let outcome = try RecipeHarness.run("- step: skip-blank-rows\n- step: skip-total-rows", fields: ["district", "tonnes"], rows: [
            ["บางรัก", "10"], [nil, " "], ["รวมทั้งสิ้น", "10"], ["Total", "10"], ["บางนา", "5"],
        ])
        XCTAssertEqual(outcome.kept.count, 2)
        XCTAssertEqual(outcome.quarantined.map(\.reason), ["blank-row", "total-row", "total-row"])
        XCTAssertEqual(outcome.quarantined.map(\.row), [3, 4, 5])
        XCTAssertEqual(outcome.report.rowsIn, 5)
        XCTAssertEqual(outcome.report.rowsKept + outcome.report.rowsQuarantined, 5)
        XCTAssertEqual(outcome.report.quarantineReasons, ["blank-row": 1, "total-row": 2])
    }

    func testDuplicatesByKeyAndByWholeRecord() throws {
        let byKey = try RecipeHarness.run("- step: remove-duplicates\n  key: [id]", fields: ["id", "v"], rows: [["1", "a"], ["2", "b"], ["1", "c"]])
        XCTAssertEqual(byKey.quarantined.map(\.reason), ["duplicate"])
        XCTAssertEqual(byKey.quarantined.first?.message, "the same id as row 2")
        let whole = try RecipeHarness.run("- step: remove-duplicates", fields: ["id", "v"], rows: [["1", "a"], ["1", "b"], ["1", "a"], ["1", nil]])
        XCTAssertEqual(whole.quarantined.map(\.row), [4])
        let thrice = try RecipeHarness.run("- step: remove-duplicates\n  key: [id]", fields: ["id", "v"], rows: [["1", "a"], ["1", "b"], ["1", "c"]])
        XCTAssertEqual(thrice.quarantined.map(\.message), ["the same id as row 2", "the same id as row 2"])
    }

    func testUnknownStepParameterAndFieldAreErrorsWithLines() throws {
        XCTAssertThrowsError(try RecipeHarness.run("- step: thai-digit", fields: ["a"], rows: [])) { error in
            let error = error as! LumpiniError
            XCTAssertEqual(error.code, "recipe-unknown-step")
            XCTAssertEqual(error.field, "recipe[0]")
            XCTAssertEqual(error.row, 14)
            XCTAssertTrue(error.hint?.contains("thai-digits") ?? false)
        }
        XCTAssertThrowsError(try RecipeHarness.run("- step: thai-digits\n  feilds: [a]", fields: ["a"], rows: [])) { error in
            let error = error as! LumpiniError
            XCTAssertEqual(error.code, "recipe-unknown-parameter")
            XCTAssertEqual(error.field, "recipe[0].feilds")
            XCTAssertEqual(error.row, 15)
        }
        XCTAssertThrowsError(try RecipeHarness.run("- step: thai-digits\n  fields: [b]", fields: ["a"], rows: [])) { error in
            XCTAssertEqual((error as! LumpiniError).code, "recipe-unknown-field")
        }
    }
}
