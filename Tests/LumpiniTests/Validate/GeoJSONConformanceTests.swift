import Foundation
import GDAL
import Lumpini
import XCTest

/// The GeoJSON fixtures of `../shared/fixtures/geojson`: geojsonhint's good and bad files with
/// their expected messages, and GEOS's validity cases.
final class GeoJSONConformanceTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/fixtures/geojson").standardizedFileURL

    private func files(in subfolder: String, ending suffix: String) throws -> [URL] {
        let directory = Self.folder.appendingPathComponent(subfolder)
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(suffix) }.sorted()
            .map { directory.appendingPathComponent($0) }
    }

    func testEveryGoodFilePassesWithoutMessages() throws {
        let good = try files(in: "good", ending: ".geojson")
        XCTAssertEqual(good.count, 18)
        for file in good {
            let report = try Validator.validate(file: file.path)
            XCTAssertTrue(report.valid, "\(file.lastPathComponent): \(report.tasks.flatMap(\.errors).map(\.message))")
            XCTAssertEqual(report.stats.warnings, 0, file.lastPathComponent)
        }
    }

    struct ExpectedMessage: Decodable, Hashable {
        var message: String
        var level: String?
    }

    /// Every bad file gives exactly the linter's messages (errors and warnings, with repeats);
    /// a file whose `.result` has only warnings is valid with those warnings.
    func testEveryBadFileGivesTheLintersMessages() throws {
        let bad = try files(in: "bad", ending: ".geojson")
        XCTAssertEqual(bad.count, 44)
        for file in bad {
            let resultFile = file.deletingPathExtension().appendingPathExtension("result")
            let expected = try JSONDecoder().decode([ExpectedMessage].self, from: Data(contentsOf: resultFile))
            let report = try Validator.validate(file: file.path)
            let task = try XCTUnwrap(report.tasks.first)
            let expectedErrors = expected.filter { $0.level == nil }.map(\.message).sorted()
            let expectedWarnings = expected.filter { $0.level != nil }.map(\.message).sorted()
            XCTAssertEqual(report.valid, expectedErrors.isEmpty, "\(file.lastPathComponent): verdict")
            XCTAssertEqual(task.warnings.map(\.note).sorted(), expectedWarnings, "\(file.lastPathComponent): warnings")
            if file.lastPathComponent == "bad-json.geojson" {
                XCTAssertEqual(task.errors.map(\.type), ["geojson-error"], "a JSON syntax error is one error")
                XCTAssertTrue(task.errors[0].note.contains("line 3"), task.errors[0].note)
            } else {
                XCTAssertEqual(task.errors.filter { $0.type == "geojson-error" }.map(\.note).sorted(), expectedErrors, "\(file.lastPathComponent): errors")
            }
        }
    }

    /// RFC 7946 removed `crs`; a file that still has one is reported, as the linter does.
    func testCRSMemberIsAnError() throws {
        let document = try JSONParser.parse(#"""
        {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "EPSG:32647"}},
         "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [668000, 1520000]}}]}
        """#)
        XCTAssertEqual(GeoJSONChecker.check(document).map(\.text), ["old-style crs member is not recommended"])
    }

    struct GEOSCase: Decodable {
        var file: String
        var wkt: String?
        var geos_is_valid: Bool?
        var geos_reason_kind: String?
    }

    struct Index: Decodable {
        var cases: [GEOSCase]
    }

    /// Each WKT case of GEOS's TestValid and makevalid suites gets GEOS's verdict and reason
    /// through the schema's geometry rules.
    func testGeometryRulesGiveGEOSVerdicts() throws {
        // The index was written by Python, which spells a missing measure as a bare NaN.
        let text = try String(contentsOf: Self.folder.appendingPathComponent("expected.json"), encoding: .utf8)
            .replacingOccurrences(of: ": NaN", with: ": null")
        let index = try JSONDecoder().decode(Index.self, from: Data(text.utf8))
        let cases = index.cases.filter { $0.file.hasPrefix("invalid-geometry/") && $0.wkt != nil }
        XCTAssertEqual(cases.count, 102)
        let schema = TableSchema(fields: [SchemaField(name: "id", type: .integer)], geometry: GeometryRules(valid: true, nonEmpty: false))
        let validator = try RecordValidator(schema: schema, fieldNames: ["id"])
        var checked = 0
        for (number, testCase) in cases.enumerated() {
            guard let wkt = testCase.wkt, let expectedValid = testCase.geos_is_valid else { continue }
            // GDAL reads no LINEARRING WKT: those cases have no geometry to check here.
            guard let geometry = try? Geometry(wkt: wkt) else { continue }
            let errors = validator.validate(Record(rowNumber: number + 2, values: [String(number)], geometry: geometry))
            let invalid = errors.filter { $0.type == "geometry-invalid" }
            XCTAssertEqual(invalid.isEmpty, expectedValid, "\(testCase.file) \(wkt)")
            if let kind = testCase.geos_reason_kind, !expectedValid, let note = invalid.first?.note {
                // The index was computed with GEOS 3.14; GEOS 3.11 names some ring self-intersections
                // plain "Self-intersection" (see docs/validation.md).
                let sameKind = note.hasPrefix(kind) || (kind.hasSuffix("Self-intersection") && note.hasPrefix("Self-intersection"))
                XCTAssertTrue(sameKind, "\(testCase.file): GEOS says \"\(note)\", expected \(kind)")
            }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 90)
    }

    /// In the GeoJSON twin of GEOS's suite, every feature whose structure is sound gets GEOS's verdict.
    func testGeoJSONFileGivesGEOSVerdictPerFeature() throws {
        let file = Self.folder.appendingPathComponent("invalid-geometry/geos-testvalid.geojson")
        let document = try JSONParser.parse([UInt8](Data(contentsOf: file)))
        let report = try Validator.validate(file: file.path)
        let errors = report.tasks.flatMap(\.errors)
        let structural = Set(errors.filter { $0.type == "geojson-error" }.compactMap(\.rowNumber))
        let invalid = Set(errors.filter { $0.type == "geometry-invalid" }.compactMap(\.rowNumber))
        var compared = 0
        for (index, feature) in (document["features"]?.arrayValue ?? []).enumerated() {
            let row = index + 1
            guard feature["geometry"] != .null, !structural.contains(row),
                  let expected = feature["properties"]?["expected_valid"]?.boolValue else { continue }
            XCTAssertEqual(!invalid.contains(row), expected, "feature \(row): \(feature["properties"]?["desc"]?.stringValue ?? "")")
            compared += 1
        }
        XCTAssertGreaterThan(compared, 70)
    }
}
