import XCTest
@testable import Lumpini

final class VocabularyTests: XCTestCase {
    let vocabularies = RecipeHarness.vocabularies

    func testFiftyDistrictsMatchTheReferenceList() throws {
        let reference = RecipeHarness.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/reference/bangkok-districts.tsv")
        let lines = try String(contentsOf: reference, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("code") }
        XCTAssertEqual(vocabularies.districts.districts.count, 50)
        for line in lines {
            let cells = line.split(separator: "\t").map(String.init)
            let district = try XCTUnwrap(vocabularies.districts.district(code: cells[0]))
            XCTAssertEqual(district.nameTH, cells[1])
            XCTAssertEqual(district.nameEN, cells[2])
            XCTAssertEqual(vocabularies.districts.match(cells[1]), .exact(district))
            XCTAssertEqual(vocabularies.districts.match("เขต" + cells[1]), .exact(district))
            XCTAssertEqual(vocabularies.districts.match(cells[2].uppercased()), .exact(district))
        }
    }

    func testAliasesSeenInRealFilesMatch() {
        // Spellings from ../shared/fixtures (district.geojson, Bangkok-districts.geojson, bangkok_adm2.geojson).
        let expected = ["ป้อมปราบฯ": "1008", "ป้อมปราบศัตรูพ่า": "1008", "เขตราษฏร์บูรณะ": "1024", "Parthum Wan": "1007",
                        "Yan na wa": "1012", "Bang Khun thain": "1021", "Bang Kho laen": "1031", "Chatu Chak": "1030",
                        "Suanluang": "1034", "Vadhana": "1039", "Pra Wet": "1032", "Thung khru": "1049",
                        "Pomprap Sattruphai": "1008", "Phranakhon": "1001", "Khet Bang Rak": "1004", "บางโคล่ ": "1031"]
        for (spelling, code) in expected {
            guard case .exact(let district) = vocabularies.districts.match(spelling) else {
                XCTFail("\(spelling) did not match")
                continue
            }
            XCTAssertEqual(district.code, code, spelling)
        }
        XCTAssertEqual(vocabularies.districts.match("นนทบุรี"), .none)
    }

    func testAgenciesThemesLicences() {
        for code in ["ENV", "HEALTH", "CPUD", "SED"] { XCTAssertNotNil(vocabularies.agency(code: code), code) }
        XCTAssertEqual(vocabularies.agencies.filter { $0.kind == .districtOffice }.count, 50)
        XCTAssertEqual(vocabularies.agency(code: "DO-1008")?.nameTH, "สำนักงานเขตป้อมปราบศัตรูพ่าย")
        XCTAssertEqual(vocabularies.theme(code: "environment")?.euTheme, "ENVI")
        XCTAssertEqual(vocabularies.license(code: "CC-BY-4.0")?.url, "https://creativecommons.org/licenses/by/4.0/")
    }
}
