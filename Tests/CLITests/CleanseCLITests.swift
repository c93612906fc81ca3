import Foundation
import XCTest

/// `lumpini new`, `check` and `cleanse` on the real binary, in a fresh copy of a sample dataset.
final class CleanseCLITests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = try CLIRunner.temporaryDirectory()
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: root.appendingPathComponent("datasets"), withIntermediateDirectories: true)
        try fileManager.copyItem(at: CLIRunner.packageRoot.appendingPathComponent("schemas"), to: root.appendingPathComponent("schemas"))
        for id in ["waste-tonnage-sample", "flood-prone-points-sample"] {
            try fileManager.copyItem(at: CLIRunner.packageRoot.appendingPathComponent("datasets/\(id)"), to: root.appendingPathComponent("datasets/\(id)"))
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func testCleanseJSONSummaryAndFiles() throws {
        let result = try CLIRunner.run(["cleanse", "waste-tonnage-sample", "--json", "--root", root.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let summary = try XCTUnwrap(try result.json() as? [String: Any])
        XCTAssertEqual(summary["rowsIn"] as? Int, 596)
        XCTAssertEqual(summary["rowsKept"] as? Int, 594)
        XCTAssertEqual(summary["rowsQuarantined"] as? Int, 2)
        XCTAssertEqual(summary["quarantineFile"] as? String, ".lumpini/quarantine/waste-tonnage-sample/quarantine.csv")
        let steps = try XCTUnwrap(summary["steps"] as? [[String: Any]])
        let numbers = try XCTUnwrap(steps.first { $0["step"] as? String == "parse-numbers" })
        XCTAssertEqual(numbers["field"] as? String, "tonnes_per_day")
        XCTAssertEqual(numbers["changed"] as? Int, 197)
        let example = try XCTUnwrap((numbers["examples"] as? [[String: Any]])?.first)
        XCTAssertEqual(example["row"] as? Int, 4)
        XCTAssertEqual(example["before"] as? String, "1,234.5")
        XCTAssertEqual(example["after"] as? String, "1234.5")

        let quarantine = try String(contentsOf: root.appendingPathComponent(".lumpini/quarantine/waste-tonnage-sample/quarantine.csv"), encoding: .utf8)
        let lines = quarantine.split(separator: "\r\n").map(String.init)
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[0].hasSuffix("source,row,record,stage,reason,message,field,ลำดับ,เขต,เดือน,ปริมาณขยะ (ตัน/วัน),หมายเหตุ,geometry_wkt"), lines[0])
        XCTAssertTrue(lines[2].hasPrefix("source/waste.xlsx,599,596,cleanse,total-row,"), lines[2])
        XCTAssertTrue(lines[2].contains(",รวม,,\"147,815.55\","), lines[2])
        let bytes = try Data(contentsOf: root.appendingPathComponent(".lumpini/cleansed/waste-tonnage-sample/waste-tonnage-sample.csv"))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "csvBOM: true")
        let cleansed = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(cleansed.hasPrefix("district,month,tonnes_per_day,note,district_code,district_th,district_en\r\n"))
        XCTAssertTrue(cleansed.contains("เขตพระนคร,2024-01-01,1234.5,,1001,พระนคร,Phra Nakhon\r\n"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent(".lumpini/cleansed/waste-tonnage-sample/cleansing-report.txt").path))
    }

    func testCleanseTextReportAndLumpiniRootVariable() throws {
        let result = try CLIRunner.run(["cleanse", "flood-prone-points-sample"], environment: ["LUMPINI_ROOT": root.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("Cleansing flood-prone-points-sample: 10 rows in, 9 kept, 1 quarantined"), result.stdout)
        XCTAssertTrue(result.stdout.contains("row 3: \"POINT (13.7560 100.6210)\" → \"POINT (100.6210 13.7560)\""), result.stdout)
        XCTAssertTrue(result.stdout.contains("missing-coordinates  1"))
    }

    func testMalformedDatasetYAMLIsOneLineAndExitTwo() throws {
        let file = root.appendingPathComponent("datasets/waste-tonnage-sample/dataset.yaml")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "  headerRow: 3", with: "  headerRow: 3\n  sheet: x")
        try Data(text.utf8).write(to: file)
        let result = try CLIRunner.run(["cleanse", "waste-tonnage-sample", "--root", root.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1)
        XCTAssertTrue(result.stderr.contains("datasets/waste-tonnage-sample/dataset.yaml:40: field \"source.sheet\": unknown key \"sheet\""), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent(".lumpini/cleansed/waste-tonnage-sample/waste-tonnage-sample.csv").path))
    }

    func testUnknownDatasetIsAnInputError() throws {
        let result = try CLIRunner.run(["cleanse", "no-such-dataset", "--root", root.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("known datasets: flood-prone-points-sample, waste-tonnage-sample"), result.stderr)
    }

    func testNewThenCheckListsWhatIsLeft() throws {
        let source = CLIRunner.fixture("bkk-health-dashboard/community_health_worker.csv")
        let created = try CLIRunner.run(["new", "health-workers", "--from", source, "--root", root.path, "--json"])
        XCTAssertEqual(created.status, 0, created.stderr)
        let summary = try XCTUnwrap(try created.json() as? [String: Any])
        XCTAssertEqual(summary["recipe"] as? [String], ["clean-text", "parse-numbers", "match-districts"])
        let yaml = try String(contentsOf: root.appendingPathComponent("datasets/health-workers/dataset.yaml"), encoding: .utf8)
        XCTAssertTrue(yaml.contains("  encoding: TIS-620"))
        let check = try CLIRunner.run(["check", "health-workers", "--root", root.path, "--json"])
        XCTAssertEqual(check.status, 1)
        let findings = try XCTUnwrap((try check.json() as? [String: Any])?["findings"] as? [[String: Any]])
        XCTAssertEqual(Set(findings.filter { $0["severity"] as? String == "error" }.compactMap { $0["field"] as? String }),
                       ["title.th", "title.en", "description.th", "description.en", "contact.name", "contact.email", "publisher", "theme"])
        let cleanse = try CLIRunner.run(["cleanse", "health-workers", "--json", "--root", root.path])
        XCTAssertEqual(cleanse.status, 0, cleanse.stderr)
        XCTAssertEqual((try cleanse.json() as? [String: Any])?["rowsKept"] as? Int, 69)
        let again = try CLIRunner.run(["new", "health-workers", "--from", source, "--root", root.path])
        XCTAssertEqual(again.status, 2)
    }

    func testCheckOfASampleIsClean() throws {
        let result = try CLIRunner.run(["check", "waste-tonnage-sample", "--root", root.path])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("waste-tonnage-sample: ready"))
    }
}
