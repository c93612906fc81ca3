import Foundation
@testable import Lumpini
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
}
