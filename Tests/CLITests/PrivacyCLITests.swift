import Foundation
import XCTest

/// A dataset built from the BMA community polygons (chairpersons' names in `CHAIRMAN`) is not
/// released until the column is declared: the real binary, the real fixture. (Dropping the column
/// is tested on the gate itself, `PrivacyGateFixtureTests`, while `publish` does not yet run recipes.)
final class PrivacyCLITests: XCTestCase {
    var root: URL!
    let id = "bma-communities"

    override func setUpWithError() throws {
        root = try CLIRunner.temporaryDirectory()
        let source = root.appendingPathComponent("datasets/\(id)/source")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: CLIRunner.fixture("bma-communities-aqdash/Community_Stud_FeaturesToJSO.geojson"),
            toPath: source.appendingPathComponent("communities.geojson").path
        )
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func writeDescription(_ extra: String) throws {
        let yaml = """
            id: \(id)
            title: {th: ชุมชนในกรุงเทพมหานคร, en: Bangkok communities}
            description: {th: ขอบเขตชุมชน, en: Community boundaries}
            publisher: ENV
            contact: {name: Community Section, email: community@example.org}
            theme: environment
            license: CC-BY-4.0
            classification: public
            updateFrequency: annual
            governance: {status: approved, approvedBy: Committee, approvedOn: 2024-05-01}
            source:
              paths: [source/communities.geojson]

            """ + extra
        try yaml.write(to: root.appendingPathComponent("datasets/\(id)/dataset.yaml"), atomically: true, encoding: .utf8)
    }

    private func chairmen() throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: CLIRunner.fixture("bma-communities-aqdash/Community_Stud_FeaturesToJSO.geojson")))
        let features = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["features"] as? [[String: Any]] ?? []
        return features.compactMap { ($0["properties"] as? [String: Any])?["CHAIRMAN"] as? String }
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    private var versionFolder: URL { root.appendingPathComponent("public/\(id)/v1") }

    func testTheChairpersonsBlockTheReleaseWithMaskedExamples() throws {
        try writeDescription("")
        let result = try CLIRunner.run(["publish", id, "--root", root.path])
        let output = result.stdout + result.stderr
        XCTAssertEqual(result.status, 1, output)
        XCTAssertTrue(output.contains("datasets/\(id)/dataset.yaml: field \"CHAIRMAN\": personal data found, release blocked"), output)
        XCTAssertTrue(output.contains("CHAIRMAN: \(try chairmen().count) personal names"), output)
        XCTAssertTrue(output.contains("นาย ทำ***"), output)
        for name in try chairmen() {
            XCTAssertFalse(result.stderr.contains(name) || result.stdout.contains(name), "the output shows \(name)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: versionFolder.path), "nothing may be published")
    }

    func testDeclaringTheColumnReleasesIt() throws {
        try writeDescription("privacy:\n  allow:\n    CHAIRMAN: [person-name]\n")
        let result = try CLIRunner.run(["publish", id, "--root", root.path])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let csv = try String(contentsOf: versionFolder.appendingPathComponent("\(id).csv"), encoding: .utf8)
        XCTAssertTrue(csv.contains("CHAIRMAN"))
    }

    func testAnUnknownKindInPrivacyAllowIsRefusedWithItsKey() throws {
        try writeDescription("privacy:\n  allow:\n    CHAIRMAN: [names]\n")
        let result = try CLIRunner.run(["publish", id, "--root", root.path])
        let output = result.stdout + result.stderr
        XCTAssertEqual(result.status, 1, output)
        XCTAssertTrue(output.contains("privacy.allow.CHAIRMAN[0]"), output)
        XCTAssertTrue(output.contains("person-name"), output)
    }

    func testAFileNameCannotWriteAKeyIntoDatasetYAML() throws {
        let name = "communities\nprivacy:\n  allow:\n    CHAIRMAN: [person-name]\n#\u{2028}x.csv"
        let file = root.appendingPathComponent(name)
        try "CHAIRMAN,lat,lon\nนายทำนุ เหล็งขยัน,13.75,100.50\n".write(to: file, atomically: true, encoding: .utf8)
        let created = try CLIRunner.run(["new", "injected", "--from", file.path, "--root", root.path])
        XCTAssertEqual(created.status, 0, created.stderr)
        let yaml = try String(contentsOf: root.appendingPathComponent("datasets/injected/dataset.yaml"), encoding: .utf8)
        XCTAssertFalse(yaml.split(separator: "\n").contains { $0.hasPrefix("privacy") || $0.hasPrefix("  allow") }, yaml)
        XCTAssertFalse(yaml.contains("\u{2028}"), yaml)
        XCTAssertTrue(yaml.hasPrefix("# Written by `lumpini new` from \"communities\\nprivacy:\\n  allow:"), yaml)
        let check = try CLIRunner.run(["check", "injected", "--root", root.path, "--json"])
        let findings = try XCTUnwrap((try check.json() as? [String: Any])?["findings"] as? [[String: Any]], check.stdout + check.stderr)
        XCTAssertFalse(findings.isEmpty, "dataset.yaml still loads and still lists what a person must fill in")
    }
}
