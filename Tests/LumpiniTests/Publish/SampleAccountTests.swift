import Foundation
@testable import Lumpini
import TestSupport
import XCTest

/// Every shipped sample, released: rows read, published and set aside by stage and reason are the
/// same in every file of the version (manifest, cleansing and validation reports, quarantine, README,
/// data files and datapackage.json as the reference tool reads them) and in the catalogue; every
/// package validates clean with Lumpini and with `frictionless validate`; every sample carries the
/// GD Catalog's required fields.
final class SampleAccountTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = try Fixtures.temporaryDirectory()
        for folder in ["datasets", "schemas"] {
            try FileManager.default.copyItem(at: Fixtures.packageRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        // The livability sample waits for approval: approve it in this copy so that it is released too.
        let livability = root.appendingPathComponent("datasets/livability-indicators-sample/dataset.yaml")
        let text = try String(contentsOf: livability, encoding: .utf8)
        XCTAssertTrue(text.contains("governance:\n  status: pending\n"))
        try text.replacingOccurrences(
            of: "governance:\n  status: pending\n",
            with: "governance:\n  status: approved\n  approvedBy: BMA Data Governance Committee (sample)\n  approvedOn: 2024-02-15\n"
        ).write(to: livability, atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func decode<T: Decodable>(_ type: T.Type, _ url: URL) throws -> T {
        try JSONDecoder().decode(type, from: Data(contentsOf: url))
    }

    func testEverySampleGivesOneAccountInEveryFileAndInTheCatalogue() async throws {
        let frictionless = try ReferenceTools.tool("frictionless")
        let workspace = Workspace(root: root.path)
        let datasets = root.appendingPathComponent("datasets")
        let ids = try FileManager.default.contentsOfDirectory(atPath: datasets.path).sorted().filter {
            FileManager.default.fileExists(atPath: datasets.appendingPathComponent("\($0)/dataset.yaml").path)
        }
        XCTAssertEqual(ids.count, 10)
        let summary = try await ReleaseRunner(workspace: workspace, pipeline: CleanseValidatePipeline()).run()
        XCTAssertEqual(summary.published.map(\.id).sorted(), ids, "\(summary.failed)")
        let catalogue = try Catalogue.open(at: Catalogue.defaultFile(publicRoot: workspace.publicRoot), publicRoot: workspace.publicRoot, create: true)
        try catalogue.update(after: summary, workspace: workspace)

        for id in ids {
            let version = workspace.publicRoot.appendingPathComponent("\(id)/v1")
            let manifest = try decode(Manifest.self, version.appendingPathComponent("manifest.json"))
            let counts = manifest.counts
            let reasons = try XCTUnwrap(counts.quarantineReasons, id)
            XCTAssertEqual(counts.rowsIn, counts.rowsPublished + counts.rowsQuarantined, id)
            XCTAssertEqual(reasons.total, counts.rowsQuarantined, id)
            XCTAssertTrue(manifest.quality.valid, id)

            let cleansing = try decode(CleansingReport.self, version.appendingPathComponent("cleansing-report.json"))
            XCTAssertEqual(cleansing.rowsIn, counts.rowsIn, id)
            XCTAssertEqual(cleansing.quarantineReasons, reasons.cleanse, id)
            XCTAssertEqual(cleansing.rowsKept, counts.rowsPublished + reasons.validate.values.reduce(0, +), id)

            let validation = try decode(ValidationReport.self, version.appendingPathComponent("validation-report.json"))
            XCTAssertTrue(validation.valid, id)
            XCTAssertEqual(validation.tasks.first?.stats.rows, counts.rowsPublished, id)
            XCTAssertEqual(validation.setAside?.reasons, reasons.validate, id)

            // The quarantine holds each row set aside once, with its stage and reason.
            let quarantine = try SourceReader(path: root.appendingPathComponent(".lumpini/quarantine/\(id)/quarantine.csv").path)
            XCTAssertEqual(Array(quarantine.header.prefix(7)), ["source", "row", "record", "stage", "reason", "message", "field"], id)
            var quarantined = QuarantineReasons()
            while let record = try quarantine.next() {
                XCTAssertEqual(record.values.count, quarantine.header.count, id)
                XCTAssertNotNil(record.values[0], "\(id): every row set aside names its source")
                quarantined.add(try XCTUnwrap(record.values[4]), by: try XCTUnwrap(QuarantineReasons.Stage(rawValue: record.values[3] ?? "")))
            }
            XCTAssertEqual(quarantined, reasons, id)

            let readme = try String(contentsOf: version.appendingPathComponent("README.md"), encoding: .utf8)
            XCTAssertTrue(readme.contains("| \(counts.rowsPublished) published / เผยแพร่; \(counts.rowsQuarantined) held back by checks / ไม่ผ่านการตรวจสอบ (of \(counts.rowsIn) read / จากทั้งหมด) |"), id)
            XCTAssertEqual(readme.contains("| \(reasons.summary) |"), reasons.total > 0, id)

            // The catalogue records the same account.
            let detail = try XCTUnwrap(try catalogue.dataset(id: id), id)
            XCTAssertEqual(detail.manifest.counts, counts, id)
            XCTAssertEqual(detail.versions.first?.rowsQuarantined, counts.rowsQuarantined, id)
            XCTAssertEqual(detail.versions.first?.valid, true, id)
            let gd = GDCatalogRecord(detail, settings: CatalogueExportSettings())
            XCTAssertEqual(gd.missing, [], "\(id) lacks GD Catalog fields")
            XCTAssertEqual(gd.invalid, [], id)

            // The package validates clean with Lumpini and with the reference tool, whose row counts
            // of the data files are the rows published.
            let package = version.appendingPathComponent("datapackage.json").path
            let ours = try Validator.validate(file: package)
            XCTAssertTrue(ours.valid, "\(id): \(ours.tasks.flatMap(\.errors).prefix(3).map(\.message))")
            let theirs = try frictionlessReport(frictionless, package)
            XCTAssertEqual(theirs["valid"] as? Bool, true, "\(id): \(theirs)")
            let tables = (theirs["tasks"] as? [[String: Any]] ?? []).filter { $0["type"] as? String == "table" }
            XCTAssertEqual(tables.map { $0["place"] as? String }, ["\(id).csv"], id)
            XCTAssertEqual(tables.map { ($0["stats"] as? [String: Any])?["rows"] as? Int }, [counts.rowsPublished], id)
            let features = ours.tasks.first { $0.type == "geojson" }?.stats.rows
            XCTAssertEqual(features ?? counts.rowsPublished, counts.rowsPublished, id)
            XCTAssertEqual(features ?? 0, counts.features, id)
        }
    }

    private func frictionlessReport(_ tool: URL, _ package: String) throws -> [String: Any] {
        let process = Process()
        process.executableURL = tool
        process.arguments = ["validate", "--json", package]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
