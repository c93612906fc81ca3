import Foundation
import GDAL
import XCTest

final class SpatialReferenceTests: XCTestCase {
    /// Runs PROJ's own `cs2cs` on the same points, as the reference.
    private func cs2cs(from source: String, _ points: [(Double, Double)]) throws -> [(Double, Double)] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/cs2cs")
        process.arguments = [source, "EPSG:4326", "-f", "%.10f"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(points.map { "\($0.0) \($0.1)\n" }.joined().utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // cs2cs writes EPSG:4326 in its authority order: latitude first.
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map { line in
            let numbers = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { Double($0) }
            return (numbers[1], numbers[0])
        }
    }

    private func assertAgreesWithPROJ(epsg: Int, points: [(Double, Double)], file: StaticString = #filePath, line: UInt = #line) throws {
        let transformation = try CoordinateTransformation(from: try SpatialReference(epsg: epsg), to: try .wgs84())
        var xs = points.map(\.0), ys = points.map(\.1)
        XCTAssertEqual(transformation.transform(xs: &xs, ys: &ys), [])
        let reference = try cs2cs(from: "EPSG:\(epsg)", points)
        XCTAssertEqual(reference.count, points.count)
        for (index, expected) in reference.enumerated() {
            // 1 cm is about 9e-8 degrees at Bangkok's latitude.
            XCTAssertEqual(xs[index], expected.0, accuracy: 9e-8, "lon of point \(index)", file: file, line: line)
            XCTAssertEqual(ys[index], expected.1, accuracy: 9e-8, "lat of point \(index)", file: file, line: line)
            XCTAssertTrue((97...106).contains(xs[index]), "x is longitude (traditional GIS order)", file: file, line: line)
        }
    }

    func testUTM47NToWGS84AgreesWithCs2cs() throws {
        try assertAgreesWithPROJ(epsg: 32647, points: [(662_000, 1_520_000), (680_512.3, 1_545_000.7), (591_522.713553, 1_509_566.674167)])
    }

    func testIndian1975UTM47NToWGS84AgreesWithCs2cs() throws {
        try assertAgreesWithPROJ(epsg: 24047, points: [(662_000, 1_520_000), (670_100.25, 1_530_400.5)])
    }

    func testDefinitionsFromWKTAndPROJJSONAndNames() throws {
        let utm = try SpatialReference(epsg: 32647)
        XCTAssertEqual(utm.name, "WGS 84 / UTM zone 47N")
        XCTAssertTrue(utm.isProjected)
        let fromWKT = try SpatialReference(definition: try utm.wkt())
        XCTAssertEqual(fromWKT.epsgCode, 32647)
        XCTAssertTrue(fromWKT.isSame(as: utm))
        let fromJSON = try SpatialReference(definition: try utm.projJSON())
        XCTAssertEqual(fromJSON.epsgCode, 32647)
        let prj = try String(contentsOfFile: Fixtures.path("gistda-nakhonpathom-utm47/L080300_LANDMARK.prj"), encoding: .utf8)
        XCTAssertEqual(try SpatialReference(definition: prj).epsgCode, 32647, "an ESRI .prj without authority is matched through PROJ")
        XCTAssertEqual(try SpatialReference(definition: "EPSG:24047").name, "Indian 1975 / UTM zone 47N")
        XCTAssertTrue(try SpatialReference.wgs84().isGeographic)
        XCTAssertThrowsError(try SpatialReference(definition: "not a crs"))
        XCTAssertThrowsError(try SpatialReference(epsg: 999_999))
    }

    func testGeometryTransformKeepsLonLatOrder() throws {
        let point = try Geometry(x: 662_000, y: 1_520_000)
        try point.transform(CoordinateTransformation(from: SpatialReference(epsg: 32647), to: .wgs84()))
        let (x, y) = point.point(at: 0)
        XCTAssertEqual(x, 100.5, accuracy: 0.1)
        XCTAssertEqual(y, 13.7, accuracy: 0.1)
    }
}
