import Foundation
import Lumpini
import XCTest

/// One account of a version: a row the recipe sets aside and a row the schema sets aside are counted
/// once, by stage and reason, in the manifest, both reports, the quarantine file, the README and the
/// catalogue; the reports describe the rows published; the published package validates clean.
final class VersionAccountCLITests: XCTestCase {
    private var space: ReleaseWorkspace!

    override func setUpWithError() throws {
        space = try ReleaseWorkspace()
        try """
            {"fields": [
              {"name": "code", "type": "string", "constraints": {"required": true}},
              {"name": "name", "type": "string"},
              {"name": "pm25", "type": "number", "constraints": {"minimum": 0, "maximum": 1000}}
            ], "primaryKey": ["code"]}
            """.write(to: space.root.appendingPathComponent("schemas/stations.schema.json"), atomically: true, encoding: .utf8)
        try space.addDataset("stations", extra: """
            schema: stations
            recipe:
              - step: rename-columns
                map: {รหัส: code, ชื่อ: name, ค่าฝุ่น: pm25}
              - step: remove-duplicates
                key: [code]
            outputs: {formats: [geojson, csv, gpkg]}

            """)
        try space.setRows("stations", [
            [("รหัส", "S1"), ("ชื่อ", "สถานี 1"), ("ค่าฝุ่น", "35.5")],
            [("รหัส", "S2"), ("ชื่อ", "สถานี 2"), ("ค่าฝุ่น", "5000")],
            [("รหัส", "S3"), ("ชื่อ", "สถานี 3"), ("ค่าฝุ่น", "12")],
            [("รหัส", "S1"), ("ชื่อ", "สถานี 1 ซ้ำ"), ("ค่าฝุ่น", "36")],
        ])
    }

    override func tearDownWithError() throws {
        space.remove()
    }

    private func json(_ url: URL) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    func testRowsSetAsideByTheRecipeAndByTheSchemaAreOneAccountInEveryFile() throws {
        let release = try space.lumpini(["release"])
        XCTAssertEqual(release.status, 0, release.stderr)
        let version = space.publicRoot.appendingPathComponent("stations/v1")

        let counts = try XCTUnwrap(try json(version.appendingPathComponent("manifest.json"))["counts"] as? [String: Any])
        XCTAssertEqual(counts["rowsIn"] as? Int, 4)
        XCTAssertEqual(counts["rowsPublished"] as? Int, 2)
        XCTAssertEqual(counts["rowsQuarantined"] as? Int, 2)
        XCTAssertEqual(counts["quarantineReasons"] as? NSDictionary, ["cleanse": ["duplicate": 1], "validate": ["constraint-error": 1]])

        let cleansing = try json(version.appendingPathComponent("cleansing-report.json"))
        XCTAssertEqual(cleansing["quarantineReasons"] as? [String: Int], ["duplicate": 1])

        // The validation report describes the two rows published, which are valid; the row the schema
        // set aside is accounted for apart, with its problem.
        let validation = try json(version.appendingPathComponent("validation-report.json"))
        XCTAssertEqual(validation["valid"] as? Bool, true, "\(validation)")
        let task = try XCTUnwrap((validation["tasks"] as? [[String: Any]])?.first)
        XCTAssertEqual((task["stats"] as? [String: Any])?["rows"] as? Int, 2)
        XCTAssertEqual((task["errors"] as? [Any])?.count, 0)
        let setAside = try XCTUnwrap(validation["setAside"] as? [String: Any])
        XCTAssertEqual(setAside["rows"] as? Int, 1)
        XCTAssertEqual(setAside["reasons"] as? [String: Int], ["constraint-error": 1])
        let problem = try XCTUnwrap((setAside["errors"] as? [[String: Any]])?.first)
        XCTAssertEqual(problem["rowNumber"] as? Int, 2)
        XCTAssertEqual(problem["fieldName"] as? String, "pm25")

        // One layout: where the row came from, which stage set it aside and why, then its values as read
        // under the source's own header, whichever stage set it aside.
        let quarantine = try SourceReader(path: space.root.appendingPathComponent(".lumpini/quarantine/stations/quarantine.csv").path)
        XCTAssertEqual(quarantine.header, ["source", "row", "record", "stage", "reason", "message", "field", "รหัส", "ชื่อ", "ค่าฝุ่น", "geometry_wkt"])
        var rows: [[String?]] = []
        while let record = try quarantine.next() { rows.append(record.values) }
        XCTAssertEqual(rows.map { Array($0[0..<5]) }, [
            ["source/stations.geojson", "2", "2", "validate", "constraint-error"],
            ["source/stations.geojson", "4", "4", "cleanse", "duplicate"],
        ])
        XCTAssertEqual(rows.map { Array($0[7..<10]) }, [["S2", "สถานี 2", "5000"], ["S1", "สถานี 1 ซ้ำ", "36"]])
        XCTAssertEqual(rows.map { $0[10]?.hasPrefix("POINT") }, [true, true])
        XCTAssertEqual(rows.map(\.count), [11, 11])

        let readme = try String(contentsOf: version.appendingPathComponent("README.md"), encoding: .utf8)
        XCTAssertTrue(readme.contains("| cleanse: duplicate 1; validate: constraint-error 1 |"), readme)

        let show = try space.lumpini(["catalog", "show", "stations", "--public", space.publicRoot.path])
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stdout.contains("valid, 0 errors"), show.stdout)
        XCTAssertTrue(show.stdout.contains("cleanse: duplicate 1; validate: constraint-error 1"), show.stdout)

        // The package validates clean, its GeoJSON read as GeoJSON and its GeoPackage by size and checksum.
        let package = version.appendingPathComponent("datapackage.json").path
        let validate = try space.lumpini(["validate", package, "--json"])
        XCTAssertEqual(validate.status, 0, validate.stdout + validate.stderr)
        let tasks = try XCTUnwrap((try validate.json() as? [String: Any])?["tasks"] as? [[String: Any]])
        XCTAssertEqual(tasks.map { $0["type"] as? String }, ["geojson", "table", "file"])
    }

    func testAPublishedFileChangedAfterwardsFailsThePackagesValidation() throws {
        XCTAssertEqual(try space.lumpini(["release"]).status, 0)
        let version = space.publicRoot.appendingPathComponent("stations/v1")
        let geoJSON = version.appendingPathComponent("stations.geojson")
        let text = try String(contentsOf: geoJSON, encoding: .utf8)
        try text.replacingOccurrences(of: "สถานี 1", with: "สถานี 9").write(to: geoJSON, atomically: true, encoding: .utf8)
        let validate = try space.lumpini(["validate", version.appendingPathComponent("datapackage.json").path])
        XCTAssertEqual(validate.status, 1, validate.stdout + validate.stderr)
        XCTAssertTrue(validate.stdout.contains("stations.geojson: the file's SHA-256 is not the one the package gives"), validate.stdout)
        XCTAssertFalse(validate.stdout.contains("extra-cell"), validate.stdout)
    }
}
