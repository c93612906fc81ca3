import Foundation
import XCTest

/// Broken spreadsheets (files in `Tests/Corpus/spreadsheets/`, written by `make-corpus-files.py`).
final class SpreadsheetCorpusTests: XCTestCase {
    var workspace: CorpusWorkspace!
    let corpus = CLIRunner.packageRoot.appendingPathComponent("Tests/Corpus/spreadsheets")

    override func setUpWithError() throws {
        workspace = try CorpusWorkspace()
    }

    override func tearDown() {
        workspace = nil
    }

    private func data(_ name: String) throws -> Data {
        try Data(contentsOf: corpus.appendingPathComponent(name))
    }

    func testTruncatedXLSX() throws {
        try workspace.runSource("truncated.xlsx", try data("truncated.xlsx"), id: "xlsx-truncated",
                                inspect: [2], validate: [2], cleanse: [2], publish: [1])
    }

    /// Known problem: GDAL reads a sheet whose XML breaks off as an empty table (Tests/Corpus/README.md).
    func testXLSXWithBrokenSheetXML() throws {
        try workspace.runSource("broken-xml.xlsx", try data("broken-xml.xlsx"), id: "xlsx-broken-xml",
                                inspect: [0], validate: [0], cleanse: [0], publish: [1])
    }

    func testPasswordProtectedXLSX() throws {
        try workspace.runSource("encrypted.xlsx", try data("encrypted.xlsx"), id: "xlsx-encrypted",
                                inspect: [2], validate: [2], cleanse: [2], publish: [1], mentions: ["encrypted.xlsx", "password-protected"])
    }

    func testASheetThatDoesNotExist() throws {
        let path = try workspace.write("good.xlsx", try data("good.xlsx"))
        try workspace.expect(["inspect", path, "--layer", "ไม่มีชีตนี้"], exit: [2], mentions: ["good.xlsx", "ไม่มีชีตนี้"])
        try workspace.dataset("xlsx-missing-sheet", file: "good.xlsx", sourceKeys: "layer: ไม่มีชีตนี้")
        try workspace.placeSource("xlsx-missing-sheet", "good.xlsx", try data("good.xlsx"))
        try workspace.expect(["cleanse", "xlsx-missing-sheet"], exit: [2], mentions: ["good.xlsx", "ไม่มีชีตนี้"])
        try workspace.expect(["publish", "xlsx-missing-sheet"], exit: [1], mentions: ["xlsx-missing-sheet", "ไม่มีชีตนี้"])
    }

    /// Known problem: the merged cells' second header row is read as data (Tests/Corpus/README.md).
    func testMergedHeaderCells() throws {
        try workspace.runSource("merged-header.xlsx", try data("merged-header.xlsx"), id: "xlsx-merged-header",
                                inspect: [0], validate: [0], cleanse: [0], publish: [0])
    }
}
