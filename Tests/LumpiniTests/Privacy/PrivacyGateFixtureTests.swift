import Foundation
import XCTest
@testable import Lumpini

/// The BMA community polygons carry chairpersons' names in `CHAIRMAN` (see the fixture's SOURCES.md):
/// read through `SourceReader`, the dataset is blocked until the column is dropped or declared.
final class PrivacyGateFixtureTests: XCTestCase {
    private static let fixture = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("shared/fixtures/bma-communities-aqdash/Community_Stud_FeaturesToJSO.geojson").path

    /// CHAIRMAN values that hold a name, counted from the raw JSON (not through GDAL).
    private func chairmenInTheFile() throws -> [String] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.fixture))) as? [String: Any]
        let features = try XCTUnwrap(json?["features"] as? [[String: Any]])
        return features.compactMap { ($0["properties"] as? [String: Any])?["CHAIRMAN"] as? String }
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty && $0 != "-" }
    }

    func testTheChairmanColumnBlocksTheRelease() throws {
        let reader = try SourceReader(path: Self.fixture)
        let report = try PrivacyGate.scan(reader: reader)
        XCTAssertTrue(report.isBlocking)
        XCTAssertEqual(report.rowsScanned, 15)
        let chairmen = try chairmenInTheFile()
        XCTAssertGreaterThan(chairmen.count, 5)
        let finding = try XCTUnwrap(report.findings.first { $0.column == "CHAIRMAN" })
        XCTAssertEqual(finding.kind, .personName)
        XCTAssertEqual(finding.count, chairmen.count)
        XCTAssertEqual(finding.examples.count, 3)
        for example in finding.examples {
            XCTAssertTrue(example.hasSuffix("***"), example)
            XCTAssertFalse(chairmen.contains(where: example.contains), "\(example) shows a whole name")
        }
        XCTAssertEqual(report.findings.map(\.column), ["CHAIRMAN"], "only CHAIRMAN holds personal data: \(report.findings)")
        let error = try XCTUnwrap(report.blockingError(file: "datasets/communities/dataset.yaml"))
        XCTAssertEqual(error.field, "CHAIRMAN")
        XCTAssertFalse(chairmen.contains { error.description.contains($0) }, error.description)
    }

    func testDeclaringTheColumnUnblocksIt() throws {
        let reader = try SourceReader(path: Self.fixture)
        let report = try PrivacyGate.scan(reader: reader, allow: ["CHAIRMAN": ["person-name"]])
        XCTAssertFalse(report.isBlocking, "\(report.findings)")
        XCTAssertEqual(report.allowed.map(\.column), ["CHAIRMAN"])
    }

    func testDroppingTheColumnUnblocksIt() throws {
        let reader = try SourceReader(path: Self.fixture)
        let dropped = try XCTUnwrap(reader.header.firstIndex(of: "CHAIRMAN"))
        var header = reader.header
        header.remove(at: dropped)
        var scanner = try PrivacyScanner(header: header)
        while var record = try reader.next() {
            record.values.remove(at: dropped)
            scanner.scan(record)
        }
        XCTAssertFalse(scanner.report.isBlocking, "\(scanner.report.findings)")
        XCTAssertEqual(scanner.report.rowsScanned, 15)
    }
}
