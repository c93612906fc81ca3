import Foundation
@testable import Lumpini
@testable import LumpiniPublish
import XCTest
import TestSupport

/// The published `datapackage.json` is checked by the reference tool, `frictionless validate`,
/// which also checks every resource's bytes and SHA-256 and the CSV against its schema.
final class DataPackageTests: XCTestCase {
    func testFrictionlessValidatesThePublishedPackageWithAndWithoutBOM() async throws {
        let frictionless = try ReferenceTools.tool("frictionless")
        let space = try StationsWorkspace()
        defer { space.remove() }
        try space.addDataset("plain")
        try space.addDataset("excel", formats: "[geojson, csv, gpkg]")
        let yaml = space.workspace.datasetDirectory("excel").appendingPathComponent("dataset.yaml")
        try (String(contentsOf: yaml, encoding: .utf8).replacingOccurrences(of: "formats: [geojson, csv, gpkg]", with: "formats: [geojson, csv, gpkg], csvBOM: true"))
            .write(to: yaml, atomically: true, encoding: .utf8)
        let summary = try await space.runner().run()
        XCTAssertEqual(summary.published.count, 2)

        for id in ["plain", "excel"] {
            let process = Process()
            process.executableURL = frictionless
            process.arguments = ["validate", "--json", space.file(id, version: 1, "datapackage.json").path]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let report = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
            XCTAssertEqual(report["valid"] as? Bool, true, "\(id): \(String(decoding: data, as: UTF8.self).prefix(2000))")
        }
    }

    /// The CSV's schema in `datapackage.json` keeps the dataset schema's constraints, written as the
    /// schema wrote them, so other tools know what the published values keep to.
    func testTheCSVSchemaKeepsTheConstraintsOfTheDatasetSchema() throws {
        let schema = try TableSchema(json: try JSONParser.parse("""
            {"fields": [
              {"name": "code", "type": "string", "constraints": {"required": true, "pattern": "^10[0-5][0-9]$", "unique": true}},
              {"name": "pm25", "type": "number", "constraints": {"minimum": 0, "maximum": 1000.5}},
              {"name": "level", "type": "string", "constraints": {"enum": ["low", "high"], "minLength": 3, "maxLength": 4}},
              {"name": "note", "type": "string"}
            ]}
            """))
        let table = OutputTable(fields: schema.fields.map { OutputField(name: $0.name, constraints: $0.constraints) })
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: JSONOutput.data(DataPackageDescriptor.schema(of: table))) as? [String: Any])
        let fields = try XCTUnwrap(json["fields"] as? [[String: Any]])
        XCTAssertEqual(fields[0]["constraints"] as? NSDictionary, ["required": true, "pattern": "^10[0-5][0-9]$", "unique": true])
        XCTAssertEqual(fields[1]["constraints"] as? NSDictionary, ["minimum": 0, "maximum": 1000.5])
        XCTAssertEqual(fields[2]["constraints"] as? NSDictionary, ["enum": ["low", "high"], "minLength": 3, "maxLength": 4])
        XCTAssertNil(fields[3]["constraints"], "a field without constraints has none written")
    }
}
