import Foundation
@testable import LumpiniCore
import XCTest

final class BuiltInVocabularyTests: XCTestCase {
    func testBuiltInCopiesMatchTheFilesInSchemas() throws {
        let directory = Fixtures.packageRoot.appendingPathComponent("schemas/vocabularies")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tsv") }.sorted()
        XCTAssertEqual(names, BuiltInVocabularies.files.keys.sorted())
        for name in names {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            XCTAssertEqual(BuiltInVocabularies.files[name].map { $0 + "\n" }, text, "\(name): run scripts/embed-vocabularies.py")
        }
    }

    func testARootWithoutVocabulariesUsesTheBuiltInOnes() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let vocabularies = try Vocabularies.load(from: Workspace(root: root.path))
        XCTAssertEqual(vocabularies.districts.districts.count, 50)
        XCTAssertEqual(vocabularies.agency(code: "ENV")?.nameEN.isEmpty, false)
    }
}
