import Foundation
import Lumpini
import XCTest

/// A malformed schema is reported as such, with the JSON path of the bad part.
final class SchemaLoadingTests: XCTestCase {
    private func failure(_ json: String, file: StaticString = #filePath, line: UInt = #line) -> LumpiniError? {
        do {
            _ = try TableSchema(json: try JSONParser.parse(json), file: "schemas/test.schema.json")
            XCTFail("the schema should be refused: \(json)", file: file, line: line)
            return nil
        } catch let error as LumpiniError {
            XCTAssertEqual(error.code, "schema-invalid", file: file, line: line)
            XCTAssertEqual(error.kind, .input, file: file, line: line)
            return error
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
            return nil
        }
    }

    func testEachMalformedPartIsNamedByItsPath() {
        let cases: [(String, String)] = [
            (#"{"fields": {}}"#, "fields"),
            (#"{"fields": [{"name": "a", "type": "strng"}]}"#, "fields[0].type"),
            (#"{"fields": [{"name": "a"}, {"type": "integer"}]}"#, "fields[1].name"),
            (#"{"fields": [{"name": "a"}, {"name": "a"}]}"#, "fields[1].name"),
            (#"{"fields": [{"name": "a", "type": "integer", "constraints": {"minimum": "ten"}}]}"#, "fields[0].constraints.minimum"),
            (#"{"fields": [{"name": "a", "type": "integer", "constraints": {"pattern": "[0-9]"}}]}"#, "fields[0].constraints.pattern"),
            (#"{"fields": [{"name": "a", "constraints": {"maxLength": -1}}]}"#, "fields[0].constraints.maxLength"),
            (#"{"fields": [{"name": "a", "type": "string", "constraints": {"pattern": "[a-"}}]}"#, "fields[0].constraints.pattern"),
            (#"{"fields": [{"name": "a", "type": "geopoint", "format": "wkt"}]}"#, "fields[0].format"),
            (#"{"fields": [{"name": "a"}], "primaryKey": ["a", "b"]}"#, "primaryKey[1]"),
            (#"{"fields": [{"name": "a"}], "foreignKeys": [{"fields": "a", "reference": {"resource": "", "fields": ["x", "y"]}}]}"#, "foreignKeys[0].reference.fields"),
            (#"{"fields": [{"name": "a"}], "missingValues": [1]}"#, "missingValues[0]"),
            (#"{"fields": [{"name": "a"}], "lumpini:geometry": {"types": ["Pointy"]}}"#, "lumpini:geometry.types[0]"),
            (#"{"fields": [{"name": "a"}], "lumpini:geometry": {"within": [1, 2, 3]}}"#, "lumpini:geometry.within"),
            (#"{"fields": [{"name": "a"}], "lumpini:geometry": {"crs": "EPSG:999999"}}"#, "lumpini:geometry.crs"),
            (#"{"fields": [{"name": "a"}], "lumpini:geometry": {"colour": "red"}}"#, "lumpini:geometry.colour"),
        ]
        for (json, path) in cases {
            XCTAssertEqual(failure(json)?.field, path, json)
        }
    }

    func testAFullSchemaLoads() throws {
        let json = #"""
        {
          "fields": [
            {"name": "code", "type": "string", "constraints": {"required": true, "unique": true, "pattern": "[0-9]{4}"}},
            {"name": "district", "type": "string", "constraints": {"enum": ["พระนคร", "ดุสิต"]}},
            {"name": "pm25", "type": "number", "decimalChar": ",", "constraints": {"minimum": 0, "exclusiveMaximum": 1000}},
            {"name": "measured", "type": "datetime", "format": "%d/%m/%Y %H:%M"},
            {"name": "where", "type": "geopoint", "format": "array"}
          ],
          "missingValues": ["", "-", "N/A"],
          "primaryKey": ["code", "measured"],
          "foreignKeys": [{"fields": "code", "reference": {"lumpini:vocabulary": "districts", "fields": "code"}}],
          "lumpini:geometry": {"types": ["Point"], "valid": true, "within": "dataset", "crs": "EPSG:4326", "precision": 6}
        }
        """#
        let schema = try TableSchema(json: try JSONParser.parse(json))
        XCTAssertEqual(schema.fields.map(\.type), [.string, .string, .number, .datetime, .geopoint])
        XCTAssertEqual(schema.primaryKey, ["code", "measured"])
        XCTAssertEqual(schema.foreignKeys.first?.target, .vocabulary("districts"))
        XCTAssertEqual(schema.geometry?.types, [.point])
        XCTAssertEqual(schema.geometry?.withinDatasetArea, true)
        XCTAssertEqual(schema.geometry?.precision, 6)
        XCTAssertEqual(schema.missingValues, ["", "-", "N/A"])
    }

    func testInvalidJSONGivesTheLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.schema.json")
        try Data("{\n  \"fields\": [\n    {\"name\": \"a\",}\n  ]\n}\n".utf8).write(to: file)
        XCTAssertThrowsError(try TableSchema.load(contentsOf: file)) { error in
            let error = error as? LumpiniError
            XCTAssertEqual(error?.code, "schema-invalid")
            XCTAssertEqual(error?.row, 3)
        }
    }
}
