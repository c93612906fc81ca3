import Foundation
import Lumpini
import XCTest

/// The exports' licence facts (EU licence code, GD Catalog name, openness) come from the licence vocabulary.
final class LicenseExportTests: XCTestCase {
    func testEveryLicenceOfTheVocabularyIsLinkedAsItsFileSays() throws {
        let directory = Fixtures.packageRoot.appendingPathComponent("schemas/vocabularies")
        let licenses = try Vocabularies.load(directory: directory).licenses
        XCTAssertFalse(licenses.isEmpty)
        for license in licenses {
            let licence = License.code(license.code.lowercased())
            XCTAssertEqual(licence.code, license.code)
            XCTAssertEqual(licence.euCode, license.euCode, license.code)
            XCTAssertNotNil(license.euCode, "\(license.code) has an EU licence code in licenses.tsv")
            XCTAssertEqual(licence.gdCatalogLicenseID, license.gdCatalogName, license.code)
            XCTAssertTrue(licence.isOpen, "\(license.code) is an open licence")
        }
        XCTAssertEqual(License.code("CC-BY-4.0").iri, "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0")
        XCTAssertEqual(License.code("ODbL-1.0").gdCatalogLicenseID, "Open Data Common")
    }

    func testALicenceTheVocabularyDoesNotHaveIsUnknown() {
        let licence = License.code("OGL-TH")
        XCTAssertFalse(licence.isKnown)
        XCTAssertFalse(licence.isOpen)
        XCTAssertEqual(licence.gdCatalogLicenseID, "อื่นๆ")
        XCTAssertEqual(licence.iri, "https://spdx.org/licenses/OGL-TH.html")
    }

    func testAVocabularyWithoutTheExportColumnsStillLoads() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lumpini-licences-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let shipped = Fixtures.packageRoot.appendingPathComponent("schemas/vocabularies")
        for name in try FileManager.default.contentsOfDirectory(atPath: shipped.path) where name != "licenses.tsv" {
            try FileManager.default.copyItem(at: shipped.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        try "code\ttitle\turl\nCC-BY-4.0\tCreative Commons Attribution 4.0\thttps://creativecommons.org/licenses/by/4.0/\n"
            .write(to: directory.appendingPathComponent("licenses.tsv"), atomically: true, encoding: .utf8)
        let licenses = try Vocabularies.load(directory: directory).licenses
        XCTAssertEqual(licenses, [License(code: "CC-BY-4.0", title: "Creative Commons Attribution 4.0", url: "https://creativecommons.org/licenses/by/4.0/")])
    }
}
