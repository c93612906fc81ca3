import Foundation
import XCTest

/// `lumpini release` keeps the catalogue index in step with the public tree, on the shipped samples.
final class ReleaseCatalogueCLITests: XCTestCase {
    private func listedIDs(_ publicRoot: URL) throws -> [String] {
        let list = try CLIRunner.run(["catalog", "list", "--json", "--public", publicRoot.path])
        XCTAssertEqual(list.status, 0, list.stderr)
        return try XCTUnwrap(try list.json() as? [[String: Any]]).compactMap { $0["id"] as? String }.sorted()
    }

    func testReleaseRecordsPublishedAndAwaitingDatasetsAndRepairsALostIndex() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let publicRoot = directory.appendingPathComponent("public")
        let root = CLIRunner.packageRoot.path

        let first = try CLIRunner.run(["release", "--json", "--root", root, "--public", publicRoot.path], timeout: 300)
        XCTAssertEqual(first.status, 0, first.stderr)
        let summary = try XCTUnwrap(try first.json() as? [String: Any])
        let published = try XCTUnwrap(summary["published"] as? [[String: Any]]).compactMap { $0["id"] as? String }.sorted()
        XCTAssertEqual(published.count, 9)
        XCTAssertEqual(try listedIDs(publicRoot), published, "every published dataset is in the index without a catalog build")

        let stats = try CLIRunner.run(["catalog", "stats", "--json", "--public", publicRoot.path])
        XCTAssertEqual(stats.status, 0, stats.stderr)
        let highValue = try XCTUnwrap((try stats.json() as? [String: Any])?["highValue"] as? [String: Any])
        XCTAssertEqual(highValue["awaitingApproval"] as? Int, 1, "the pending livability sample counts toward the target as awaiting approval")
        XCTAssertEqual(highValue["published"] as? Int, 7)

        // The samples are what a data officer copies: each carries every field the national catalogue requires.
        let gd = try CLIRunner.run(["catalog", "export", "--format", "gd-catalog", "--public", publicRoot.path])
        XCTAssertEqual(gd.status, 0, gd.stderr)
        XCTAssertTrue(gd.stderr.contains("9 of 9 datasets have every required GD Catalog field"), gd.stderr)
        XCTAssertFalse(gd.stderr.contains("requires"), gd.stderr)

        // A release stopped after switching `latest` but before the index was written leaves an index
        // without the dataset; the next (otherwise unchanged) release puts it back.
        try FileManager.default.removeItem(at: publicRoot.appendingPathComponent(".lumpini/catalog.sqlite"))
        let second = try CLIRunner.run(["release", "--json", "--root", root, "--public", publicRoot.path], timeout: 300)
        XCTAssertEqual(second.status, 0, second.stderr)
        let unchanged = try XCTUnwrap(try second.json() as? [String: Any])["unchanged"] as? [[String: Any]]
        XCTAssertEqual(unchanged?.count, 9)
        XCTAssertEqual(try listedIDs(publicRoot), published)
    }
}
