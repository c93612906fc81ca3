import Foundation
import Synchronization
import XCTest

/// `lumpini serve` keeps the catalogue index, the datasets' details and the feature indexes open between
/// requests: what it keeps must never outlive what the public tree holds. Three datasets of 30, 40 and 50
/// stations, released by the real binary, served by the real binary, read over HTTP.
final class ServeCacheTests: XCTestCase {
    private static let sizes = ["stations-a": 30, "stations-b": 40, "stations-c": 50]

    func testWhatTheServerKeepsFollowsReleasesRemovalsAndConcurrentRequests() throws {
        let workspace = try ReleaseWorkspace()
        defer { workspace.remove() }
        for (id, size) in Self.sizes { try workspace.addDataset(id, points: size) }
        let release = try workspace.lumpini(["release", "--root", workspace.root.path, "--public", workspace.publicRoot.path])
        XCTAssertEqual(release.status, 0, release.stderr)
        let served = try ServedTree(serving: workspace.root)
        defer { served.stop() }

        // Many requests at once across the datasets, the first of them while nothing is open yet: each
        // gets its own dataset's features (the last page of a dataset has as many as its size leaves).
        let requests = (0..<90).map { number in Self.sizes.keys.sorted()[number % 3] }
        let problems = Mutex<[String]>([])
        let port = served.port
        DispatchQueue.concurrentPerform(iterations: requests.count) { number in
            let id = requests[number]
            if let problem = Self.lastPageProblem(port: port, id, size: Self.sizes[id]!) { problems.withLock { $0.append(problem) } }
        }
        XCTAssertEqual(problems.withLock { $0 }, [], "\(requests.count) requests at once")

        // A new release of one dataset: the next request reads the new version's features.
        try workspace.setPoints("stations-a", 35)
        let second = try workspace.lumpini(["release", "stations-a", "--root", workspace.root.path, "--public", workspace.publicRoot.path])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(workspace.latestTarget("stations-a"), "v2")
        XCTAssertNil(Self.lastPageProblem(port: served.port, "stations-a", size: 35))
        let show = try served.json("/api/3/action/package_show?id=stations-a")
        XCTAssertEqual((show["result"] as? [String: Any])?["version"] as? String, "v2")

        // A dataset removed from the tree and the catalogue rebuilt, the other datasets' feature indexes
        // written again: the removed dataset is unknown at once and its index gone, the others still served.
        let features = workspace.publicRoot.appendingPathComponent(".lumpini/features")
        try FileManager.default.removeItem(at: workspace.publicRoot.appendingPathComponent("stations-b"))
        for kept in ["stations-a", "stations-c"] { try FileManager.default.removeItem(at: features.appendingPathComponent(kept)) }
        XCTAssertTrue(FileManager.default.fileExists(atPath: features.appendingPathComponent("stations-b").path))
        let build = try workspace.lumpini(["catalog", "build", "--public", workspace.publicRoot.path])
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: features.appendingPathComponent("stations-b").path), "the removed dataset's index")
        XCTAssertEqual(try served.get("/ogc/collections/stations-b/items").status, 404)
        XCTAssertEqual(try served.get("/ogc/collections/stations-b").status, 404)
        XCTAssertEqual(try served.get("/api/3/action/package_show?id=stations-b").status, 404)
        let collections = try served.json("/ogc/collections")["collections"] as? [[String: Any]]
        XCTAssertEqual(Set(collections?.compactMap { $0["id"] as? String } ?? []), ["stations-a", "stations-c"])
        XCTAssertNil(Self.lastPageProblem(port: served.port, "stations-a", size: 35))
        XCTAssertNil(Self.lastPageProblem(port: served.port, "stations-c", size: 50))

        // The indexes the rebuild replaced are closed: the server holds the new files, none of the old.
        let descriptors = "/proc/\(served.process.processIdentifier)/fd"
        let held = try FileManager.default.contentsOfDirectory(atPath: descriptors)
            .compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "\(descriptors)/\($0)") }.filter { $0.contains("/features/") }
        XCTAssertFalse(held.isEmpty)
        XCTAssertEqual(held.filter { $0.hasSuffix("(deleted)") }, [], "\(held)")
    }

    /// What is wrong with a page of 5 from 3 before the end of dataset `id` of `size` stations, if anything:
    /// it must hold the last 3 stations, and say how many there are.
    private static func lastPageProblem(port: Int, _ id: String, size: Int) -> String? {
        func page(_ target: String) -> [String: Any]? {
            guard let answer = try? RawHTTP.request(port: port, "GET", target), answer.status == 200 else { return nil }
            return try? answer.json() as? [String: Any]
        }
        let target = "/ogc/collections/\(id)/items?limit=5&offset=\(size - 3)"
        guard let features = page(target)?["features"] as? [[String: Any]] else { return "\(target): no page" }
        let codes = features.compactMap { ($0["properties"] as? [String: Any])?["code"] as? String }
        let expected = (size - 3..<size).map { "S\($0)" }
        guard codes == expected else { return "\(target): \(codes), not \(expected)" }
        guard page("/ogc/collections/\(id)/items?limit=1")?["numberMatched"] as? Int == size else { return "\(id): numberMatched is not \(size)" }
        return nil
    }
}
