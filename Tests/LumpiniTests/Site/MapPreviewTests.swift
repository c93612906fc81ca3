import XCTest
@testable import LumpiniSite

/// The map's preview layer stays within its budget whatever the size of the data, and says what it kept.
final class MapPreviewTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lumpini-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A GeoJSON as Lumpini writes it: one feature per line, geometry before properties.
    private func geojson(_ features: [String]) throws -> (URL, Int) {
        let text = "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n],\"bbox\":[100,13,101,14]}\n"
        let url = folder.appendingPathComponent("data.geojson")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return (url, text.utf8.count)
    }

    private func point(_ index: Int) -> String {
        "{\"type\":\"Feature\",\"id\":\(index),\"geometry\":{\"type\":\"Point\",\"coordinates\":[100.5,13.7]},\"properties\":{\"name\":\"geometry\\\":null,\"}}"
    }

    func testASmallLayerIsKeptWholeButForFeaturesWithoutGeometry() throws {
        let nothing = "{\"type\":\"Feature\",\"id\":9,\"geometry\":null,\"properties\":{\"name\":\"x\"}}"
        let (file, size) = try geojson((0..<5).map(point) + [nothing])
        let output = folder.appendingPathComponent("preview.geojson")
        let preview = try MapPreview.write(from: file, size: size, to: output, budget: 2_000_000, writer: SiteFileWriter())
        XCTAssertEqual(preview.features, 5)
        XCTAssertEqual(preview.publishedFeatures, 6)
        XCTAssertEqual(preview.sampleStep, 1)
        let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any])
        XCTAssertEqual((parsed["features"] as? [Any])?.count, 5)
    }

    func testALargeLayerIsSampledUnderTheBudget() throws {
        let (file, size) = try geojson((0..<20_000).map(point))
        let output = folder.appendingPathComponent("preview.geojson")
        let preview = try MapPreview.write(from: file, size: size, to: output, budget: 200_000, writer: SiteFileWriter())
        XCTAssertLessThanOrEqual(try Data(contentsOf: output).count, 200_000)
        XCTAssertGreaterThan(preview.sampleStep, 1)
        XCTAssertTrue(preview.isPartial)
        let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any])
        XCTAssertEqual((parsed["features"] as? [Any])?.count, preview.features)
    }

    /// A point over its share of the budget keeps its place, written with sorted keys, its long text cut
    /// for the popup and its short one kept whole; the points under their share are kept as they are.
    func testPointsOverTheirShareKeepTheirPlaceAndLoseOnlyLongTexts() throws {
        let long = String(repeating: "ถนน", count: 150)
        let features = (0..<4).map { index in
            "{\"type\":\"Feature\",\"id\":\(index),\"geometry\":{\"type\":\"Point\",\"coordinates\":[100.5,13.\(index)]},"
                + "\"properties\":{\"name\":\"\(index == 0 ? long : "ท่าเรือ")\",\"note\":\"\(String(repeating: "x", count: 150))\"}}"
        }
        let (file, size) = try geojson(features)
        let output = folder.appendingPathComponent("preview.geojson")
        // Room for every feature, and a share of it that only the one with the long text is over.
        let preview = try MapPreview.write(from: file, size: size, to: output, budget: size * 10 / 9 + 1, writer: SiteFileWriter())
        XCTAssertEqual(preview.sampleStep, 1)
        XCTAssertTrue(preview.simplified)
        let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any])
        let kept = try XCTUnwrap(parsed["features"] as? [[String: Any]])
        XCTAssertEqual(kept.count, 4)
        for (index, feature) in kept.enumerated() {
            XCTAssertEqual((feature["geometry"] as? [String: Any])?["coordinates"] as? [Double], [100.5, Double("13.\(index)")!])
            let properties = try XCTUnwrap(feature["properties"] as? [String: Any])
            XCTAssertEqual(properties["name"] as? String, index == 0 ? String(long.prefix(MapPreview.textShown)) + "…" : "ท่าเรือ")
            XCTAssertEqual((properties["note"] as? String)?.count, 150)
        }
        let lines = try String(contentsOf: output, encoding: .utf8).split(separator: "\n")
        XCTAssertTrue(lines[1].hasPrefix(#"{"geometry":{"coordinates":[100.5,13],"type":"Point"},"id":0,"properties":{"#), String(lines[1].prefix(120)))
        XCTAssertEqual(lines[2], Substring(features[1] + ","))
    }

    func testOneHugePolygonIsSimplifiedUnderTheBudget() throws {
        let ring = (0...20_000).map { index -> String in
            let angle = Double(index) / 20_000 * 2 * .pi
            return "[\(100.5 + 0.1 * cos(angle)),\(13.7 + 0.1 * sin(angle))]"
        }
        let polygon = "{\"type\":\"Feature\",\"id\":1,\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[\(ring.joined(separator: ","))]]},\"properties\":{}}"
        let (file, size) = try geojson([polygon])
        let output = folder.appendingPathComponent("preview.geojson")
        let preview = try MapPreview.write(from: file, size: size, to: output, budget: 50_000, writer: SiteFileWriter())
        XCTAssertEqual(preview.features, 1)
        XCTAssertTrue(preview.simplified)
        XCTAssertLessThanOrEqual(try Data(contentsOf: output).count, 50_000)
        let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any])
        let feature = try XCTUnwrap((parsed["features"] as? [[String: Any]])?.first)
        let rings = try XCTUnwrap((feature["geometry"] as? [String: Any])?["coordinates"] as? [[[Double]]])
        XCTAssertGreaterThanOrEqual(rings[0].count, 4)
        XCTAssertEqual(rings[0].first, rings[0].last, "the ring stays closed")
    }

    func testFirstRowsReadQuotedCellsAcrossLines() throws {
        let csv = folder.appendingPathComponent("data.csv")
        try "\u{FEFF}name,note\r\n\"a, b\",\"say \"\"hi\"\"\"\r\nc,\"two\r\nlines\"\r\nd,e\r\n".write(to: csv, atomically: true, encoding: .utf8)
        let rows = try FirstRows(csv: csv, limit: 2)
        XCTAssertEqual(rows.header, ["name", "note"])
        XCTAssertEqual(rows.rows, [["a, b", "say \"hi\""], ["c", "two\r\nlines"]])
    }
}
