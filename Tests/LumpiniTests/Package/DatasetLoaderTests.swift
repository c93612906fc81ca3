import Foundation
import XCTest
@testable import Lumpini

final class DatasetLoaderTests: XCTestCase {
    func loadError(_ text: String, file: String = "dataset.yaml") -> LumpiniError? {
        do {
            _ = try DatasetLoader.parse(text, displayPath: file)
            return nil
        } catch {
            return error as? LumpiniError
        }
    }

    func testMinimalDescriptionLoadsWithDefaults() throws {
        let description = try DatasetLoader.parse(DescriptionText.minimal)
        XCTAssertEqual(description.id, "test-dataset")
        XCTAssertEqual(description.metadata.title.th, "ชุดข้อมูลทดสอบ")
        XCTAssertEqual(description.metadata.spatial.bbox, SpatialCoverage.bangkokBBox)
        XCTAssertEqual(description.metadata.governance.status, .pending)
        XCTAssertEqual(description.outputs.formats, [.geojson, .csv])
        XCTAssertEqual(description.recipe, [])
    }

    func testUnknownKeyNamesThePathAndLine() {
        let error = loadError(DescriptionText.minimal.replacingOccurrences(of: "  paths: [source/data.csv]", with: "  paths: [source/data.csv]\n  encodng: TIS-620"))
        XCTAssertEqual(error?.code, "yaml-unknown-key")
        XCTAssertEqual(error?.field, "source.encodng")
        XCTAssertEqual(error?.row, 13)
        XCTAssertEqual(error?.file, "dataset.yaml")
        XCTAssertTrue(error?.hint?.contains("encoding") ?? false)
        XCTAssertTrue(error?.description.hasPrefix("dataset.yaml:13: field \"source.encodng\": unknown key") ?? false, error?.description ?? "")
    }

    func testWrongTypeAndMissingKey() {
        let wrong = loadError(DescriptionText.minimal.replacingOccurrences(of: "governance: {status: pending}", with: "governance: {status: [pending]}"))
        XCTAssertEqual(wrong?.code, "yaml-wrong-type")
        XCTAssertEqual(wrong?.field, "governance.status")
        XCTAssertEqual(wrong?.row, 10)
        let missing = loadError(DescriptionText.minimal.replacingOccurrences(of: "license: CC-BY-4.0\n", with: ""))
        XCTAssertEqual(missing?.code, "yaml-missing-key")
        XCTAssertEqual(missing?.field, "license")
        let enumValue = loadError(DescriptionText.minimal.replacingOccurrences(of: "updateFrequency: monthly", with: "updateFrequency: sometimes"))
        XCTAssertEqual(enumValue?.code, "yaml-invalid-value")
        XCTAssertTrue(enumValue?.hint?.contains("monthly") ?? false)
        let approvedWithoutWho = loadError(DescriptionText.minimal.replacingOccurrences(of: "{status: pending}", with: "{status: approved}"))
        XCTAssertEqual(approvedWithoutWho?.code, "governance-incomplete")
    }

    /// The contact address becomes a `mailto:` IRI in the DCAT export: what cannot stand in one is refused.
    func testAContactAddressThatCannotBeAMailtoIRIIsRefused() {
        for bad in ["data@example", "data example@x.go.th", "a@b.go.th> <http://evil.example/x", "a@b.go.th\"x", "a@.go.th", "@x.go.th", "a@b@c.go.th"] {
            let yaml = DescriptionText.minimal.replacingOccurrences(of: "email: data@example.go.th", with: "email: '\(bad)'")
            XCTAssertEqual(loadError(yaml)?.code, "invalid-email", bad)
        }
        XCTAssertNil(loadError(DescriptionText.minimal.replacingOccurrences(of: "data@example.go.th", with: "opendata+pm25@bangkok.go.th")))
    }

    func testIdMustBeASlug() {
        for bad in ["PM25", "pm25_readings", "-pm25", "pm25--x", "ฝุ่น"] {
            let error = loadError(DescriptionText.minimal.replacingOccurrences(of: "id: test-dataset", with: "id: \"\(bad)\""))
            XCTAssertEqual(error?.code, "invalid-id", bad)
            XCTAssertEqual(error?.row, 1, bad)
        }
    }

    func testDuplicateKeysTabsAnchorsAndAliasesAreRefused() {
        XCTAssertEqual(loadError(DescriptionText.minimal + "theme: health\n")?.code, "yaml-duplicate-key")
        let tab = loadError(DescriptionText.minimal.replacingOccurrences(of: "  paths:", with: "\tpaths:"))
        XCTAssertEqual(tab?.code, "yaml-tab-indentation")
        XCTAssertEqual(tab?.row, 12)
        let alias = loadError(DescriptionText.minimal.replacingOccurrences(of: "title: {th: ชุดข้อมูลทดสอบ, en: Test dataset}", with: "title: &t {th: ชุดข้อมูลทดสอบ, en: Test dataset}")
            .replacingOccurrences(of: "description: {th: คำอธิบาย, en: A description}", with: "description: *t"))
        XCTAssertEqual(alias?.code, "yaml-anchor-refused")
        XCTAssertEqual(alias?.row, 2)
    }

    func testBillionLaughsIsRefusedAsAnAnchor() {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        XCTAssertEqual(loadError(text)?.code, "yaml-anchor-refused")
    }

    func testOversizedFileIsRefused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lumpini-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("dataset.yaml")
        try Data((DescriptionText.minimal + "# " + String(repeating: "x", count: 1_100_000) + "\n").utf8).write(to: file)
        XCTAssertThrowsError(try DatasetLoader.load(file: file)) { error in
            XCTAssertEqual((error as? LumpiniError)?.code, "yaml-too-large")
        }
    }

    func testSourcePathsStayInsideTheDatasetFolder() throws {
        for bad in ["../other/data.csv", "/etc/passwd", "https://example.org/data.csv", "/vsicurl/http://x/y.csv", "source/../../x.csv", "C:\\\\data.csv"] {
            let error = loadError(DescriptionText.minimal.replacingOccurrences(of: "[source/data.csv]", with: "[\"\(bad)\"]"))
            XCTAssertEqual(error?.code, "source-path-refused", bad)
            XCTAssertEqual(error?.field, "source.paths[0]", bad)
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lumpini-\(UUID().uuidString)")
        let sourceDirectory = directory.appendingPathComponent("datasets/test-dataset/source")
        try FileManager.default.createDirectory(at: sourceDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outside = directory.appendingPathComponent("secret.csv")
        try Data("a\n1\n".utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(at: sourceDirectory.appendingPathComponent("data.csv"), withDestinationURL: outside)
        try Data(DescriptionText.minimal.utf8).write(to: directory.appendingPathComponent("datasets/test-dataset/dataset.yaml"))
        XCTAssertThrowsError(try DatasetLoader.load(id: "test-dataset", in: Workspace(root: directory.path))) { error in
            XCTAssertEqual((error as? LumpiniError)?.code, "source-path-refused")
            XCTAssertTrue((error as? LumpiniError)?.message.contains("symbolic link") ?? false)
        }
    }

    func testRecipeStepsKeepTheirParametersAndLines() throws {
        let steps = try RecipeHarness.steps("- step: parse-dates\n  fields: [date]\n  era: buddhist\n- step: match-districts\n  field: khet\n  maxDistance: 1")
        XCTAssertEqual(steps.map(\.name), ["parse-dates", "match-districts"])
        XCTAssertEqual(steps[0].parameters["fields"], .list([.string("date")]))
        XCTAssertEqual(steps[1].parameters["maxDistance"], .number(1))
        XCTAssertEqual(steps[0].line, 14)
        XCTAssertEqual(steps[1].parameterLines["field"], 18)
    }
}
