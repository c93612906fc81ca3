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
