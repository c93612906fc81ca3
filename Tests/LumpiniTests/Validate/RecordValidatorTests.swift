import Foundation
import GDAL
import Lumpini
import XCTest

/// The pipeline's per-record API: each record's errors, keys remembered across records, and the
/// geometry rules of `"lumpini:geometry"`.
final class RecordValidatorTests: XCTestCase {
    private let schemaJSON = #"""
    {
      "fields": [
        {"name": "station", "type": "string", "constraints": {"required": true}},
        {"name": "district", "type": "integer"},
        {"name": "pm25", "type": "number", "constraints": {"minimum": 0}}
      ],
      "primaryKey": "station",
      "foreignKeys": [{"fields": "district", "reference": {"lumpini:vocabulary": "districts", "fields": "code"}}],
      "lumpini:geometry": {"types": ["Point"], "required": true, "within": "dataset", "crs": "EPSG:4326", "precision": 6}
    }
    """#

    private func validator(districts: [String] = ["1001", "1002"]) throws -> RecordValidator {
        let schema = try TableSchema(json: try JSONParser.parse(schemaJSON))
        return try RecordValidator(
            schema: schema, fieldNames: ["station", "district", "pm25"], crs: try SpatialReference(epsg: 4326),
            area: SpatialCoverage.bangkokBBox, lookups: [0: ReferenceKeySet(values: districts)])
    }

    private func types(_ errors: [ValidationProblem]) -> [String] { errors.map(\.type) }

    func testValidRecordsPassAndKeysAreRemembered() throws {
        let validator = try validator()
        XCTAssertEqual(validator.headerErrors, [])
        let first = Record(rowNumber: 2, values: ["ST01", "1001", "35.5"], geometry: try Geometry(x: 100.5, y: 13.75))
        XCTAssertEqual(types(validator.validate(first)), [])
        let repeated = Record(rowNumber: 3, values: ["ST01", "๑๐๐๒", "12"], geometry: try Geometry(x: 100.6, y: 13.8))
        let errors = validator.validate(repeated)
        XCTAssertEqual(types(errors), ["primary-key"], "Thai digits read as 1002, a known district")
        XCTAssertEqual(errors.first?.note, "the same as in the row at position 2")
    }

    func testEachRuleHasItsError() throws {
        let validator = try validator()
        let outside = Record(rowNumber: 2, values: ["A", "1001", "1"], geometry: try Geometry(x: 13.75, y: 100.5))
        XCTAssertEqual(types(validator.validate(outside)), ["geometry-outside-area"])
        let line = try Geometry(wkt: "LINESTRING (100.5 13.7, 100.6 13.8)")
        XCTAssertEqual(types(validator.validate(Record(rowNumber: 3, values: ["B", "1001", "1"], geometry: line))), ["geometry-type-error"])
        XCTAssertEqual(types(validator.validate(Record(rowNumber: 4, values: ["C", "1001", "1"], geometry: nil))), ["geometry-missing"])
        let precise = Record(rowNumber: 5, values: ["D", "1001", "1"], geometry: try Geometry(x: 100.5234567, y: 13.7))
        XCTAssertEqual(types(validator.validate(precise)), ["geometry-precision"])
        let empty = Record(rowNumber: 6, values: ["E", "1001", "1"], geometry: try Geometry(empty: .point))
        XCTAssertEqual(types(validator.validate(empty)), ["geometry-empty"])
        let badDistrict = Record(rowNumber: 7, values: ["F", "9999", "-1"], geometry: try Geometry(x: 100.5, y: 13.75))
        let errors = validator.validate(badDistrict)
        XCTAssertEqual(types(errors), ["constraint-error", "foreign-key"])
        XCTAssertEqual(errors.last?.note, "for \"district\": values \"9999\" not found in the lookup table \"districts\" as \"code\"")
    }

    func testInvalidPolygonCarriesGEOSReason() throws {
        let schema = TableSchema(fields: [SchemaField(name: "id", type: .integer)], geometry: GeometryRules(types: [.polygon], valid: true))
        let validator = try RecordValidator(schema: schema, fieldNames: ["id"])
        let bowtie = try Geometry(wkt: "POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))")
        let errors = validator.validate(Record(rowNumber: 9, values: ["1"], geometry: bowtie))
        XCTAssertEqual(types(errors), ["geometry-invalid"])
        XCTAssertEqual(errors.first?.note, "Self-intersection[5 5]")
        XCTAssertEqual(errors.first?.rowNumber, 9)
    }

    func testGeometryCRSMustMatch() throws {
        let schema = try TableSchema(json: try JSONParser.parse(schemaJSON))
        let validator = try RecordValidator(schema: schema, fieldNames: ["station", "district", "pm25"], crs: try SpatialReference(epsg: 32647),
                                            lookups: [0: ReferenceKeySet(values: ["1001"])])
        let errors = validator.validate(Record(rowNumber: 2, values: ["A", "1001", "1"], geometry: try Geometry(x: 100.5, y: 13.75)))
        XCTAssertEqual(types(errors), ["geometry-crs-error"])
    }

    func testFieldNamesThatDoNotMatchTheSchemaAreLabelErrors() throws {
        let schema = try TableSchema(json: try JSONParser.parse(schemaJSON))
        let validator = try RecordValidator(schema: schema, fieldNames: ["station", "khet", "pm25"], lookups: [0: ReferenceKeySet()])
        XCTAssertEqual(validator.headerErrors.map(\.type), ["incorrect-label"])
        XCTAssertEqual(validator.headerErrors.first?.fieldName, "district")
    }
}
