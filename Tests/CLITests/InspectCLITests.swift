import Foundation
import XCTest

final class InspectCLITests: XCTestCase {
    private func inspectJSON(_ path: String, _ extra: [String] = []) throws -> [String: Any] {
        let result = try CLIRunner.run(["inspect", path, "--json"] + extra)
        XCTAssertEqual(result.status, 0, result.stderr)
        return try XCTUnwrap(try result.json() as? [String: Any])
    }

    private func layer(_ report: [String: Any], _ index: Int = 0) throws -> [String: Any] {
        try XCTUnwrap((report["layers"] as? [[String: Any]])?[index])
    }

    private func field(_ layer: [String: Any], _ name: String) throws -> [String: Any] {
        try XCTUnwrap((layer["fields"] as? [[String: Any]])?.first { $0["name"] as? String == name }, name)
    }

    func testTIS620CSVIsDetectedAndDecoded() throws {
        let report = try inspectJSON(CLIRunner.fixture("bkk-health-dashboard/community_health_worker.csv"))
        XCTAssertEqual(report["driver"] as? String, "CSV")
        let encoding = try XCTUnwrap(report["encoding"] as? [String: Any])
        XCTAssertEqual(encoding["name"] as? String, "TIS-620")
        XCTAssertGreaterThan(try XCTUnwrap(encoding["confidence"] as? Double), 0.8)
        let layer = try layer(report)
        XCTAssertEqual(layer["featureCount"] as? Int, 69)
        XCTAssertEqual(layer["geometryType"] as? String, "None")
        let dname = try field(layer, "dname")
        XCTAssertEqual(dname["distinctCount"] as? Int, 50)
        XCTAssertTrue((dname["samples"] as? [String])?.contains("พระนคร") ?? false, "\(dname)")
        XCTAssertEqual(try field(layer, "dcode")["inferredType"] as? String, "integer")
        XCTAssertEqual(try field(layer, "dcode")["gdalType"] as? String, "String")
    }

    func testUTMShapefileReportsCRSExtentsAndLeadingZeroCodes() throws {
        let report = try inspectJSON(CLIRunner.fixture("gistda-nakhonpathom-utm47/L080300_LANDMARK.shp"))
        XCTAssertEqual(report["driver"] as? String, "ESRI Shapefile")
        XCTAssertEqual((report["encoding"] as? [String: Any])?["name"] as? String, "UTF-8")
        let layer = try layer(report)
        XCTAssertEqual(layer["featureCount"] as? Int, 1043)
        XCTAssertEqual(layer["geometryType"] as? String, "Point")
        XCTAssertEqual((layer["crs"] as? [String: Any])?["epsg"] as? Int, 32647)
        let extent = try XCTUnwrap(layer["extent"] as? [String: Double])
        XCTAssertEqual(try XCTUnwrap(extent["minX"]), 591_522.713553, accuracy: 1e-5)
        let wgs84 = try XCTUnwrap(layer["extentWGS84"] as? [String: Double])
        XCTAssertEqual(try XCTUnwrap(wgs84["minX"]), 99.846, accuracy: 0.001)
        XCTAssertEqual(try XCTUnwrap(wgs84["maxX"]), 100.3367, accuracy: 0.001)
        let type = try field(layer, "lm_type")
        XCTAssertEqual(type["inferredType"] as? String, "string", "codes like 04104 keep their leading zero")
        XCTAssertEqual(try field(layer, "lm_subtype")["nullCount"] as? Int, 1043)
    }

    func testShapefileWithoutPrjOrCpgSaysSo() throws {
        let report = try inspectJSON(CLIRunner.fixture("apisit-thailand-shp/simplified/thailand.shp"))
        let layer = try layer(report)
        XCTAssertTrue((layer["crs"] as? [String: Any])?["epsg"] is NSNull)
        XCTAssertTrue(layer["extentWGS84"] == nil || layer["extentWGS84"] is NSNull)
        XCTAssertEqual((layer["geometryTypes"] as? [String: Int])?["MultiPolygon"], 13)
        let warnings = try XCTUnwrap(report["warnings"] as? [String]).joined(separator: "\n")
        XCTAssertTrue(warnings.contains("no .prj"), warnings)
        XCTAssertTrue(warnings.contains("no .cpg"), warnings)

        let human = try CLIRunner.run(["inspect", CLIRunner.fixture("apisit-thailand-shp/simplified/thailand.shp")])
        XCTAssertEqual(human.status, 0)
        XCTAssertTrue(human.stdout.contains("none: declare it"), human.stdout)
    }

    func testCoordinateHintsAndNotesOnAMessyCSV() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("stations.csv")
        let rows = [
            "station,lat,lon,date,pm25,tonnes,east,north",
            "สถานี ๑,100.52,13.75,15 ม.ค. 2566,๓๕,\"1,234\",662000,1520000",
            "สถานี ๒,100.61,13.80,16/01/2566,-,\"12,500\",670100,1530400",
            "สถานี ๓,100.49,13.70,17 มกราคม 2566,41,980,665000,1525000",
        ]
        try rows.joined(separator: "\n").write(to: csv, atomically: true, encoding: .utf8)
        let layer = try layer(try inspectJSON(csv.path))
        let hints = try XCTUnwrap(layer["coordinateHints"] as? [[String: Any]])
        XCTAssertTrue(hints.contains { $0["kind"] as? String == "lat-lon-swapped" && $0["x"] as? String == "lon" }, "\(hints)")
        XCTAssertTrue(hints.contains { $0["kind"] as? String == "utm-47n" }, "\(hints)")
        let dateNotes = try XCTUnwrap(try field(layer, "date")["notes"] as? [String]).joined()
        XCTAssertTrue(dateNotes.contains("Buddhist-Era"), dateNotes)
        XCTAssertTrue(dateNotes.contains("Thai month names"), dateNotes)
        XCTAssertEqual(try field(layer, "date")["inferredType"] as? String, "date")
        let pm = try field(layer, "pm25")
        XCTAssertTrue((pm["notes"] as? [String])?.joined().contains("Thai digits") ?? false)
        XCTAssertTrue((pm["notes"] as? [String])?.joined().contains("missing-value") ?? false)
        XCTAssertEqual(pm["inferredType"] as? String, "integer")
        XCTAssertTrue((try field(layer, "tonnes")["notes"] as? [String])?.joined().contains("thousands") ?? false)
    }

    func testBadInputGetsOneClearLineAndExitCode2() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let empty = directory.appendingPathComponent("empty.csv")
        FileManager.default.createFile(atPath: empty.path, contents: Data())
        let garbage = directory.appendingPathComponent("data.xyz")
        try Data((0..<256).map { UInt8($0) }).write(to: garbage)
        let truncated = directory.appendingPathComponent("truncated.geojson")
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[100.5,"#
            .write(to: truncated, atomically: true, encoding: .utf8)
        let noShx = directory.appendingPathComponent("parks.shp")
        try FileManager.default.copyItem(atPath: CLIRunner.fixture("apisit-thailand-shp/simplified/thailand.shp"), toPath: noShx.path)
        let cases: [(String, String)] = [
            (directory.appendingPathComponent("missing.csv").path, "no such file"),
            (directory.path, "folder"),
            (empty.path, "empty"),
            (garbage.path, "not recognized"),
            (truncated.path, "GeoJSON"),
            (noShx.path, ".shx"),
            ("/vsicurl/https://example.org/data.csv", "remote"),
            ("https://example.org/data.geojson", "remote"),
        ]
        for (path, expected) in cases {
            let result = try CLIRunner.run(["inspect", path])
            XCTAssertEqual(result.status, 2, "\(path): \(result.stderr)")
            let lines = result.stderr.split(separator: "\n")
            XCTAssertEqual(lines.count, 1, "one line for \(path): \(result.stderr)")
            XCTAssertTrue(result.stderr.hasPrefix("error: "), result.stderr)
            XCTAssertTrue(result.stderr.contains(expected), "\(path): \(result.stderr)")
            XCTAssertFalse(result.stderr.contains("Fatal error"), result.stderr)
        }
    }

    func testCountReadsEveryRecordWithoutProfiling() throws {
        let result = try CLIRunner.run(["inspect", CLIRunner.fixture("bkk-health-dashboard/community_health_worker.csv"), "--count", "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let layers = try XCTUnwrap((try result.json() as? [String: Any])?["layers"] as? [[String: Any]])
        XCTAssertEqual(layers.first?["featureCount"] as? Int, 69)
        let shapefile = try CLIRunner.run(["inspect", CLIRunner.fixture("gistda-nakhonpathom-utm47/L080300_LANDMARK.shp"), "--count"])
        XCTAssertEqual(shapefile.stdout, "L080300_LANDMARK: 1043 records\n")
    }

    func testVersionAndHelp() throws {
        let version = try CLIRunner.run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertTrue(version.stdout.contains("GDAL 3."), version.stdout)
        let help = try CLIRunner.run(["inspect", "--help"])
        XCTAssertTrue(help.stdout.contains("Examples:"), help.stdout)
        XCTAssertEqual(try CLIRunner.run(["inspect"]).status, 2, "a missing argument is a usage error (exit code 2)")
    }
}
