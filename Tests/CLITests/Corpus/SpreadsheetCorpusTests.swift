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
        XCTAssertNil(workspace.publishedCSV("xlsx-truncated"), "no part of a truncated workbook is published")
    }

    /// GDAL reads a sheet whose XML breaks off as the rows before the break (here none) and only
    /// leaves an error behind: every command refuses the workbook, naming the sheet.
    func testXLSXWithBrokenSheetXML() throws {
        try workspace.runSource("broken-xml.xlsx", try data("broken-xml.xlsx"), id: "xlsx-broken-xml",
                                inspect: [2], validate: [2], cleanse: [2], publish: [1], mentions: ["broken-xml.xlsx", "sheet \"Sheet1\""])
        try workspace.expect(["publish", "xlsx-broken-xml"], exit: [1], mentions: ["xlsx-broken-xml", "broken-xml.xlsx", "sheet \"Sheet1\"", "xl/worksheets/sheet1.xml"])
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

    /// A header over two rows ("สถานที่" merged over A1:B1, "ค่า PM2.5" over C1:C2): refused until
    /// `source.headerRows: 2` is declared, then each column is named by its two cells.
    func testMergedHeaderCells() throws {
        try workspace.runSource("merged-header.xlsx", try data("merged-header.xlsx"), id: "xlsx-merged-header",
                                inspect: [0], validate: [0], cleanse: [2], publish: [1], mentions: ["merged-header.xlsx", "A1:B1", "headerRows: 2"])
        try workspace.expect(["publish", "xlsx-merged-header"], exit: [1], mentions: ["xlsx-merged-header", "sheet \"Sheet1\"", "A1:B1", "headerRows: 2"])
        let inspect = try workspace.expect(["inspect", workspace.path("merged-header.xlsx")], exit: [0])
        XCTAssertTrue(inspect.stdout.contains("A1:B1"), "inspect shows the sheet and warns: \(inspect.stdout)")

        try workspace.dataset("xlsx-merged-header", file: "merged-header.xlsx", sourceKeys: "headerRows: 2")
        try workspace.expect(["publish", "xlsx-merged-header"], exit: [0])
        let csv = try String(contentsOf: workspace.publicRoot.appendingPathComponent("xlsx-merged-header/latest/xlsx-merged-header.csv"), encoding: .utf8)
        XCTAssertEqual(csv, "สถานที่ ชื่อ,สถานที่ เขต,ค่า PM2.5\r\nสวนลุมพินี,ปทุมวัน,35\r\nสวนจตุจักร,จตุจักร,41\r\n")
    }

    /// The same workbook as another program may write its sheet: a namespace prefix on every element and
    /// a line break and tab between `mergeCell` and `ref`. The merges are read all the same.
    func testMergedHeaderCellsWrittenWithWhiteSpaceAndPrefixes() throws {
        let original = try data("merged-header.xlsx")
        let source = try workspace.write("merged-header-original.xlsx", original)
        let rewritten = workspace.path("merged-header-spaced.xlsx")
        let python = """
            import re, sys, zipfile
            source, target = sys.argv[1], sys.argv[2]
            with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
                for item in zin.infolist():
                    data = zin.read(item.filename)
                    if item.filename.startswith("xl/worksheets/"):
                        text = data.decode("utf-8")
                        text = re.sub(r"<(/?)(?!\\?)([A-Za-z])", r"<\\1x:\\2", text)
                        text = text.replace("<x:worksheet ", '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ', 1)
                        text = text.replace("<x:mergeCell ref=", "<x:mergeCell\\n\\tref=")
                        data = text.encode("utf-8")
                    zout.writestr(item, data)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", python, source, rewritten]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let sheet = try CLIRunner.run(["inspect", rewritten])
        XCTAssertTrue(sheet.stdout.contains("A1:B1"), "the merge is read from the rewritten sheet: \(sheet.stdout)")
        try workspace.dataset("xlsx-merged-spaced", file: "merged-header-spaced.xlsx")
        try workspace.copySource("xlsx-merged-spaced", from: rewritten)
        try workspace.expect(["publish", "xlsx-merged-spaced"], exit: [1], mentions: ["xlsx-merged-spaced", "A1:B1", "headerRows: 2"])
    }
}
