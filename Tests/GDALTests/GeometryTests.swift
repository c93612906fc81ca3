import GDAL
import XCTest

final class GeometryTests: XCTestCase {
    func testBowTieIsInvalidWithGEOSReasonAndMakeValidRepairsIt() throws {
        let bowTie = try Geometry(wkt: "POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))")
        XCTAssertFalse(bowTie.isValid)
        XCTAssertTrue(bowTie.validityReason.hasPrefix("Self-intersection"), bowTie.validityReason)
        XCTAssertTrue(bowTie.validityReason.contains("5 5"), bowTie.validityReason)
        let repaired = try bowTie.makeValid()
        XCTAssertTrue(repaired.isValid)
        XCTAssertEqual(repaired.type, .multiPolygon)
        XCTAssertEqual(repaired.area, 50, accuracy: 1e-9)
    }

    func testWKTWKBAndGeoJSONRoundTrip() throws {
        let polygon = try Geometry(wkt: "POLYGON ((100.5 13.7, 100.6 13.7, 100.6 13.8, 100.5 13.7))")
        let fromWKB = try Geometry(wkb: polygon.wkb)
        XCTAssertTrue(fromWKB.equals(polygon))
        let json = polygon.geoJSON(precision: 3)
        XCTAssertTrue(json.contains("100.5"), json)
        let fromJSON = try Geometry(geoJSON: json)
        XCTAssertTrue(fromJSON.equals(polygon))
        XCTAssertEqual(fromJSON.wkt, "POLYGON ((100.5 13.7,100.6 13.7,100.6 13.8,100.5 13.7))")
        XCTAssertThrowsError(try Geometry(wkt: "POLYGON ((1 2"))
        XCTAssertThrowsError(try Geometry(wkb: [1, 2, 3]))
        XCTAssertThrowsError(try Geometry(geoJSON: "{\"type\":\"Nope\"}"))
    }

    func testMeasuresPredicatesAndStructure() throws {
        let square = try Geometry(wkt: "POLYGON ((0 0, 0 4, 4 4, 4 0, 0 0))")
        XCTAssertEqual(square.area, 16)
        XCTAssertEqual(square.envelope, Envelope(minX: 0, minY: 0, maxX: 4, maxY: 4))
        let centroid = try square.centroid()
        XCTAssertEqual(centroid.point(at: 0).x, 2)
        XCTAssertTrue(square.contains(try Geometry(x: 1, y: 1)))
        XCTAssertFalse(square.intersects(try Geometry(x: 5, y: 5)))
        let ring = try XCTUnwrap(square.geometry(at: 0))
        XCTAssertEqual(ring.pointCount, 5)
        XCTAssertTrue(ring.isClockwise, "0 0 → 0 4 → 4 4 runs clockwise")
        ring.reversePoints()
        XCTAssertFalse(ring.isClockwise)
        XCTAssertEqual(try Geometry(wkt: "LINESTRING (0 0, 3 4)").length, 5)
        XCTAssertTrue(try Geometry(wkt: "POINT EMPTY").isEmpty)
        XCTAssertEqual(try Geometry(wkt: "MULTIPOINT ((1 2), (3 4))").geometryCount, 2)
    }

    func testGEOSVerdictsOnTheValidityFixtures() throws {
        let lines = try String(contentsOfFile: Fixtures.path("geojson/invalid-geometry/geos-testvalid.wkt"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let index = try String(contentsOfFile: Fixtures.path("geojson/invalid-geometry/geos-testvalid.geojson"), encoding: .utf8)
        let collection = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(index.utf8)) as? [String: Any])
        let features = try XCTUnwrap(collection["features"] as? [[String: Any]])
        var checked = 0
        for feature in features {
            guard let properties = feature["properties"] as? [String: Any],
                  let number = properties["case"] as? Int, let expected = properties["expected_valid"] as? Bool,
                  let parsed = try? Geometry(wkt: String(lines[number - 1])) else { continue }
            XCTAssertEqual(parsed.isValid, expected, "case \(number) \(properties["desc"] ?? ""): \(parsed.validityReason)")
            if !expected {
                XCTAssertNotEqual(parsed.validityReason, "Valid Geometry", "case \(number)")
            }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 70)
    }
}
