import Foundation
import XCTest

/// `kill -9` during a release, at every named phase and at random moments: the previous version
/// stays intact and verifies, `latest` never leads to anything partial, and the next run completes.
final class CrashSafetyTests: XCTestCase {
    private var space: ReleaseWorkspace!

    override func setUpWithError() throws {
        space = try ReleaseWorkspace()
        try space.addDataset("stations", points: 2_000)
        let first = try space.lumpini(["release"])
        XCTAssertEqual(first.status, 0, first.stderr)
    }

    override func tearDown() {
        space.remove()
    }

    private func assertTreeIsConsistent(latest expected: String, _ message: String) throws {
        XCTAssertEqual(space.latestTarget("stations"), expected, message)
        let verify = try space.lumpini(["verify", "--json"])
        XCTAssertEqual(verify.status, 0, "\(message): \(verify.stdout)")
        // Beside the versions: the site's page and map preview of the dataset, which the release rebuilds.
        let site: Set = ["index.html", "map-preview.geojson"]
        XCTAssertEqual(space.entries("stations").filter { !$0.hasPrefix("v") && $0 != "latest" && !$0.hasPrefix(".latest-") && !site.contains($0) }, [], message)
    }

    func testKilledAtEveryPhaseLeavesTheTreeConsistentAndTheNextRunCompletes() throws {
        let phases = ["writing", "data-written", "staged", "renamed", "switched"]
        for (index, phase) in phases.enumerated() {
            try space.setPoints("stations", 2_000 + index + 1)
            let before = space.latestTarget("stations") ?? "?"
            let process = try space.startPaused(["release"], at: phase)
            space.crash(process)

            let next = phase == "switched" ? "v\(index + 2)" : before
            try assertTreeIsConsistent(latest: next, "after a kill at \(phase)")

            let rerun = try space.lumpini(["release", "--json"])
            XCTAssertEqual(rerun.status, 0, "the run after a kill at \(phase): \(rerun.stderr)")
            XCTAssertEqual(space.latestTarget("stations"), "v\(index + 2)", "after the run that followed a kill at \(phase)")
            try assertTreeIsConsistent(latest: "v\(index + 2)", "after the run that followed a kill at \(phase)")
            XCTAssertEqual(space.entries(".lumpini/staging"), [], "staging is cleaned after \(phase)")
        }
    }

    func testKilledAtRandomMomentsNeverLeavesAPartialLatest() throws {
        var generator = SystemRandomNumberGenerator()
        for attempt in 0..<6 {
            let process = Process()
            process.executableURL = CLIRunner.binary
            process.arguments = ["release", "--force"]
            process.currentDirectoryURL = space.root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 0..<400_000, using: &generator))
            space.crash(process)

            let latest = try XCTUnwrap(space.latestTarget("stations"), "attempt \(attempt)")
            let verify = try space.lumpini(["verify"])
            XCTAssertEqual(verify.status, 0, "attempt \(attempt), latest \(latest): \(verify.stdout)")
        }
        let final = try space.lumpini(["release", "--force"])
        XCTAssertEqual(final.status, 0, final.stderr)
        XCTAssertEqual(try space.lumpini(["verify"]).status, 0)
        XCTAssertEqual(space.entries(".lumpini/staging"), [])
    }
}
