import Foundation
import XCTest

/// Broken CSV files through inspect, validate, cleanse and publish (issue 8's list), with the exit code
/// each command must give; what is still wrong is listed in `Tests/Corpus/README.md` (known problems).
final class CSVCorpusTests: XCTestCase {
    var workspace: CorpusWorkspace!

    override func setUpWithError() throws {
        workspace = try CorpusWorkspace()
    }

    override func tearDown() {
        workspace = nil
    }

    func testRaggedRows() throws {
        try workspace.runSource("ragged.csv", Data("a,b,c\n1,2\n3,4,5,6\n7,8,9\n".utf8), id: "csv-ragged",
                                inspect: [0], validate: [1], cleanse: [0], publish: [0])
        // The short row is padded and kept; the long one is set aside, its extra cell named, not dropped.
        XCTAssertEqual(workspace.publishedCSV("csv-ragged"), "a,b,c\r\n1,2,\r\n7,8,9\r\n")
        XCTAssertEqual(workspace.quarantineReasons("csv-ragged").count, 1)
    }

    /// A column named "a;b;c" means the file is not separated as declared: refused before anything
    /// is written, naming the file, the column and the separator to declare.
    func testWrongDelimiter() throws {
        try workspace.runSource("semicolon.csv", Data("a;b;c\n1;2;3\n4;5;6\n".utf8), id: "csv-wrong-delimiter",
                                sourceKeys: "delimiter: \"|\"", inspect: [0], validate: [0], cleanse: [2], publish: [1],
                                mentions: ["semicolon.csv"])
        try workspace.expect(["cleanse", "csv-wrong-delimiter"], exit: [2], mentions: ["a;b;c", "source.delimiter"])
    }

    func testMixedDelimiters() throws {
        try workspace.runSource("mixed-delimiters.csv", Data("a,b;c\n1;2,3\n4,5;6\n".utf8), id: "csv-mixed-delimiters",
                                inspect: [0], validate: [0], cleanse: [2], publish: [1], mentions: ["mixed-delimiters.csv"])
    }

    /// A `;` in a column name that is not a CSV's (a GeoJSON property) is a name like any other: it is
    /// published as it is, read back, and a second version compares with the first.
    func testASeparatorInAGeoJSONPropertyName() throws {
        let feature = #"{"type":"Feature","properties":{"a;b;c":"x"},"geometry":{"type":"Point","coordinates":[100.5,13.7]}}"#
        try workspace.runSource("semicolon-property.geojson", Data((#"{"type":"FeatureCollection","features":["# + feature + "]}").utf8),
                                id: "geo-semicolon-property", inspect: [0], validate: [0], cleanse: [0], publish: [0])
        let csv = try String(contentsOf: workspace.publicRoot.appendingPathComponent("geo-semicolon-property/latest/geo-semicolon-property.csv"), encoding: .utf8)
        XCTAssertTrue(csv.hasPrefix("a;b;c,"), csv)
        try workspace.expect(["publish", "geo-semicolon-property", "--force"], exit: [0])
        let changelog = try String(contentsOf: workspace.publicRoot.appendingPathComponent("geo-semicolon-property/v2/changelog.json"), encoding: .utf8)
        XCTAssertTrue(changelog.contains("\"unchanged\" : 1"), changelog)
    }

    func testUnbalancedQuotes() throws {
        try workspace.runSource("unbalanced.csv", Data("a,b\n\"1,2\n3,4\n5,6\n".utf8), id: "csv-unbalanced-quotes",
                                inspect: [2], validate: [1], cleanse: [2], publish: [1])
        XCTAssertNil(workspace.publishedCSV("csv-unbalanced-quotes"), "nothing of a file whose quotes never close is published")
    }

    func testAFieldOf50MB() throws {
        var data = Data("a,b\n".utf8)
        data.append(Data(repeating: UInt8(ascii: "x"), count: 50 << 20))
        data.append(Data(",1\n2,3\n".utf8))
        try workspace.runSource("field-50mb.csv", data, id: "csv-field-50mb", inspect: [0], validate: [0], cleanse: [0], publish: [0])
        let csv = try Data(contentsOf: workspace.publicRoot.appendingPathComponent("csv-field-50mb/latest/csv-field-50mb.csv"))
        XCTAssertEqual(csv.count, "a,b\r\n".utf8.count + (50 << 20) + ",1\r\n2,3\r\n".utf8.count)
        // The next version reads this one back for its changelog.
        try workspace.expect(["publish", "csv-field-50mb", "--force"], exit: [0])
        let changelog = try String(contentsOf: workspace.publicRoot.appendingPathComponent("csv-field-50mb/v2/changelog.json"), encoding: .utf8)
        XCTAssertTrue(changelog.contains("\"unchanged\" : 2"), changelog)
    }

    func testALineOfAMillionColumns() throws {
        var header = (1...1_000_000).map { "c\($0)" }.joined(separator: ",")
        header += "\n" + String(repeating: "1,", count: 999_999) + "1\n"
        try workspace.runSource("columns-1m.csv", Data(header.utf8), id: "csv-columns-1m", inspect: [0], validate: [0], cleanse: [0], publish: [0])
        let readme = try String(contentsOf: workspace.publicRoot.appendingPathComponent("csv-columns-1m/latest/README.md"), encoding: .utf8)
        XCTAssertTrue(readme.contains("CSV: Lumpini's RFC 4180 CSV reader"), "more columns than GDAL 3.6 reads")
    }

    /// Refused at ingest (the reference tool reads NUL as text, so `validate` passes it).
    func testNULBytes() throws {
        try workspace.runSource("nul.csv", Data("a,b\n1,x\0\0y\n\0,2\n".utf8), id: "csv-nul",
                                inspect: [2], validate: [0], cleanse: [2], publish: [1], mentions: ["nul.csv:2", "field \"b\"", "NUL byte"])
        try workspace.expect(["publish", "csv-nul"], exit: [1], mentions: ["csv-nul", "nul.csv:2", "field \"b\"", "NUL byte"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.publicRoot.appendingPathComponent("csv-nul/latest").path))
    }

    private let thaiTable = "ชื่อสวน,เขต\nสวนลุมพินี,ปทุมวัน\nสวนจตุจักร,จตุจักร\n"

    private func utf16LE(_ text: String) -> Data {
        var data = Data()
        for unit in text.utf16 { data.append(UInt8(unit & 0xFF)); data.append(UInt8(unit >> 8)) }
        return data
    }

    func testUTF16WithBOM() throws {
        try workspace.runSource("utf16-bom.csv", Data([0xFF, 0xFE]) + utf16LE(thaiTable), id: "csv-utf16-bom",
                                inspect: [0], validate: [0], cleanse: [0], publish: [0])
        XCTAssertEqual(workspace.publishedCSV("csv-utf16-bom"), thaiTable.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    func testUTF16WithoutBOM() throws {
        try workspace.runSource("utf16-nobom.csv", utf16LE(thaiTable), id: "csv-utf16-nobom",
                                inspect: [0], validate: [0], cleanse: [0], publish: [0])
        XCTAssertEqual(workspace.publishedCSV("csv-utf16-nobom"), thaiTable.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    /// Found by FuzzCSVReader: a UTF-16 file with an odd number of bytes made the CSV reader wait for
    /// the missing byte for ever (validate, cleanse and publish hung).
    func testUTF16WithAnOddByteCount() throws {
        var data = Data([0xFF, 0xFE]) + utf16LE("a\tb\n1\t2\n")
        data.append(0x33)
        try workspace.runSource("utf16-odd.tsv", data, id: "csv-utf16-odd", sourceKeys: "delimiter: \"\\t\"",
                                inspect: [2], validate: [1], cleanse: [2], publish: [1], validateOptions: ["--delimiter", "tab"])
        try workspace.expect(["cleanse", "csv-utf16-odd"], exit: [2], mentions: ["utf16-odd.tsv", "truncated data"])
    }

    func testInvalidUTF8DeclaredUTF8() throws {
        var data = Data("ชื่อ,ค่า\nสวน,1\n".utf8)
        data.append(contentsOf: [0xC3, 0x28, 0x2C, 0x32, 0x0A, 0xFF, 0xFE, 0x2C, 0x33, 0x0A])
        try workspace.runSource("invalid-utf8.csv", data, id: "csv-invalid-utf8", sourceKeys: "encoding: UTF-8",
                                inspect: [0], validate: [1], cleanse: [2], publish: [1], validateOptions: ["--encoding", "UTF-8"])
        try workspace.expect(["cleanse", "csv-invalid-utf8"], exit: [2], mentions: ["invalid-utf8.csv:3", "0xC3", "not valid utf-8"])
    }

    func testMixedLineEndings() throws {
        try workspace.runSource("line-endings.csv", Data("a,b\r\n1,2\n3,4\r5,6\r\n".utf8), id: "csv-line-endings",
                                inspect: [0], validate: [0], cleanse: [0], publish: [0])
        XCTAssertEqual(workspace.publishedCSV("csv-line-endings"), "a,b\r\n1,2\r\n3,4\r\n5,6\r\n", "every line ending ends a row")
    }

    func testEmptyFile() throws {
        try workspace.runSource("empty.csv", Data(), id: "csv-empty", inspect: [2], validate: [1], cleanse: [2], publish: [1])
        XCTAssertNil(workspace.publishedCSV("csv-empty"))
    }

    func testHeaderOnly() throws {
        try workspace.runSource("header-only.csv", Data("a,b,c\n".utf8), id: "csv-header-only",
                                inspect: [0], validate: [0], cleanse: [0], publish: [0])
        XCTAssertEqual(workspace.publishedCSV("csv-header-only"), "a,b,c\r\n", "a table without rows is published as its header")
    }

    func testDuplicateHeaders() throws {
        try workspace.runSource("duplicate-headers.csv", Data("a,a,b\n1,2,3\n".utf8), id: "csv-duplicate-headers",
                                inspect: [0], validate: [1], cleanse: [2], publish: [1])
        try workspace.expect(["cleanse", "csv-duplicate-headers"], exit: [2], mentions: ["duplicate-headers.csv", "column 2", "\"a\" like column 1"])
        try workspace.expect(["publish", "csv-duplicate-headers"], exit: [1], mentions: ["csv-duplicate-headers", "column 2", "\"a\" like column 1"])
        // Renaming the first "a" in the recipe is what the message suggests; then it publishes.
        try workspace.dataset("csv-duplicate-headers", file: "duplicate-headers.csv", extra: "recipe:\n  - step: rename-columns\n    map: {a: a_first}\n")
        try workspace.expect(["publish", "csv-duplicate-headers"], exit: [0])
    }

    func testBlankHeaders() throws {
        try workspace.runSource("blank-headers.csv", Data("a,,b\n1,2,3\n".utf8), id: "csv-blank-headers",
                                inspect: [0], validate: [1], cleanse: [2], publish: [1])
        try workspace.expect(["cleanse", "csv-blank-headers"], exit: [2], mentions: ["blank-headers.csv", "column 2", "no name"])
        try workspace.expect(["publish", "csv-blank-headers"], exit: [1], mentions: ["csv-blank-headers", "column 2", "no name"])
    }
}
