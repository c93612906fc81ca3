import Foundation
import XCTest

/// Malformed `dataset.yaml`: every dataset command refuses it with the file, the key and the line.
final class YAMLCorpusTests: XCTestCase {
    var workspace: CorpusWorkspace!

    override func setUpWithError() throws {
        workspace = try CorpusWorkspace()
    }

    override func tearDown() {
        workspace = nil
    }

    /// A dataset whose description is `yaml` (with a good CSV source), run through check, cleanse,
    /// validate and publish: each refuses it (exit 2; publish counts a failed dataset: exit 1).
    private func refused(_ id: String, _ yaml: String, mentions: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        try workspace.dataset(id, yaml: yaml)
        try workspace.placeSource(id, "data.csv", Data("เขต,ค่า\nปทุมวัน,1\n".utf8))
        let named = ["datasets/\(id)/dataset.yaml"] + mentions
        for command in ["check", "cleanse", "validate"] {
            try workspace.expect([command, id], exit: [2], mentions: named, file: file, line: line)
        }
        try workspace.expect(["publish", id], exit: [1], mentions: named, file: file, line: line)
    }

    private func base(_ id: String) -> String {
        CorpusWorkspace.description(id: id, paths: ["source/data.csv"])
    }

    func testUnknownKey() throws {
        try refused("yaml-unknown-key", base("yaml-unknown-key") + "titel: {th: ผิด, en: typo}\n", mentions: ["titel"])
    }

    func testWrongType() throws {
        let yaml = base("yaml-wrong-type").replacingOccurrences(of: "classification: public", with: "classification: [public]")
        try refused("yaml-wrong-type", yaml, mentions: ["classification"])
    }

    func testBillionLaughs() throws {
        var yaml = base("yaml-laughs") + "gdCatalog:\n  a: &a \"lol\"\n"
        var previous = "a"
        for level in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            yaml += "  \(level): &\(level) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ",") + "]\n"
            previous = level
        }
        try refused("yaml-laughs", yaml, mentions: [])
    }

    func testAHundredMegabyteFile() throws {
        var yaml = base("yaml-huge") + "# "
        yaml += String(repeating: "ข้อมูลทดสอบ ", count: 100_000_000 / 34)
        yaml += "\n"
        try refused("yaml-huge", yaml, mentions: [])
    }

    func testTabsInIndentation() throws {
        let yaml = base("yaml-tabs").replacingOccurrences(of: "  paths:", with: "\tpaths:")
        try refused("yaml-tabs", yaml, mentions: [])
    }

    func testDuplicateKeys() throws {
        try refused("yaml-duplicate-keys", base("yaml-duplicate-keys") + "theme: health\n", mentions: ["theme"])
    }
}
