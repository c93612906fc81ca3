import Foundation
import XCTest

/// Broken geodata: incomplete shapefiles, impossible coordinates, enormous and deeply nested GeoJSON.
final class GeodataCorpusTests: XCTestCase {
    var workspace: CorpusWorkspace!

    override func setUpWithError() throws {
        workspace = try CorpusWorkspace()
    }

    override func tearDown() {
        workspace = nil
    }

    private let shapefile = "gistda-nakhonpathom-utm47/L080300_LANDMARK"

    /// Copies the fixture shapefile's parts, except `without`, as `<name>.*` into the loose folder and a dataset.
    private func shapefileCase(_ id: String, without: String?, prj: Data? = nil) throws -> String {
        let name = "landmark-\(id)"
        for part in ["shp", "shx", "dbf", "prj", "cpg"] where part != without {
            var data = try Data(contentsOf: URL(fileURLWithPath: CLIRunner.fixture("\(shapefile).\(part)")))
            if part == "prj", let prj { data = prj }
            try workspace.write("\(name).\(part)", data)
            try workspace.placeSource(id, "\(name).\(part)", data)
        }
        try workspace.dataset(id, file: "\(name).shp")
        return workspace.path("\(name).shp")
    }

    func testShapefileWithoutSHX() throws {
        let path = try shapefileCase("shp-no-shx", without: "shx")
        try workspace.expect(["inspect", path], exit: [2], mentions: ["landmark-shp-no-shx.shp", ".shx"])
        try workspace.expect(["cleanse", "shp-no-shx"], exit: [2], mentions: [".shx"])
        try workspace.expect(["publish", "shp-no-shx"], exit: [1], mentions: ["shp-no-shx", ".shx"])
    }

    func testShapefileWithoutDBF() throws {
        let path = try shapefileCase("shp-no-dbf", without: "dbf")
        try workspace.expect(["inspect", path], exit: [0])
        try workspace.expect(["cleanse", "shp-no-dbf"], exit: [0])
        try workspace.expect(["publish", "shp-no-dbf"], exit: [1], mentions: ["shp-no-dbf", "UTM zone 47N", "reproject"])
    }

    func testShapefileWithoutPRJ() throws {
        let path = try shapefileCase("shp-no-prj", without: "prj")
        try workspace.expect(["inspect", path], exit: [0], mentions: [])
        try workspace.expect(["cleanse", "shp-no-prj"], exit: [0])
        try workspace.expect(["publish", "shp-no-prj"], exit: [1], mentions: ["shp-no-prj", "not a longitude and latitude", "source.crs"])
    }

    func testPRJThatPROJCannotRead() throws {
        let path = try shapefileCase("shp-bad-prj", without: nil, prj: Data("PROJCS[\"broken\",GEOGCS[\"x\",DATUM[".utf8))
        try workspace.expect(["inspect", path], exit: [0])
        try workspace.expect(["cleanse", "shp-bad-prj"], exit: [0])
        try workspace.expect(["publish", "shp-bad-prj"], exit: [1], mentions: ["shp-bad-prj", "not a longitude and latitude"])
    }

    private func featureCollection(_ geometry: String) -> Data {
        Data("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"a\"},\"geometry\":\(geometry)}]}".utf8)
    }

    /// NaN and Infinity (not JSON) read as an empty point, 1e999 as an infinite one, coordinates
    /// written as text as no geometry (GDAL says so only as it reads the feature): the feature is
    /// quarantined as `unreadable-geometry`, naming it, and never published without its place.
    func testNaNAndInfiniteCoordinates() throws {
        let cases = [
            ("nan.geojson", "geo-nan", "{\"type\":\"Point\",\"coordinates\":[NaN,Infinity]}", [1]),
            ("overflow.geojson", "geo-overflow", "{\"type\":\"Point\",\"coordinates\":[1e999,-1e999]}", [0]),
            ("nan-line.geojson", "geo-nan-line", "{\"type\":\"LineString\",\"coordinates\":[[100.5,NaN],[100.6,13.7]]}", [1]),
            ("text-coordinates.geojson", "geo-text-coordinates", "{\"type\":\"Point\",\"coordinates\":[\"100.5\",\"13.7\"]}", [1]),
        ]
        for (file, id, geometry, validate) in cases {
            try workspace.runSource(file, featureCollection(geometry), id: id,
                                    inspect: [0], validate: Set(validate.map(Int32.init)), cleanse: [0], publish: [0])
            let quarantine = workspace.root.appendingPathComponent(".lumpini/quarantine/\(id)")
            let files = try FileManager.default.contentsOfDirectory(atPath: quarantine.path).filter { $0.hasSuffix(".csv") }
            let text = try files.map { try String(contentsOf: quarantine.appendingPathComponent($0), encoding: .utf8) }.joined()
            XCTAssertTrue(text.contains("unreadable-geometry") && text.contains("feature 1"), "\(id): \(text)")
            let manifest = try Data(contentsOf: workspace.publicRoot.appendingPathComponent("\(id)/latest/manifest.json"))
            let counts = try XCTUnwrap((try JSONSerialization.jsonObject(with: manifest) as? [String: Any])?["counts"] as? [String: Any])
            XCTAssertEqual(counts["rowsPublished"] as? Int, 0, id)
            XCTAssertEqual(counts["rowsQuarantined"] as? Int, 1, id)
            XCTAssertEqual(counts["quarantineReasons"] as? NSDictionary, ["cleanse": ["unreadable-geometry": 1], "validate": [:]], id)
        }
    }

    func testAPolygonOfAMillionVertices() throws {
        var ring = "[[100.5,13.7]"
        ring.reserveCapacity(30_000_000)
        for index in 1..<999_999 {
            let angle = Double(index) / 999_999 * 2 * .pi
            ring += ",[\(100.5 + 0.01 * cos(angle)),\(13.7 + 0.01 * sin(angle))]"
        }
        ring += ",[100.5,13.7]]"
        try workspace.runSource("million.geojson", featureCollection("{\"type\":\"Polygon\",\"coordinates\":[\(ring)]}"), id: "geo-million",
                                inspect: [0], validate: [0], cleanse: [0], publish: [0])
        // The CSV's one row holds the polygon as WKT (a line of about 40 MB), read back without a line-length limit.
        let readme = try String(contentsOf: workspace.publicRoot.appendingPathComponent("geo-million/latest/README.md"), encoding: .utf8)
        XCTAssertTrue(readme.contains("CSV: GDAL"), readme)
    }

    func testDeeplyNestedGeometryCollections() throws {
        var geometry = "{\"type\":\"Point\",\"coordinates\":[100.5,13.7]}"
        for _ in 0..<1_000 { geometry = "{\"type\":\"GeometryCollection\",\"geometries\":[\(geometry)]}" }
        try workspace.runSource("nested-collections.geojson", featureCollection(geometry), id: "geo-nested-collections",
                                inspect: [2], validate: [1], cleanse: [2], publish: [1])
        XCTAssertNil(workspace.publishedCSV("geo-nested-collections"))
    }

    func testTenThousandLevelsOfNestedArrays() throws {
        let coordinates = String(repeating: "[", count: 10_000) + "100.5,13.7" + String(repeating: "]", count: 10_000)
        try workspace.runSource("nested-arrays.geojson", featureCollection("{\"type\":\"Point\",\"coordinates\":\(coordinates)}"), id: "geo-nested-arrays",
                                inspect: [2], validate: [1], cleanse: [2], publish: [1])
        XCTAssertNil(workspace.publishedCSV("geo-nested-arrays"))
    }

    func testUTMValuesDeclaredAsLongitudeLatitude() throws {
        try workspace.runSource("utm-as-lonlat.geojson", featureCollection("{\"type\":\"Point\",\"coordinates\":[662345.5,1521987.25]}"), id: "geo-utm-as-lonlat",
                                inspect: [0], validate: [0], cleanse: [0], publish: [1])
        try workspace.expect(["publish", "geo-utm-as-lonlat"], exit: [1], mentions: ["662345.5", "not a longitude and latitude"])
    }
}
