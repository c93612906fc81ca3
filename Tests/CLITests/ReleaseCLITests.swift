import Foundation
import XCTest

/// `lumpini release`, `publish` and `verify` on the real binary.
final class ReleaseCLITests: XCTestCase {
    private var space: ReleaseWorkspace!

    override func setUpWithError() throws {
        space = try ReleaseWorkspace()
    }

    override func tearDown() {
        space.remove()
    }

    func testReleaseJSONSummaryAndExitCodeWhenOneDatasetFails() throws {
        try space.addDataset("alpha")
        try space.addDataset("broken", source: "source/missing.geojson")
        try space.addDataset("pending", approved: false)

        let result = try space.lumpini(["release", "--json"])
        XCTAssertEqual(result.status, 1, result.stderr)
        let summary = try XCTUnwrap(result.json() as? [String: Any])
        XCTAssertEqual(summary["publicRoot"] as? String, space.publicRoot.path)
        let published = try XCTUnwrap(summary["published"] as? [[String: Any]])
        XCTAssertEqual(published.map { $0["id"] as? String }, ["alpha"])
        XCTAssertEqual(published.first?["version"] as? Int, 1)
        let failed = try XCTUnwrap(summary["failed"] as? [[String: Any]])
        XCTAssertEqual(failed.map { $0["id"] as? String }, ["broken"])
        XCTAssertTrue((failed.first?["reason"] as? String)?.contains("missing.geojson") == true, "\(failed)")
        let awaiting = try XCTUnwrap(summary["awaitingApproval"] as? [[String: Any]])
        XCTAssertEqual(awaiting.map { $0["id"] as? String }, ["pending"])
        XCTAssertEqual(awaiting.first?["reason"] as? String, "governance status is pending, not approved")
        XCTAssertEqual((summary["unchanged"] as? [Any])?.count, 0)
        XCTAssertEqual(space.latestTarget("alpha"), "v1")

        let again = try space.lumpini(["release", "alpha", "--json"])
        XCTAssertEqual(again.status, 0, again.stderr)
        let unchanged = try XCTUnwrap((again.json() as? [String: Any])?["unchanged"] as? [[String: Any]])
        XCTAssertEqual(unchanged.first?["id"] as? String, "alpha")
        XCTAssertEqual(unchanged.first?["version"] as? Int, 1)
    }

    func testPlainOutputIsOneLinePerDatasetThenASummary() throws {
        try space.addDataset("alpha")
        let result = try space.lumpini(["publish", "alpha"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "published alpha v1 (50 rows published, 0 quarantined)")
        XCTAssertTrue(result.stdout.contains("Released to \(space.publicRoot.path)"), result.stdout)
    }

    func testVerifyExitsOneWhenAPublishedFileChanged() throws {
        try space.addDataset("alpha")
        try space.lumpini(["release"])
        XCTAssertEqual(try space.lumpini(["verify"]).status, 0)

        let csv = space.publicRoot.appendingPathComponent("alpha/v1/alpha.csv")
        try Data("code\r\nX\r\n".utf8).write(to: csv)
        let result = try space.lumpini(["verify", "alpha", "--json"])
        XCTAssertEqual(result.status, 1)
        let report = try XCTUnwrap(result.json() as? [String: Any])
        XCTAssertEqual(report["ok"] as? Bool, false)
        XCTAssertTrue(result.stdout.contains("\"kind\" : \"changed\""), result.stdout)
        XCTAssertEqual(try space.lumpini(["verify", "nobody"]).status, 2)
    }

    func testUsageErrorsExitTwo() throws {
        XCTAssertEqual(try space.lumpini(["release", "--jobs", "0"]).status, 2)
        XCTAssertEqual(try space.lumpini(["release", "--no-such-option"]).status, 2)
        let unknown = try space.lumpini(["release", "nothing-here"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("no dataset \"nothing-here\""), unknown.stderr)
    }

    func testASecondReleaseSaysWhoHoldsTheLockAndExits() throws {
        try space.addDataset("alpha")
        let first = try space.startPaused(["release"], at: "staged")
        defer { space.crash(first) }

        let second = try space.lumpini(["release", "--force"])
        XCTAssertEqual(second.status, 2)
        XCTAssertTrue(second.stderr.contains("another release is running"), second.stderr)
        XCTAssertTrue(second.stderr.contains("pid \(first.processIdentifier) on host"), second.stderr)
    }
}

extension ReleaseCLITests {
    /// A shipped sample through the whole pipeline: cleansed, validated against its schema,
    /// published with typed values, its quarantined rows kept out of the public tree.
    func testShippedSampleIsCleansedValidatedAndPublishedWithItsQuarantineKeptPrivate() throws {
        let manager = FileManager.default
        try manager.createDirectory(at: space.root.appendingPathComponent("datasets"), withIntermediateDirectories: true)
        try manager.copyItem(
            at: CLIRunner.packageRoot.appendingPathComponent("datasets/pm25-readings-sample"),
            to: space.root.appendingPathComponent("datasets/pm25-readings-sample")
        )
        try manager.copyItem(
            at: CLIRunner.packageRoot.appendingPathComponent("schemas/pm25-readings.schema.json"),
            to: space.root.appendingPathComponent("schemas/pm25-readings.schema.json")
        )
        let result = try space.lumpini(["release", "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)

        let version = space.publicRoot.appendingPathComponent("pm25-readings-sample/v1")
        let manifest = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: version.appendingPathComponent("manifest.json"))) as? [String: Any])
        let counts = try XCTUnwrap(manifest["counts"] as? [String: Any])
        let rowsIn = try XCTUnwrap(counts["rowsIn"] as? Int), published = try XCTUnwrap(counts["rowsPublished"] as? Int)
        let quarantined = try XCTUnwrap(counts["rowsQuarantined"] as? Int)
        XCTAssertEqual(rowsIn, published + quarantined)
        XCTAssertGreaterThan(quarantined, 0)
        XCTAssertEqual(manifest["geometryType"] as? String, "Point")
        let roles = (manifest["files"] as? [[String: Any]] ?? []).reduce(into: [String: String]()) { $0[$1["path"] as? String ?? ""] = $1["role"] as? String }
        XCTAssertEqual(roles["cleansing-report.json"], "report")
        XCTAssertEqual(roles["validation-report.json"], "report")

        let collection = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: version.appendingPathComponent("pm25-readings-sample.geojson"))) as? [String: Any])
        let features = try XCTUnwrap(collection["features"] as? [[String: Any]])
        XCTAssertEqual(features.count, published)
        let properties = try XCTUnwrap(features.first?["properties"] as? [String: Any])
        XCTAssertTrue(properties["pm25"] is NSNumber, "pm25 is a JSON number: \(properties)")

        let quarantine = space.root.appendingPathComponent(".lumpini/quarantine/pm25-readings-sample/quarantine.csv")
        let lines = try String(contentsOf: quarantine, encoding: .utf8).split(whereSeparator: \.isNewline)
        XCTAssertEqual(lines.count, quarantined + 1, "one line per quarantined row after the header")
        XCTAssertFalse(try manager.subpathsOfDirectory(atPath: space.publicRoot.path).contains { $0.contains("quarantine") })
    }
}
