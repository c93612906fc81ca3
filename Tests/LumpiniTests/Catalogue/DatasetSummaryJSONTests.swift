import Foundation
import LumpiniCatalogue
import XCTest

/// `catalog list --json` writes its array byte by byte; it must read back as the same datasets,
/// whatever the titles hold.
final class DatasetSummaryJSONTests: XCTestCase {
    func testTheFastJSONReadsBackAsTheSameDatasets() throws {
        let titles = [
            LocalizedText(th: "คุณภาพน้ำในคลอง", en: "Canal water quality"),
            LocalizedText(th: nil, en: "A \"quoted\" title with a back\\slash,\na new line,\ta tab and a bell \u{07}"),
            LocalizedText(th: "ฝุ่น PM2.5 \u{1F}", en: nil),
            LocalizedText(th: "", en: "Café 🌧"),
        ]
        let objects: [[String: Any]] = titles.enumerated().map { index, title in
            var object: [String: Any] = [
                "id": "dataset-\(index)", "title": ["th": title.th as Any, "en": title.en as Any].compactMapValues { $0 as? String },
                "publisher": "ENV", "theme": "environment", "highValue": index % 2 == 0, "classification": "public",
                "updated": "2026-11-26T20:30:00Z", "version": index + 1, "formats": index == 3 ? [] : ["GeoJSON", "CSV"],
                "updateFrequency": "monthly", "stale": index == 1, "qualityScore": 300 + index, "qualityRating": "good",
            ]
            if index % 2 == 0 { object["highValueCategory"] = "geospatial" }
            return object
        }
        let summaries = try JSONDecoder().decode([DatasetSummary].self, from: JSONSerialization.data(withJSONObject: objects))
        XCTAssertEqual(summaries.count, titles.count)
        let data = DatasetSummary.jsonArray(summaries)
        XCTAssertEqual(try JSONDecoder().decode([DatasetSummary].self, from: data), summaries)
        XCTAssertEqual(try JSONDecoder().decode([DatasetSummary].self, from: DatasetSummary.jsonArray([])), [])
    }
}
