import Foundation
import GDAL
@testable import Lumpini
@testable import LumpiniPublish
import XCTest

/// The read-back of large files: records counted from the bytes, the leading records read by GDAL
/// (forced here by a limit of 0 bytes, so the test stays small).
final class LargeFileReadBackTests: XCTestCase {
    private var folder: URL!
    private let table = OutputTable(
        fields: [OutputField(name: "code", type: .integer), OutputField(name: "note"), OutputField(name: "pm25", type: .number)],
        primaryKey: ["code"], geometryType: .point
    )

    override func setUpWithError() throws {
        folder = try Fixtures.temporaryDirectory()
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    private func records() throws -> [Record] {
        try (1...60).map { index in
            let note = index % 7 == 0 ? "สถานี \"\(index)\",\r\nสองบรรทัด" : "สถานี \(index)"
            return Record(rowNumber: index + 1, values: [String(index), note, "\(index).5"], geometry: try Geometry(x: 100.5 + Double(index) / 1000, y: 13.7))
        }
    }

    func testCountsFromTheBytesAndGDALReadsTheLeadingRecords() throws {
        let geoJSONPath = folder.appendingPathComponent("big.geojson").path
        let csvPath = folder.appendingPathComponent("big.csv").path
        let geoJSON = try GeoJSONWriter(path: geoJSONPath, table: table)
        let csv = try CSVWriter(path: csvPath, encoder: CSVRowEncoder(table: table), byteOrderMark: true)
        let check = ReadBackCheck(table: table, fullCheckLimit: 0)
        for record in try records() {
            try geoJSON.write(record)
            try csv.write(record)
            try check.observe(record)
        }
        _ = try geoJSON.finish()
        _ = try csv.finish()

        try check.check(geoJSON: geoJSONPath, csv: nil, count: 60)
        try check.check(geoJSON: nil, csv: csvPath, count: 60)
        for (path, isGeoJSON) in [(geoJSONPath, true), (csvPath, false)] {
            XCTAssertThrowsError(try isGeoJSON ? check.check(geoJSON: path, csv: nil, count: 61) : check.check(geoJSON: nil, csv: path, count: 61)) { error in
                XCTAssertEqual((error as? LumpiniError)?.code, "read-back-mismatch")
            }
        }

        // Both at once, as a release checks them, each on a thread of its own: a CSV that lost its last row fails.
        try check.check(geoJSON: geoJSONPath, csv: csvPath, count: 60)
        let csvBytes = try Data(contentsOf: URL(fileURLWithPath: csvPath))
        try csvBytes.prefix(through: try XCTUnwrap(csvBytes.lastIndex(of: 0x0A, before: csvBytes.count - 1))).write(to: URL(fileURLWithPath: csvPath))
        XCTAssertThrowsError(try check.check(geoJSON: geoJSONPath, csv: csvPath, count: 60)) { error in
            XCTAssertEqual((error as? LumpiniError)?.file, "big.csv")
        }

        // A GeoJSON cut short (its closing line lost) is caught even when the count of lines happens to fit;
        // with the CSV failing too, the GeoJSON's failure is the one reported, as when they ran one after the other.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: geoJSONPath))
        bytes.removeLast(bytes.count - (bytes.lastIndex(of: 0x0A, before: bytes.count - 1) ?? 0) - 1)
        bytes.append(contentsOf: Array("{\"type\":\"Feature\"}\n".utf8))
        try bytes.write(to: URL(fileURLWithPath: geoJSONPath))
        XCTAssertThrowsError(try check.check(geoJSON: geoJSONPath, csv: nil, count: 60))
        XCTAssertThrowsError(try check.check(geoJSON: geoJSONPath, csv: csvPath, count: 60)) { error in
            XCTAssertEqual((error as? LumpiniError)?.file, "big.geojson")
        }
    }
}

private extension Data {
    func lastIndex(of byte: UInt8, before end: Int) -> Int? {
        var index = end - 1
        while index >= 0 {
            if self[index] == byte { return index }
            index -= 1
        }
        return nil
    }
}
