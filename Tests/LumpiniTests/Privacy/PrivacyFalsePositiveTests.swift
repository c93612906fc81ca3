import Foundation
@testable import Lumpini
@testable import LumpiniCleanse
import XCTest

/// The privacy scan on every sample dataset's source and every tabular or vector shared fixture, read
/// in place: what it finds must be the personal data the files really hold, reviewed by hand below,
/// and nothing else — place names, coordinates, dates, decimals and codes are not findings.
final class PrivacyFalsePositiveTests: XCTestCase {
    private static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private static let fixtures = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures")
    private static let dataExtensions: Set<String> = ["csv", "geojson", "kml", "shp", "xlsx", "gpkg"]

    /// Findings that are real personal data: "file: column: kind".
    private static let reviewed: Set<String> = [
        // Community chairpersons: นาย/นาง + given and family name.
        "fixtures/bma-communities-aqdash/Community_Stud_FeaturesToJSO.geojson: CHAIRMAN: person-name",
        // Clinics named after their doctor ("คลินิกเวชกรรม นพ.อรรถพล", "ดร.สมชายคลินิกเวชกรรม"): a real
        // person's name, published on purpose in a trade name; an agency declares it under privacy.allow.
        "fixtures/bkk-health-dashboard/health_facilities.csv: Name: person-name",
    ]

    private func dataFiles(under folder: URL) -> [URL] {
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return files.filter { Self.dataExtensions.contains($0.pathExtension.lowercased()) }.sorted { $0.path < $1.path }
    }

    /// Each sample's sources, read as its `dataset.yaml` declares (encoding, layer, header rows), then every fixture.
    private func sources() throws -> [(name: String, open: () throws -> SourceReader)] {
        let datasets = Self.packageRoot.appendingPathComponent("datasets")
        var sources: [(name: String, open: () throws -> SourceReader)] = []
        for folder in try Workspace(root: Self.packageRoot.path).datasetIDs() {
            let directory = datasets.appendingPathComponent(folder)
            let description = try DatasetLoader.load(file: directory.appendingPathComponent("dataset.yaml"))
            for path in description.source?.paths ?? [] {
                sources.append(("datasets/\(folder)/\(path)", { try DatasetCleansing.open(path, description: description, directory: directory) }))
            }
        }
        for file in dataFiles(under: Self.fixtures) {
            let name = "fixtures/" + file.path.dropFirst(Self.fixtures.path.count + 1)
            sources.append((name, { try SourceReader(path: file.path) }))
        }
        return sources
    }

    func testFindingsOnTheSamplesAndFixturesAreTheRealOnes() throws {
        var found: Set<String> = []
        var lines: [String] = []
        var unreadable: [String] = []
        var rows = 0
        let sources = try sources()
        for source in sources {
            let report: PrivacyReport
            do {
                report = try PrivacyGate.scan(reader: source.open())
            } catch {
                unreadable.append("\(source.name): \(error)")
                continue
            }
            rows += report.rowsScanned
            let findings = report.findings.map { "\(source.name): \($0.column): \($0.kind.rawValue)" }
            let falsePositives = findings.filter { !Self.reviewed.contains($0) }
            lines.append("\(source.name): \(report.rowsScanned) rows, \(findings.count - falsePositives.count) real, \(falsePositives.count) false"
                         + report.findings.map { " | \($0.column) \($0.kind.rawValue) \($0.count) \($0.examples)" }.joined())
            found.formUnion(findings)
        }
        print(lines.joined(separator: "\n") + "\n\(sources.count - unreadable.count) files, \(rows) rows scanned; unreadable (broken on purpose):\n"
              + unreadable.joined(separator: "\n"))
        XCTAssertFalse(unreadable.contains { $0.hasPrefix("datasets/") }, "\(unreadable)")
        XCTAssertEqual(found.subtracting(Self.reviewed).sorted(), [], "false positives")
        XCTAssertEqual(Self.reviewed.subtracting(found).sorted(), [], "personal data no longer found")
    }
}
