import Foundation
import XCTest

/// `lumpini check` ends with what a release would publish, found by the release's own pipeline, and
/// writes nothing; what publishing refuses, it refuses too.
final class CheckCLITests: XCTestCase {
    private var space: ReleaseWorkspace!

    override func setUpWithError() throws {
        space = try ReleaseWorkspace()
        try """
            {"fields": [
              {"name": "code", "type": "string", "constraints": {"required": true}},
              {"name": "name", "type": "string"},
              {"name": "pm25", "type": "number", "constraints": {"minimum": 0, "maximum": 1000}}
            ]}
            """.write(to: space.root.appendingPathComponent("schemas/stations.schema.json"), atomically: true, encoding: .utf8)
        try space.addDataset("stations", extra: """
            keywords: {th: [ฝุ่น], en: [dust]}
            schema: stations
            recipe:
              - step: remove-duplicates
                key: [code]

            """)
        try space.setRows("stations", [
            [("code", "S1"), ("name", "สถานี 1"), ("pm25", "35.5")],
            [("code", "S2"), ("name", "สถานี 2"), ("pm25", "5000")],
            [("code", "S3"), ("name", "สถานี 3"), ("pm25", "12")],
            [("code", "S1"), ("name", "สถานี 1 ซ้ำ"), ("pm25", "36")],
        ])
    }

    override func tearDownWithError() throws {
        space.remove()
    }

    func testCheckEndsWithWhatAReleaseWouldPublishAndWritesNothing() throws {
        let text = try space.lumpini(["check", "stations"])
        XCTAssertEqual(text.status, 0, text.stdout + text.stderr)
        XCTAssertTrue(text.stdout.contains("A release would publish 2 of 4 rows and set 2 aside (dry run: nothing was written)"), text.stdout)
        XCTAssertTrue(text.stdout.contains("  cleanse duplicate: 1 row\n    source/stations.geojson row 4: the same code as row 1\n"), text.stdout)
        XCTAssertTrue(text.stdout.contains("  validate constraint-error: 1 row\n    source/stations.geojson row 2: "), text.stdout)
        XCTAssertTrue(text.stdout.hasSuffix("stations: ready (0 warnings)\n"), text.stdout)

        let json = try space.lumpini(["check", "stations", "--json"])
        let account = try XCTUnwrap((try json.json() as? [String: Any])?["account"] as? [String: Any])
        XCTAssertEqual(account["rowsIn"] as? Int, 4)
        XCTAssertEqual(account["rowsPublished"] as? Int, 2)
        XCTAssertEqual(account["quarantineReasons"] as? NSDictionary, ["cleanse": ["duplicate": 1], "validate": ["constraint-error": 1]])
        XCTAssertEqual((account["examples"] as? [[String: Any]])?.map { $0["row"] as? Int }, [2, 4])

        for written in [".lumpini", "public"] {
            XCTAssertFalse(FileManager.default.fileExists(atPath: space.root.appendingPathComponent(written).path), "check wrote \(written)")
        }
    }

    /// A public dataset holding phone numbers is refused by publishing: check says so before, instead of "ready".
    func testCheckRefusesWhatPublishingRefuses() throws {
        try space.setRows("stations", [
            [("code", "S1"), ("name", "สถานี 1"), ("pm25", "35.5"), ("phone", "081-234-5678")],
            [("code", "S2"), ("name", "สถานี 2"), ("pm25", "12"), ("phone", "02-123-4567")],
        ])
        let schema = space.root.appendingPathComponent("schemas/stations.schema.json")
        try String(contentsOf: schema, encoding: .utf8).replacingOccurrences(of: "]}", with: ", {\"name\": \"phone\", \"type\": \"string\"}]}")
            .write(to: schema, atomically: true, encoding: .utf8)
        let check = try space.lumpini(["check", "stations"])
        XCTAssertEqual(check.status, 1, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.contains("phone"), check.stdout)
        XCTAssertTrue(check.stdout.hasSuffix("stations: 1 problems to fix\n"), check.stdout)
        XCTAssertEqual(try space.lumpini(["publish", "stations"]).status, 1, "publishing refuses it too")
    }
}
