import XCTest
@testable import LumpiniSite

/// What a dataset page reads from a version's files: a CSV cell's line breaks kept as they are, an
/// indicator's districts ranked and classed, and the search index split into shards that a search can
/// read one by one.
final class SiteDataTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lumpini-site-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func csv(_ text: String) throws -> URL {
        let url = folder.appendingPathComponent("data.csv")
        try Data(text.utf8).write(to: url)
        return url
    }

    func testACRLFInsideACellStaysACRLFInThePage() throws {
        let rows = try FirstRows(csv: csv("name,note\r\na,\"first line\r\nsecond line\"\r\nb,plain\r\n"), limit: 10)
        XCTAssertEqual(rows.header, ["name", "note"])
        XCTAssertEqual(rows.rows, [["a", "first line\r\nsecond line"], ["b", "plain"]])
        // A browser reads a bare CR in text as a line feed; the character reference keeps it.
        XCTAssertEqual(HTML.text("first line\r\nsecond line"), "first line&#13;\nsecond line")
    }

    func testAnIndicatorsDistrictsAreRankedHighestFirstWithNoDataLast() throws {
        var text = "district_code,district_th,district_en,value,unit,year,n,note\r\n"
        let values = ["12.5", "", "3", "40.25", "7", "7", "", "21"]
        for (index, value) in values.enumerated() {
            text += "\(1001 + index),เขต\(index),District \(index),\(value),µg/m³,2024,\(value.isEmpty ? "" : "3"),\(value.isEmpty ? "\"no station\r\nin the district\"" : "")\r\n"
        }
        let table = try XCTUnwrap(IndicatorTable(FirstRows(csv: csv(text), limit: IndicatorTable.rowsRead)))
        XCTAssertEqual(table.unit, "µg/m³")
        XCTAssertEqual(table.year, "2024")
        XCTAssertEqual(table.districts.map(\.code), ["1004", "1008", "1001", "1005", "1006", "1003", "1002", "1007"])
        XCTAssertEqual(table.districts.last?.value, nil)
        XCTAssertEqual(table.districts.last?.note, "no station\r\nin the district")
        XCTAssertEqual(table.minimum, 3)
        // Six values in five classes by quantile: the lowest two share the first (both 7 or less), and the
        // class that would end at 7 again is dropped; the top one ends at the largest value.
        XCTAssertEqual(table.breaks, [7, 12.5, 21, 40.25])
        let palette = IndicatorTable.palette
        XCTAssertEqual(table.colors, [palette[0], palette[1], palette[2], palette[4]], "the lightest and the darkest are kept")
        XCTAssertNil(IndicatorTable(try FirstRows(csv: csv("district_code,population\r\n1001,5\r\n"), limit: IndicatorTable.rowsRead)), "no value column: not an indicator")
    }

    func testTheSearchIndexIsSplitAndEveryTrigramIsInTheShardThatNamesIt() throws {
        let entries = try (0..<450).map { number -> SearchIndexEntry in
            let words = number == 7 ? "ค่าฝุ่น pm2.5 รายวัน" : "สวนสาธารณะ parks \(number)"
            let json = #"{"id":"d\#(String(format: "%03d", number))","title":{"th":"ชุด","en":"set"},"publisher":"p","theme":"t","formats":["CSV"],"updated":"2026","ft":"\#(words)","fk":"","fd":"daily readings"}"#
            return try JSONDecoder().decode(SearchIndexEntry.self, from: Data(json.utf8))
        }
        let index = SearchIndex(entries: entries)
        let files = Dictionary(uniqueKeysWithValues: try index.files())
        XCTAssertEqual(index.docShards, 3)
        XCTAssertEqual(files.count, 3 + SearchIndex.gramShards)
        let third = try JSONDecoder().decode([SearchIndexEntry].self, from: XCTUnwrap(files["\(SearchIndex.folder)/docs-2.json"]))
        XCTAssertEqual(third.map(\.id).first, "d400")
        XCTAssertEqual(third.count, 50)
        // The trigrams of ฝุ่น lead to dataset 7 alone.
        let word = Array("ฝุ่น".unicodeScalars.map(\.value))
        var found: Set<Int>?
        for start in 0...(word.count - 3) {
            let gram = String(String.UnicodeScalarView(word[start..<(start + 3)].compactMap { Unicode.Scalar($0) }))
            let shard = try XCTUnwrap(files["\(SearchIndex.folder)/grams-\(SearchIndex.shard(word[start..<(start + 3)])).json"])
            let postings = try XCTUnwrap(JSONSerialization.jsonObject(with: shard) as? [String: [Int]])
            var at = 0
            let documents = Set(try XCTUnwrap(postings[gram], gram).map { at += $0; return at })
            found = found.map { $0.intersection(documents) } ?? documents
        }
        XCTAssertEqual(found, [7])
    }
}
