import Foundation
@testable import LumpiniPublish
import XCTest

/// `RecordBoundaryScan`'s invariants on files larger than its 1 MiB read buffer, written as the
/// writers write them: records counted, the prefix cut exactly after the first `keep` records, and a
/// file that ends inside quotes or before the collection closes seen as not closed.
final class RecordBoundaryScanTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lumpini-scan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(_ text: String, _ name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// RFC 4180 rows as `CSVRowEncoder` writes them: CRLF ends, cells with a comma, quote or line break
    /// quoted, quotes doubled.
    private func csvRows(count: Int, seed: UInt64) -> [String] {
        var random = SeededRandom(seed: seed)
        let cells = ["a", "สวน", "x,y", "say \"hi\"", "line\nbreak", "cr\r\nlf", "\"", ""]
        return (0..<count).map { _ in
            (0..<3).map { _ -> String in
                let cell = cells.randomElement(using: &random)!
                let quoted = cell.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
                return quoted ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
            }.joined(separator: ",") + "\r\n"
        }
    }

    func testCSVRecordsArePerLineEndOutsideQuotesWhereverBuffersEnd() throws {
        let header = "a,b,c\r\n"
        let rows = csvRows(count: 120_000, seed: 7)
        let text = header + rows.joined()
        XCTAssertGreaterThan(text.utf8.count, 2 << 20)
        let scan = try RecordBoundaryScan(path: try write(text, "rows.csv"), layout: .csv, keep: 5)
        XCTAssertEqual(scan.records, rows.count)
        XCTAssertTrue(scan.closed)
        XCTAssertEqual(scan.prefix, Array((header + rows.prefix(5).joined()).utf8))

        // Cut inside a quoted cell holding a line break: not closed, and the open record is not counted.
        let open = header + rows.prefix(3).joined() + "x,\"line\nbre"
        let cut = try RecordBoundaryScan(path: try write(open, "cut.csv"), layout: .csv, keep: 5)
        XCTAssertFalse(cut.closed)
        XCTAssertEqual(cut.records, 3)
    }

    func testGeoJSONRecordsAreLinesBetweenTheOpeningAndTheClosingLine() throws {
        let features = (0..<40_000).map { index in
            #"{"type":"Feature","properties":{"name":"สวน \#(index) \"q\" \n","code":"A\#(index)"},"geometry":{"type":"Point","coordinates":[100.5,13.7]}}"#
        }
        let opening = "{\"type\":\"FeatureCollection\",\"features\":[\n"
        let text = opening + features.joined(separator: ",\n") + "\n]}\n"
        XCTAssertGreaterThan(text.utf8.count, 2 << 20)
        let scan = try RecordBoundaryScan(path: try write(text, "features.geojson"), layout: .geoJSONLines, keep: 2)
        XCTAssertEqual(scan.records, features.count)
        XCTAssertTrue(scan.closed)
        XCTAssertEqual(scan.prefix, Array((opening + features[0] + ",\n" + features[1] + ",\n").utf8))
        let sample = String(decoding: scan.sampleDocument(.geoJSONLines), as: UTF8.self)
        XCTAssertEqual(sample, opening + features[0] + ",\n" + features[1] + "\n]}\n")

        let truncated = opening + features.prefix(10).joined(separator: ",\n") + ",\n"
        XCTAssertFalse(try RecordBoundaryScan(path: try write(truncated, "cut.geojson"), layout: .geoJSONLines, keep: 2).closed)
    }
}
