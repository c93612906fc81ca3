import Foundation
import XCTest

/// Paths and ids that would lead Lumpini out of its trees, and sources it must not fetch or follow:
/// all refused before GDAL opens anything.
final class PathCorpusTests: XCTestCase {
    var workspace: CorpusWorkspace!

    override func setUpWithError() throws {
        workspace = try CorpusWorkspace()
    }

    override func tearDown() {
        workspace = nil
    }

    /// A dataset whose source paths are `paths`, refused by every dataset command with the key.
    private func refusedSource(_ id: String, _ paths: [String], mentions: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        try workspace.dataset(id, sourcePaths: paths)
        let named = ["datasets/\(id)/dataset.yaml"] + mentions
        for command in ["check", "cleanse", "validate"] {
            try workspace.expect([command, id], exit: [2], mentions: named, file: file, line: line)
        }
        try workspace.expect(["publish", id], exit: [1], mentions: named, file: file, line: line)
    }

    func testParentAndAbsoluteSourcePaths() throws {
        try refusedSource("path-parent", ["../pm25-readings-sample/source/pm25.csv"], mentions: ["source.paths[0]", ".."])
        try refusedSource("path-absolute", ["/etc/passwd"], mentions: ["source.paths[0]", "absolute"])
    }

    func testRemoteSourcePaths() throws {
        let remote = ["/vsicurl/http://example.com/a.csv", "https://example.com/a.csv", "http://example.com/a.csv",
                      "/vsis3/bucket/a.csv", "/vsizip//vsicurl/http://example.com/a.zip/a.shp"]
        for (index, path) in remote.enumerated() {
            try refusedSource("path-remote-\(index)", [path], mentions: ["source.paths[0]", "remote"])
            try workspace.expect(["inspect", path], exit: [2], mentions: [path, "remote"])
        }
    }

    func testIdsThatAreNotSlugs() throws {
        for id in ["a/b", "..", "../datasets", "with space", "สวนลุมพินี", "UPPER"] {
            for command in ["check", "cleanse", "validate"] {
                try workspace.expect([command, id], exit: [2], mentions: ["\"\(id)\" is not a valid dataset id"])
            }
            try workspace.expect(["publish", id], exit: [2], mentions: [id])
        }
        let yaml = CorpusWorkspace.description(id: "สวน ลุมพินี", paths: ["source/data.csv"])
        try workspace.dataset("id-thai", yaml: yaml)
        try workspace.expect(["check", "id-thai"], exit: [2], mentions: ["datasets/id-thai/dataset.yaml", "id"])
    }

    func testASymbolicLinkInSourceLeadingOutside() throws {
        let outside = try workspace.write("outside.csv", Data("a,b\n1,2\n".utf8))
        let folder = try workspace.dataset("path-symlink", file: "data.csv")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("source/data.csv").path, withDestinationPath: outside)
        for command in ["check", "cleanse", "validate"] {
            try workspace.expect([command, "path-symlink"], exit: [2], mentions: ["source.paths[0]", "symbolic link"])
        }
        try workspace.expect(["publish", "path-symlink"], exit: [1], mentions: ["symbolic link"])
    }

    /// VRTs that read a file outside the dataset or a remote one, directly, under another name, with
    /// element names in any letter case (GDAL reads those too) after Thai text, or in a zip.
    func testVRTsLeadingElsewhere() throws {
        let absolute = "<OGRVRTDataSource><OGRVRTLayer name=\"p\"><SrcDataSource>CSV:/etc/passwd</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>"
        let remote = "<OGRVRTDataSource><OGRVRTLayer name=\"r\"><SrcDataSource relativeToVRT=\"1\">/vsicurl/http://example.com/a.csv</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>"
        let parent = "<OGRVRTDataSource><OGRVRTLayer name=\"u\"><SrcDataSource relativeToVRT=\"1\">../../pm25-readings-sample/source/pm25.csv</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>"
        let lowercase = "<ogrvrtdatasource><ogrvrtlayer name=\"l\"><srcdatasource>/etc/passwd</srcdatasource></ogrvrtlayer></ogrvrtdatasource>"
        let mixedCase = "<!-- ข้อมูลจุดตรวจวัดฝุ่น -->\n<OgrVrtDataSource><OGRVRTLayer name=\"m\"><SrcDataSource>/etc/passwd</SrcDataSource></OGRVRTLayer></OgrVrtDataSource>"
        let zip = try Data(contentsOf: CLIRunner.packageRoot.appendingPathComponent("Tests/Corpus/remote/vrt-in-zip.zip"))
        let cases: [(String, Data)] = [
            ("absolute.vrt", Data(absolute.utf8)), ("remote.vrt", Data(remote.utf8)), ("parent.vrt", Data(parent.utf8)),
            ("disguised.geojson", Data(absolute.utf8)), ("lowercase.vrt", Data(lowercase.utf8)),
            ("mixed-case.vrt", Data(mixedCase.utf8)), ("vrt-in-zip.zip", zip),
        ]
        for (index, (name, data)) in cases.enumerated() {
            let path = try workspace.write(name, data)
            try workspace.expect(["inspect", path], exit: [2], mentions: [name, "VRT"])
            let id = "vrt-\(index)"
            try workspace.dataset(id, file: name)
            try workspace.placeSource(id, name, data)
            try workspace.expect(["cleanse", id], exit: [2], mentions: [name, "VRT"])
            try workspace.expect(["publish", id], exit: [1], mentions: [id, "VRT"])
        }
    }
}
