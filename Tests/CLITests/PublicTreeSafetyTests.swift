import Foundation
import XCTest

/// A public tree whose bookkeeping was tampered with (links where Lumpini's folders belong, a
/// `latest` missing, dangling, leading outside or copied as a folder) is refused with exit code 2 and
/// changed only by `lumpini repair`; nothing a link leads to is ever deleted or written; a dry run
/// changes nothing; no published version is deleted and no version number is used twice.
final class PublicTreeSafetyTests: XCTestCase {
    private var space: ReleaseWorkspace!
    private var victim: URL!

    override func setUpWithError() throws {
        space = try ReleaseWorkspace()
        try space.addDataset("stations", points: 20)
        let first = try space.lumpini(["release"])
        XCTAssertEqual(first.status, 0, first.stderr)
        try space.setPoints("stations", 21)
        let second = try space.lumpini(["release"])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(space.latestTarget("stations"), "v2")
        victim = space.root.appendingPathComponent("victim", isDirectory: true)
        try FileManager.default.createDirectory(at: victim, withIntermediateDirectories: true)
        try Data("keep me\n".utf8).write(to: victim.appendingPathComponent("precious.txt"))
    }

    override func tearDown() {
        space.remove()
    }

    private var stations: URL { space.publicRoot.appendingPathComponent("stations") }

    private func assertVictimIntact(_ context: String, file: StaticString = #filePath, line: UInt = #line) {
        let text = try? String(contentsOf: victim.appendingPathComponent("precious.txt"), encoding: .utf8)
        XCTAssertEqual(text, "keep me\n", "\(context): a file a link led to was changed or deleted", file: file, line: line)
    }

    /// `release --dry-run` and `release` both refuse with one line naming the place, and change nothing.
    private func assertRefused(_ context: String, mentions: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let versionsBefore = space.entries("stations").filter { $0.hasPrefix("v") }
        for arguments in [["release", "--dry-run"], ["release", "--force"]] {
            let result = try space.lumpini(arguments)
            XCTAssertEqual(result.status, 2, "\(context), \(arguments): \(result.stdout) \(result.stderr)", file: file, line: line)
            XCTAssertTrue(result.stderr.contains("public-tree") || result.stderr.contains("not left this way by a release"), result.stderr, file: file, line: line)
            XCTAssertTrue(result.stderr.contains(mentions), "\(context): the message does not name \(mentions): \(result.stderr)", file: file, line: line)
            XCTAssertTrue(result.stderr.contains("lumpini repair"), result.stderr, file: file, line: line)
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr, file: file, line: line)
            XCTAssertEqual(space.entries("stations").filter { $0.hasPrefix("v") }, versionsBefore, "\(context): versions changed", file: file, line: line)
            assertVictimIntact("\(context), \(arguments)", file: file, line: line)
        }
    }

    /// After `repair`, releases work again and the next version number is new.
    private func assertRepairedAndNumbersNotReused(_ context: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let repair = try space.lumpini(["repair"])
        XCTAssertEqual(repair.status, 0, "\(context): \(repair.stderr)", file: file, line: line)
        XCTAssertEqual(space.latestTarget("stations"), "v2", "\(context): repair points latest at the newest version", file: file, line: line)
        try space.setPoints("stations", 30)
        let next = try space.lumpini(["release"])
        XCTAssertEqual(next.status, 0, "\(context): \(next.stderr)", file: file, line: line)
        XCTAssertEqual(space.latestTarget("stations"), "v3", "\(context): a new number, none reused", file: file, line: line)
        XCTAssertEqual(try space.lumpini(["verify"]).status, 0, context, file: file, line: line)
        assertVictimIntact(context, file: file, line: line)
    }

    func testALinkedStagingFolderIsNeverEmptied() throws {
        let staging = space.publicRoot.appendingPathComponent(".lumpini/staging")
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createSymbolicLink(at: staging, withDestinationURL: victim)
        try assertRefused("staging is a link", mentions: ".lumpini/staging")
        try assertRepairedAndNumbersNotReused("staging was a link")
    }

    func testALinkedWorkFolderIsNeverEmptied() throws {
        let work = space.publicRoot.appendingPathComponent(".lumpini")
        try FileManager.default.moveItem(at: work, to: space.root.appendingPathComponent("moved-internal"))
        try FileManager.default.createDirectory(at: victim.appendingPathComponent("staging"), withIntermediateDirectories: true)
        try Data("keep me too\n".utf8).write(to: victim.appendingPathComponent("staging/inside.txt"))
        try FileManager.default.createSymbolicLink(at: work, withDestinationURL: victim)
        try assertRefused(".lumpini is a link", mentions: ".lumpini")
        XCTAssertTrue(FileManager.default.fileExists(atPath: victim.appendingPathComponent("staging/inside.txt").path))
        try assertRepairedAndNumbersNotReused(".lumpini was a link")
    }

    func testALinkedLockNeverTruncatesWhatItLeadsTo() throws {
        let lock = space.publicRoot.appendingPathComponent(".lumpini/lock")
        try? FileManager.default.removeItem(at: lock)
        try FileManager.default.createSymbolicLink(at: lock, withDestinationURL: victim.appendingPathComponent("precious.txt"))
        try assertRefused("the lock is a link", mentions: "lock")
        try assertRepairedAndNumbersNotReused("the lock was a link")
    }

    func testAMissingLatestNeverDeletesVersions() throws {
        try FileManager.default.removeItem(at: stations.appendingPathComponent("latest"))
        try assertRefused("latest missing", mentions: "latest")
        try assertRepairedAndNumbersNotReused("latest was missing")
    }

    func testADanglingLatestNeverDeletesVersions() throws {
        try FileManager.default.removeItem(at: stations.appendingPathComponent("latest"))
        try FileManager.default.createSymbolicLink(atPath: stations.appendingPathComponent("latest").path, withDestinationPath: "v9")
        try assertRefused("latest dangling", mentions: "latest")
        try assertRepairedAndNumbersNotReused("latest was dangling")
    }

    func testALatestLeadingOutsideNeverDeletesVersions() throws {
        try FileManager.default.removeItem(at: stations.appendingPathComponent("latest"))
        try FileManager.default.createSymbolicLink(at: stations.appendingPathComponent("latest"), withDestinationURL: victim)
        try assertRefused("latest leads outside", mentions: "latest")
        try assertRepairedAndNumbersNotReused("latest led outside")
    }

    func testALatestCopiedAsAFolderIsSetAsideNotDeleted() throws {
        let latest = stations.appendingPathComponent("latest")
        try FileManager.default.removeItem(at: latest)
        try FileManager.default.copyItem(at: stations.appendingPathComponent("v2"), to: latest)
        try assertRefused("latest is a folder", mentions: "latest")
        try assertRepairedAndNumbersNotReused("latest was a folder")
        let setAside = space.entries(".lumpini/set-aside")
        XCTAssertEqual(setAside.count, 1, "the copied folder is kept for a person to look at")
    }

    func testAVersionThatIsALinkIsRefused() throws {
        try FileManager.default.createSymbolicLink(at: stations.appendingPathComponent("v7"), withDestinationURL: victim)
        try assertRefused("v7 is a link", mentions: "v7")
        let repair = try space.lumpini(["repair"])
        XCTAssertEqual(repair.status, 0, repair.stderr)
        assertVictimIntact("after repair")
        XCTAssertEqual(try space.lumpini(["release"]).status, 0)
    }

    func testAPublicTreeInsideTheDatasetsOrWorkFolderIsRefused() throws {
        for inside in ["datasets/public", ".lumpini/public", "datasets", "."] {
            let result = try space.lumpini(["release", "--public", space.root.appendingPathComponent(inside).path])
            XCTAssertEqual(result.status, 2, "\(inside): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("public-tree-refused") || result.stderr.contains("is refused"), result.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: space.root.appendingPathComponent("datasets/public").path))
    }

    /// The release stands when only the catalogue index cannot be updated: exit code 4, `catalogueIndex: stale`.
    func testAFailedCatalogueUpdateIsAStaleIndexNotAFailedRelease() throws {
        let index = space.publicRoot.appendingPathComponent(".lumpini/catalog.sqlite")
        try? FileManager.default.removeItem(at: index)
        try FileManager.default.createDirectory(at: index, withIntermediateDirectories: true)
        try space.setPoints("stations", 40)
        let result = try space.lumpini(["release", "--json"])
        XCTAssertEqual(result.status, 4, result.stderr)
        let summary = try XCTUnwrap(try result.json() as? [String: Any])
        XCTAssertEqual(summary["catalogueIndex"] as? String, "stale")
        XCTAssertEqual((summary["published"] as? [[String: Any]])?.first?["id"] as? String, "stations")
        XCTAssertEqual((summary["failed"] as? [Any])?.count, 0)
        XCTAssertEqual(space.latestTarget("stations"), "v3")
        XCTAssertTrue(result.stderr.contains("catalog build"), result.stderr)
    }

    /// Two releases sharing one root, each into its own public tree, at the same time: both succeed.
    func testTwoReleasesSharingARootWithDifferentPublicTrees() throws {
        try space.setPoints("stations", 50)
        for attempt in 0..<3 {
            let processes = try ["public-a", "public-b"].map { name -> (Process, URL) in
                let process = Process()
                process.executableURL = CLIRunner.binary
                process.arguments = ["release", "--force", "--public", space.root.appendingPathComponent(name).path]
                process.currentDirectoryURL = space.root
                let errors = space.root.appendingPathComponent("\(name)-\(attempt).err")
                _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
                process.standardOutput = FileHandle.nullDevice
                process.standardError = try FileHandle(forWritingTo: errors)
                try process.run()
                return (process, errors)
            }
            for (process, errors) in processes {
                process.waitUntilExit()
                let text = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
                XCTAssertEqual(process.terminationStatus, 0, "attempt \(attempt): \(text)")
                XCTAssertFalse(text.contains("internal error"), text)
            }
        }
    }
}
