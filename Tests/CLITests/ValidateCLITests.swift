import Foundation
import XCTest

/// `lumpini validate` on the real binary: verdicts, exit codes, the text and JSON reports.
final class ValidateCLITests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try CLIRunner.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func frictionlessCase(_ name: String, _ file: String) -> String {
        CLIRunner.fixture("frictionless/cases/\(name)/\(file)")
    }

    func testInvalidTableGivesGroupedTextAndExitOne() throws {
        let result = try CLIRunner.run(["validate", frictionlessCase("capital-invalid-extra-label", "capital-invalid.csv"),
                                        "--schema", frictionlessCase("capital-invalid-extra-label", "schema.json")])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdout.contains("invalid (11 rows, utf-8, 5 errors)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("type-error × 1"), result.stdout)
        XCTAssertTrue(result.stdout.contains("row 12, field \"id\": \"x\" is not a whole number"), result.stdout)
        XCTAssertTrue(result.stdout.contains("blank-row × 1"), result.stdout)
    }

    func testJSONReportHasFrictionlessShape() throws {
        let result = try CLIRunner.run(["validate", frictionlessCase("thai-utf8", "data.csv"), "--schema", frictionlessCase("thai-utf8", "schema.json"), "--json"])
        XCTAssertEqual(result.status, 1, result.stderr)
        let report = try XCTUnwrap(try result.json() as? [String: Any])
        XCTAssertEqual(report["valid"] as? Bool, false)
        XCTAssertEqual((report["stats"] as? [String: Any])?["errors"] as? Int, 5)
        let task = try XCTUnwrap((report["tasks"] as? [[String: Any]])?.first)
        XCTAssertEqual(task["labels"] as? [String], ["รหัส", "ชื่อ", "จังหวัด", "จำนวน"])
        XCTAssertEqual((task["stats"] as? [String: Any])?["rows"] as? Int, 6)
        let first = try XCTUnwrap((task["errors"] as? [[String: Any]])?.first)
        XCTAssertEqual(first["type"] as? String, "constraint-error")
        XCTAssertEqual(first["rowNumber"] as? Int, 3)
        XCTAssertEqual(first["fieldNumber"] as? Int, 2)
        XCTAssertEqual(first["fieldName"] as? String, "ชื่อ")
        XCTAssertEqual(first["cell"] as? String, "สวัสดี")
        XCTAssertEqual(first["note"] as? String, "constraint \"maxLength\" is \"5\"")
    }

    /// Ids that rise row by row are kept in order without a lookup (`AscendingIntegerKeys`), and the text
    /// keys past 262,144 live on disk (`SpillingDigestTable`): a late repeat of either is still found,
    /// with the row that held it, and nothing else is reported.
    func testRepeatedKeysAreFoundAfterOlderKeysWentToDisk() throws {
        let file = folder.appendingPathComponent("keys.csv")
        var text = "id,code\n"
        for index in 1...600_000 { text += "\(index),C\(index)\n" }
        text += "17,C600001\n600002,C42\n"
        try Data(text.utf8).write(to: file)
        let schema = folder.appendingPathComponent("keys.json")
        try Data(#"{"fields": [{"name": "id", "type": "integer"}, {"name": "code", "type": "string", "constraints": {"unique": true}}], "primaryKey": ["id"]}"#.utf8)
            .write(to: schema)
        let result = try CLIRunner.run(["validate", file.path, "--schema", schema.path, "--json"])
        XCTAssertEqual(result.status, 1, result.stderr)
        let report = try XCTUnwrap(try result.json() as? [String: Any])
        let task = try XCTUnwrap((report["tasks"] as? [[String: Any]])?.first)
        let errors = try XCTUnwrap(task["errors"] as? [[String: Any]])
        XCTAssertEqual(errors.map { "\($0["type"] ?? "") \($0["rowNumber"] ?? "") \($0["note"] ?? "")" }, [
            "primary-key 600002 the same as in the row at position 18",
            "unique-error 600003 the same as in the row at position 43",
        ])
    }

    func testMaxErrorsKeepsFewButCountsAll() throws {
        let file = folder.appendingPathComponent("many.csv")
        var text = "id,value\n"
        for index in 1...5_000 { text += "\(index),not-a-number\n" }
        try Data(text.utf8).write(to: file)
        let schema = folder.appendingPathComponent("s.json")
        try Data(#"{"fields": [{"name": "id", "type": "integer"}, {"name": "value", "type": "number"}]}"#.utf8).write(to: schema)
        let result = try CLIRunner.run(["validate", file.path, "--schema", schema.path, "--json", "--max-errors", "3"])
        XCTAssertEqual(result.status, 1, result.stderr)
        let report = try XCTUnwrap(try result.json() as? [String: Any])
        let task = try XCTUnwrap((report["tasks"] as? [[String: Any]])?.first)
        XCTAssertEqual((task["errors"] as? [Any])?.count, 3)
        XCTAssertEqual(task["partial"] as? Bool, true)
        XCTAssertEqual((task["stats"] as? [String: Any])?["errors"] as? Int, 5_000)
        XCTAssertEqual(((task["stats"] as? [String: Any])?["types"] as? [String: Int])?["type-error"], 5_000)
        let human = try CLIRunner.run(["validate", file.path, "--schema", schema.path, "--max-errors", "3"])
        XCTAssertTrue(human.stdout.contains("type-error × 5000"), human.stdout)
        XCTAssertTrue(human.stdout.contains("… and 4997 more"), human.stdout)
    }

    func testValidFilesExitZero() throws {
        let csv = try CLIRunner.run(["validate", frictionlessCase("bom-utf8", "bom.csv"), "--schema", frictionlessCase("bom-utf8", "schema.json")])
        XCTAssertEqual(csv.status, 0, csv.stdout + csv.stderr)
        XCTAssertTrue(csv.stdout.contains("valid: 0 errors"), csv.stdout)
        let geojson = try CLIRunner.run(["validate", CLIRunner.fixture("geojson/good/multipolygon.geojson")])
        XCTAssertEqual(geojson.status, 0, geojson.stdout)
    }

    func testGeoJSONProblemsAndWarnings() throws {
        let bad = try CLIRunner.run(["validate", CLIRunner.fixture("geojson/bad/different-first-last.geojson")])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stdout.contains("the first and last positions in a LinearRing of coordinates must be the same"), bad.stdout)
        let winding = try CLIRunner.run(["validate", CLIRunner.fixture("geojson/bad/polygon_winding_order.geojson")])
        XCTAssertEqual(winding.status, 0, "a ring against the right-hand rule is only a warning")
        XCTAssertTrue(winding.stdout.contains("warning: "), winding.stdout)
    }

    func testDataPackageChecksForeignKeysAcrossResources() throws {
        let result = try CLIRunner.run(["validate", frictionlessCase("fk-composite-package", "datapackage.json"), "--json"])
        XCTAssertEqual(result.status, 1, result.stderr)
        let report = try XCTUnwrap(try result.json() as? [String: Any])
        let tasks = try XCTUnwrap(report["tasks"] as? [[String: Any]])
        XCTAssertEqual(tasks.map { $0["name"] as? String }, ["people", "visits"])
        XCTAssertEqual((tasks[1]["errors"] as? [[String: Any]])?.map { $0["rowNumber"] as? Int }, [3, 4])
    }

    func testInputErrorsExitTwoWithOneLine() throws {
        let missing = try CLIRunner.run(["validate", folder.appendingPathComponent("nothing.csv").path], in: folder)
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr.split(separator: "\n").count, 1, missing.stderr)
        let schema = folder.appendingPathComponent("broken.schema.json")
        try Data(#"{"fields": [{"name": "a", "type": "integr"}]}"#.utf8).write(to: schema)
        let broken = try CLIRunner.run(["validate", frictionlessCase("bom-utf8", "bom.csv"), "--schema", schema.path])
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.stderr.contains("fields[0].type"), broken.stderr)
        XCTAssertTrue(broken.stderr.contains("\"integr\" is not a Table Schema type"), broken.stderr)
        let negative = try CLIRunner.run(["validate", frictionlessCase("bom-utf8", "bom.csv"), "--max-errors=-1"])
        XCTAssertEqual(negative.status, 2)
    }

    func testDatasetsCleansedRecordsAreValidatedAgainstItsSchemaAndVocabulary() throws {
        let dataset = folder.appendingPathComponent("datasets/air-quality")
        try FileManager.default.createDirectory(at: dataset.appendingPathComponent("source"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("schemas/vocabularies"), withIntermediateDirectories: true)
        for vocabulary in ["districts", "agencies", "themes", "licenses"] {
            try FileManager.default.copyItem(
                at: CLIRunner.packageRoot.appendingPathComponent("schemas/vocabularies/\(vocabulary).tsv"),
                to: folder.appendingPathComponent("schemas/vocabularies/\(vocabulary).tsv"))
        }
        try Data("""
            id: air-quality
            title: {th: คุณภาพอากาศ, en: Air quality}
            description: {th: ค่าฝุ่น, en: PM2.5 readings}
            publisher: ENV
            contact: {name: Data officer, email: data@example.org}
            theme: environment
            license: CC-BY-4.0
            classification: public
            updateFrequency: daily
            governance: {status: draft}
            source: {paths: [source/pm25.csv]}
            schema: air-quality
            """.utf8).write(to: dataset.appendingPathComponent("dataset.yaml"))
        try Data("""
            {"fields": [
              {"name": "station", "type": "string", "constraints": {"required": true, "unique": true}},
              {"name": "district", "type": "string"},
              {"name": "pm25", "type": "number", "constraints": {"minimum": 0}}],
             "foreignKeys": [{"fields": "district", "reference": {"lumpini:vocabulary": "districts", "fields": "code"}}]}
            """.utf8).write(to: folder.appendingPathComponent("schemas/air-quality.schema.json"))
        try Data("station,district,pm25\nST1,1001,35\nST2,9999,12\nST2,1002,-3\nST3,1001,5,extra\n".utf8).write(to: dataset.appendingPathComponent("source/pm25.csv"))
        let result = try CLIRunner.run(["validate", "air-quality", "--json", "--root", folder.path])
        XCTAssertEqual(result.status, 1, result.stderr)
        let report = try XCTUnwrap(try result.json() as? [String: Any])
        let task = try XCTUnwrap((report["tasks"] as? [[String: Any]])?.first)
        XCTAssertEqual(task["place"] as? String, "datasets/air-quality (cleansed records)")
        XCTAssertEqual((task["stats"] as? [String: Any])?["rows"] as? Int, 4)
        let warnings = try XCTUnwrap(task["warnings"] as? [[String: Any]])
        XCTAssertEqual(warnings.map { $0["type"] as? String }, ["quarantined-row"], "the row the reader set aside is listed")
        XCTAssertEqual(warnings.first?["rowNumber"] as? Int, 5)
        let errors = try XCTUnwrap(task["errors"] as? [[String: Any]])
        XCTAssertEqual(errors.map { "\($0["type"] as? String ?? "")@\($0["rowNumber"] as? Int ?? 0)" },
                       ["foreign-key@3", "constraint-error@4", "unique-error@4"])
    }
}
