import Foundation
import LumpiniCatalogue
import XCTest

/// `catalog list --json` and `--csv` are written byte by byte from the index rows; they must read back
/// as the same datasets that `DatasetSummary` gives, whatever the titles hold.
final class DatasetListingTests: XCTestCase {
    var tree: CatalogueTestTree!

    override func setUpWithError() throws {
        tree = try CatalogueTestTree()
        let titles = [
            LocalizedText(th: "คุณภาพน้ำในคลอง", en: "Canal water quality"),
            LocalizedText(th: "ชื่อ", en: "A \"quoted\" title with a back\\slash,\na new line,\ta tab and a bell \u{07}\u{08}"),
            LocalizedText(th: "ฝุ่น PM2.5 \u{1F}", en: "Dust; \r\nreadings"),
            LocalizedText(th: "", en: "Café 🌧"),
        ]
        for (index, title) in titles.enumerated() {
            let metadata = CatalogueTestTree.metadata(
                id: "dataset-\(index)", th: title.th ?? "", en: title.en ?? "",
                highValue: index % 2 == 0 ? HighValue(flag: true, category: "geospatial") : HighValue(flag: false),
                updateFrequency: index == 1 ? .daily : .annual)
            try tree.release(metadata, releasedAt: Date(timeIntervalSinceNow: -Double(index) * 86_400 * 3))
        }
        try tree.build()
    }

    override func tearDown() {
        tree.remove()
    }

    func testTheJSONReadsBackAsTheSameDatasets() throws {
        let catalogue = try tree.open()
        let expected = try catalogue.list()
        XCTAssertEqual(expected.count, 4)
        XCTAssertEqual(expected.map(\.stale), [false, true, false, false])
        let json = try written { try DatasetListing.writeJSON(.list(), of: catalogue, to: &$0) }
        XCTAssertEqual(try JSONDecoder().decode([DatasetSummary].self, from: json), expected)
        XCTAssertEqual(String(decoding: json, as: UTF8.self), try JSONOutput.string(expected, pretty: false)
            .replacingOccurrences(of: "},{", with: "},\n{").replacingOccurrences(of: "[{", with: "[\n{")
            .replacingOccurrences(of: "}]", with: "}\n]"), "the same bytes as JSONOutput, an object a line")
        let searched = try written { try DatasetListing.writeJSON(try .search("quoted"), of: catalogue, to: &$0) }
        XCTAssertEqual(try JSONDecoder().decode([DatasetSummary].self, from: searched).map(\.id), ["dataset-1"])
        let none = try written { try DatasetListing.writeJSON(.list(DatasetFilter(limit: 0)), of: catalogue, to: &$0) }
        XCTAssertEqual(String(decoding: none, as: UTF8.self), "[]\n")
    }

    func testTheCSVHoldsEveryFieldQuotedWhereRFC4180AsksForIt() throws {
        let catalogue = try tree.open()
        let csv = String(decoding: try written { try DatasetListing.writeCSV(.list(), of: catalogue, to: &$0) }, as: UTF8.self)
        XCTAssertTrue(csv.hasPrefix(DatasetListing.csvHeader.joined(separator: ",") + "\r\n"))
        XCTAssertTrue(csv.contains(
            "dataset-1,ชื่อ,\"A \"\"quoted\"\" title with a back\\slash,\na new line,\ta tab and a bell \u{07}\u{08}\",ENV,environment,false,,public,"),
            csv)
        XCTAssertTrue(csv.contains(",\"Dust; \r\nreadings\",ENV,environment,true,geospatial,public,"), csv)
        XCTAssertTrue(csv.contains(",1,GeoJSON;CSV,daily,true,"), "formats joined by ;, and stale: \(csv)")
        XCTAssertEqual(csv.components(separatedBy: "\r\n").count, 1 + 4 + 1 + 1, "header, four rows, the row with a CRLF inside, end")
    }

    /// What the listing writes to a file.
    private func written(_ write: (inout BlockOutput) throws -> Void) throws -> Data {
        let file = tree.root.appendingPathComponent("output-\(UUID().uuidString)")
        XCTAssertTrue(FileManager.default.createFile(atPath: file.path, contents: nil))
        let handle = try FileHandle(forWritingTo: file)
        var output = BlockOutput(descriptor: handle.fileDescriptor)
        try write(&output)
        try handle.close()
        return try Data(contentsOf: file)
    }
}
