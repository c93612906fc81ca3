import Foundation
import Lumpini
import XCTest

/// A public tree that cannot be written: on a read-only filesystem, or full. Needs root and
/// `mount -t tmpfs` (skipped otherwise); the test mounts a small tmpfs over a fresh public folder.
final class FilesystemCorpusTests: XCTestCase {
    var workspace: CorpusWorkspace!
    var mountPoint: URL?

    override func setUpWithError() throws {
        workspace = try CorpusWorkspace()
    }

    override func tearDown() {
        if let mountPoint { _ = Self.shell("/bin/umount", [mountPoint.path]) }
        workspace = nil
    }

    @discardableResult
    private static func shell(_ tool: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A tmpfs of `size` at a new folder, read-only when asked; skips when it cannot be mounted.
    private func mountPublicTree(size: String, readOnly: Bool) throws -> URL {
        try mountTmpfs(at: workspace.root.appendingPathComponent("mounted-public"), size: size, readOnly: readOnly)
    }

    private func mountTmpfs(at folder: URL, size: String, readOnly: Bool) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let options = "size=\(size)" + (readOnly ? ",ro" : "")
        guard getuid() == 0, Self.shell("/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", folder.path]) == 0 else {
            throw XCTSkip("mounting a tmpfs needs root and mount -t tmpfs; not available here")
        }
        mountPoint = folder
        return folder
    }

    /// The work folder on another file system than the datasets: the release's snapshot cannot hard-link
    /// the sources there and copies them instead; the version publishes as usual, with the hash of what it read.
    func testASnapshotOnAnotherFileSystemCopiesTheSources() throws {
        _ = try mountTmpfs(at: workspace.root.appendingPathComponent(".lumpini"), size: "64m", readOnly: false)
        let data = Data("code,value\nA,1\nB,2\n".utf8)
        try workspace.dataset("copied", file: "data.csv")
        try workspace.placeSource("copied", "data.csv", data)
        try workspace.expect(["publish", "copied"], exit: [0])
        let latest = workspace.publicRoot.appendingPathComponent("copied/latest")
        XCTAssertEqual(try String(contentsOf: latest.appendingPathComponent("copied.csv"), encoding: .utf8), "code,value\r\nA,1\r\nB,2\r\n")
        let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: latest.appendingPathComponent("manifest.json"))) as? [String: Any])
        let sources = ((manifest["inputs"] as? [String: Any])?["sources"] as? [[String: Any]]) ?? []
        XCTAssertEqual(sources.first { $0["path"] as? String == "source/data.csv" }?["sha256"] as? String, FileDigest.sha256(data))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: workspace.root.appendingPathComponent(".lumpini/snapshots").path), [],
                       "the snapshot is removed after the release")
    }

    func testAReadOnlyPublicTree() throws {
        let folder = try mountPublicTree(size: "1m", readOnly: true)
        try workspace.expect(["publish", workspace.publishedID, "--force", "--public", folder.path], exit: [2], mentions: [folder.path, "Read-only file system"])
    }

    func testAFullDisk() throws {
        let folder = try mountPublicTree(size: "64k", readOnly: false)
        let big = (0..<20_000).map { "\($0),ปทุมวัน,\(Double($0) * 1.5),ข้อความยาวพอที่จะทำให้ดิสก์เต็ม" }.joined(separator: "\n")
        try workspace.dataset("full-disk", file: "data.csv")
        try workspace.placeSource("full-disk", "data.csv", Data(("id,เขต,ค่า,หมายเหตุ\n" + big + "\n").utf8))
        // Whichever write meets the full disk first (a data file: the dataset fails, exit 1; the catalogue
        // index: the release stops, exit 2) says so and names the file.
        let result = try workspace.expect(["publish", "full-disk", "--public", folder.path], exit: [1, 2], mentions: [folder.path])
        let output = result.stdout + result.stderr
        XCTAssertTrue(output.contains("No space left on device") || output.contains("disk is full"), output)
        let left = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(".lumpini/staging").path)) ?? []
        XCTAssertEqual(left, [], "the failed version's staging folder must be removed")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("full-disk/latest").path))
    }
}
