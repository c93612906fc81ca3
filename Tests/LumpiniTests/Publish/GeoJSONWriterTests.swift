import Foundation
import GDAL
@testable import Lumpini
@testable import LumpiniPublish
import XCTest

final class GeoJSONWriterTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try Fixtures.temporaryDirectory()
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Writes `records` and returns the file's bytes.
    private func write(_ table: OutputTable, _ records: [Record], name: String = "out.geojson") throws -> Data {
        let path = folder.appendingPathComponent(name).path
        let writer = try GeoJSONWriter(path: path, table: table)
        for record in records { try writer.write(record) }
        let file = try writer.finish()
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(file.size, data.count)
        XCTAssertEqual(file.sha256, FileDigest.sha256(data))
        return data
    }

    /// The geometries of a GeoJSON document: a FeatureCollection's, a Feature's, or the geometry itself.
    private func geometries(_ json: Any) -> [Any] {
        guard let object = json as? [String: Any] else { return [] }
        switch object["type"] as? String {
        case "FeatureCollection": return (object["features"] as? [[String: Any]] ?? []).compactMap { $0["geometry"] }
        case "Feature": return [object["geometry"] as Any]
        default: return [object]
        }
    }

    /// Rings wound as RFC 7946 requires, for every case of geojson-rewind's fixtures: the output has
    /// exactly the positions of upstream's expected output, in the same order.
    func testRingsAreWoundByTheRightHandRuleAsGeojsonRewindExpects() throws {
        let cases = ["collection", "featuregood", "flip", "geomcollection", "multipolygon", "rev"]
        for name in cases {
            let source = try Dataset.open(Fixtures.path("geojson/winding/\(name).input.geojson"))
            let layer = try source.layer(at: 0)
            var records: [Record] = []
            try layer.forEachFeature { feature in
                records.append(Record(rowNumber: records.count + 1, values: [], geometry: feature.geometry?.clone()))
            }
            let output = try JSONSerialization.jsonObject(with: write(OutputTable(fields: [], geometryType: .unknown), records, name: "\(name).geojson"))
            let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Fixtures.path("geojson/winding/\(name).output.geojson"))))
            let written = geometries(output), wanted = geometries(expected)
            XCTAssertEqual(written.count, wanted.count, name)
            for (ours, theirs) in zip(written, wanted) {
                XCTAssertEqual(
                    try JSONSerialization.data(withJSONObject: ours, options: [.sortedKeys]),
                    try JSONSerialization.data(withJSONObject: theirs, options: [.sortedKeys]),
                    "\(name): geometry differs from geojson-rewind's expected output"
                )
            }
        }
    }

    func testFeatureCollectionHasTypedPropertiesIdFromKeyBBoxAndNoCRS() throws {
        let table = OutputTable(
            fields: [
                OutputField(name: "code", type: .integer), OutputField(name: "name"), OutputField(name: "pm25", type: .number),
                OutputField(name: "active", type: .boolean), OutputField(name: "measured", type: .date),
            ],
            primaryKey: ["code"], geometryType: .point
        )
        let records = [
            Record(rowNumber: 2, values: ["007", "ลุมพินี \"กลาง\"\n", "+12.50", "1", "2024-01-05"], geometry: try Geometry(x: 100.54151234, y: 13.7306)),
            Record(rowNumber: 3, values: ["8", nil, "", "FALSE", nil], geometry: try Geometry(x: -0.0000001, y: 13.0000005)),
            Record(rowNumber: 4, values: ["9", "no geometry", "-0.0", "true", nil], geometry: nil),
        ]
        let data = try write(table, records)
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertEqual(text, """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","id":7,"geometry":{"type":"Point","coordinates":[100.541512,13.7306]},"properties":{"code":7,"name":"ลุมพินี \\"กลาง\\"\\n","pm25":12.50,"active":true,"measured":"2024-01-05"}},
            {"type":"Feature","id":8,"geometry":{"type":"Point","coordinates":[0,13.000001]},"properties":{"code":8,"name":null,"pm25":null,"active":false,"measured":null}},
            {"type":"Feature","id":9,"geometry":null,"properties":{"code":9,"name":"no geometry","pm25":0.0,"active":true,"measured":null}}
            ],"bbox":[0,13.000001,100.541512,13.7306]}

            """)
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: data))
        XCTAssertEqual(try write(table, records, name: "again.geojson"), data, "the same records give the same bytes")
    }

    func testANumberFieldHoldingTextIsRefusedWithRowAndField() throws {
        let table = OutputTable(fields: [OutputField(name: "pm25", type: .number)])
        let writer = try GeoJSONWriter(path: folder.appendingPathComponent("bad.geojson").path, table: table)
        XCTAssertThrowsError(try writer.write(Record(rowNumber: 5, values: ["12,5"]))) { error in
            let error = error as? LumpiniError
            XCTAssertEqual(error?.code, "not-a-number")
            XCTAssertEqual(error?.row, 5)
            XCTAssertEqual(error?.field, "pm25")
        }
    }

    func testPolygonsWithHolesAndMultiPartsReadBackThroughGDAL() throws {
        let polygon = try Geometry(wkt: "MULTIPOLYGON (((100.5 13.7, 100.5 13.8, 100.6 13.8, 100.6 13.7, 100.5 13.7), (100.52 13.72, 100.58 13.72, 100.58 13.78, 100.52 13.78, 100.52 13.72)), ((100.7 13.7, 100.8 13.7, 100.8 13.8, 100.7 13.7)))")
        let table = OutputTable(fields: [OutputField(name: "name")], geometryType: .multiPolygon)
        let path = folder.appendingPathComponent("polygons.geojson").path
        let writer = try GeoJSONWriter(path: path, table: table)
        try writer.write(Record(rowNumber: 2, values: ["park"], geometry: polygon))
        _ = try writer.finish()
        let check = ReadBackCheck(table: table)
        try check.observe(Record(rowNumber: 2, values: ["park"], geometry: polygon))
        try check.check(geoJSON: path, csv: nil, count: 1)

        let read = try XCTUnwrap(Dataset.open(path).layer(at: 0).nextFeature()?.geometry)
        XCTAssertTrue(read.contains(polygon) && polygon.contains(read), "the same area, whatever the winding")
        let shell = try XCTUnwrap(read.geometry(at: 0)?.geometry(at: 0))
        let hole = try XCTUnwrap(read.geometry(at: 0)?.geometry(at: 1))
        XCTAssertFalse(shell.isClockwise)
        XCTAssertTrue(hole.isClockwise)
        XCTAssertThrowsError(try check.check(geoJSON: path, csv: nil, count: 2)) { error in
            XCTAssertEqual((error as? LumpiniError)?.code, "read-back-mismatch")
        }
    }
}
