import Foundation
@testable import Lumpini
@testable import LumpiniValidate
import XCTest

/// Types, formats and constraints the shared fixtures do not cover, checked through the row
/// validator: each cell either passes or gives the expected error.
final class FieldTypeTests: XCTestCase {
    /// The error types (and notes) one cell gets under `field` (in a row that is not blank).
    private func problems(_ cell: String?, _ field: SchemaField, missingValues: [String] = [""]) throws -> [String] {
        let schema = TableSchema(fields: [field, SchemaField(name: "other", type: .string)], missingValues: missingValues)
        let validator = try TableValidator(schema: schema, labels: [field.name, "other"])
        return validator.validate(CellRow(number: 2, values: [cell, "x"])).map { "\($0.type): \($0.note)" }
    }

    private func assertValid(_ cells: [String], _ field: SchemaField, file: StaticString = #filePath, line: UInt = #line) throws {
        for cell in cells {
            XCTAssertEqual(try problems(cell, field), [], "\"\(cell)\" should be a valid \(field.typeAndFormat)", file: file, line: line)
        }
    }

    private func assertTypeError(_ cells: [String], _ field: SchemaField, file: StaticString = #filePath, line: UInt = #line) throws {
        for cell in cells {
            XCTAssertEqual(try problems(cell, field), ["type-error: type is \"\(field.typeAndFormat)\""], "\"\(cell)\" should not be a \(field.typeAndFormat)", file: file, line: line)
        }
    }

    func testStringFormats() throws {
        let email = SchemaField(name: "e", type: .string, format: "email")
        try assertValid(["somchai@bangkok.go.th", "a.b+c@example.org", "ผู้ใช้@ตัวอย่าง.ไทย"], email)
        try assertTypeError(["somchai", "a@b", "a b@example.org", "@example.org"], email)
        let uri = SchemaField(name: "u", type: .string, format: "uri")
        try assertValid(["https://data.bangkok.go.th/dataset?id=1", "mailto:a@b.c", "urn:isbn:0451450523"], uri)
        try assertTypeError(["data.bangkok.go.th", "http://a b", "1http://x"], uri)
        let uuid = SchemaField(name: "id", type: .string, format: "uuid")
        try assertValid(["123e4567-e89b-12d3-a456-426614174000", "123E4567-E89B-12D3-A456-426614174000"], uuid)
        try assertTypeError(["123e4567e89b12d3a456426614174000", "123e4567-e89b-12d3-a456-42661417400g"], uuid)
        let binary = SchemaField(name: "b", type: .string, format: "binary")
        try assertValid(["aGVsbG8=", "aGVsbG8gd29ybGQ="], binary)
        try assertTypeError(["aGVsbG8", "a"], binary)
    }

    func testNumberOptions() throws {
        let baht = SchemaField(name: "price", type: .number, decimalChar: ",", groupChar: ".", bareNumber: false)
        try assertValid(["1.234,50", "฿ 1.000,5", "12,5 บาท"], baht)
        try assertTypeError(["abc"], baht)
        let percent = SchemaField(name: "share", type: .number, bareNumber: false)
        try assertValid(["15%", "-2.5 °C"], percent)
        let grouped = SchemaField(name: "n", type: .integer, groupChar: ",")
        try assertValid(["1,000,000"], grouped)
        try assertTypeError(["1.5"], grouped)
        try assertValid(["1_000", "๑๒๓", "  7 "], SchemaField(name: "i", type: .integer))
        try assertValid(["1e-3", "Infinity", "-.5", "๑.๕"], SchemaField(name: "x", type: .number))
        try assertTypeError(["1e", "0x10", "1,5"], SchemaField(name: "x", type: .number))
    }

    func testBooleanValues() throws {
        let thai = SchemaField(name: "open", type: .boolean, trueValues: ["ใช่", "Y"], falseValues: ["ไม่", "N"])
        try assertValid(["ใช่", "Y", "ไม่", "N"], thai)
        try assertTypeError(["true", "y"], thai)
    }

    func testDatePatternsAndAny() throws {
        let thaiStyle = SchemaField(name: "d", type: .date, format: "%d/%m/%Y")
        try assertValid(["31/01/2020", "1/2/2020"], thaiStyle)
        try assertTypeError(["2020-01-31", "30/02/2020", "31/01/20"], thaiStyle)
        let named = SchemaField(name: "d", type: .date, format: "%d %b %Y")
        try assertValid(["05 Jan 2024", "5 jan 2024"], named)
        let stamped = SchemaField(name: "t", type: .datetime, format: "%Y-%m-%d %H:%M:%S%z")
        try assertValid(["2024-01-05 10:00:00+0700", "2024-01-05 10:00:00Z"], stamped)
        try assertValid(["2024-01-05", "05/01/2024", "January 5, 2024"], SchemaField(name: "d", type: .date, format: "any"))
        try assertValid(["10:30", "10:30:15", "2:30 PM"], SchemaField(name: "t", type: .time, format: "any"))
        try assertValid(["10:00:00Z", "23:59:59.999999", "10:00:00+07:00"], SchemaField(name: "t", type: .time))
        try assertValid(["P3W", "PT1.5H", "-P1D"], SchemaField(name: "p", type: .duration))
    }

    func testGeopointFormatsAndGeoJSON() throws {
        try assertValid(["[100.5, 13.75]"], SchemaField(name: "g", type: .geopoint, format: "array"))
        try assertTypeError(["[100.5]", "[200, 13]"], SchemaField(name: "g", type: .geopoint, format: "array"))
        try assertValid(["{\"lon\": 100.5, \"lat\": 13.75}"], SchemaField(name: "g", type: .geopoint, format: "object"))
        try assertTypeError(["{\"lon\": 100.5}"], SchemaField(name: "g", type: .geopoint, format: "object"))
        try assertValid(["{\"type\":\"Topology\",\"objects\":{},\"arcs\":[]}"], SchemaField(name: "t", type: .geojson, format: "topojson"))
        try assertTypeError(["{\"type\":\"Point\",\"coordinates\":[1,2]}"], SchemaField(name: "t", type: .geojson, format: "topojson"))
    }

    func testRangeConstraintsIncludingExclusiveOnes() throws {
        var constraints = FieldConstraints()
        constraints.exclusiveMinimum = .number(0, text: "0")
        constraints.exclusiveMaximum = .number(500, text: "500")
        let pm25 = SchemaField(name: "pm25", type: .number, constraints: constraints)
        XCTAssertEqual(try problems("12.5", pm25), [])
        XCTAssertEqual(try problems("0", pm25), ["constraint-error: constraint \"exclusiveMinimum\" is \"0\""])
        XCTAssertEqual(try problems("500", pm25), ["constraint-error: constraint \"exclusiveMaximum\" is \"500\""])
        XCTAssertEqual(try problems("NaN", pm25).count, 2, "NaN is outside every bound, as the reference says")
        var dates = FieldConstraints()
        dates.minimum = .string("2020-01-01")
        let day = SchemaField(name: "d", type: .date, constraints: dates)
        XCTAssertEqual(try problems("2019-12-31", day), ["constraint-error: constraint \"minimum\" is \"2020-01-01\""])
        XCTAssertEqual(try problems("2020-01-01", day), [])
    }

    func testLengthCountsCodePointsAndPatternMatchesWholeValue() throws {
        var constraints = FieldConstraints()
        constraints.maxLength = 6
        constraints.pattern = "[ก-๙]+"
        let name = SchemaField(name: "n", type: .string, constraints: constraints)
        XCTAssertEqual(try problems("สวัสดี", name), [], "6 code points although 4 graphemes")
        XCTAssertEqual(try problems("กิ่งแก้ว", name), ["constraint-error: constraint \"maxLength\" is \"6\""])
        XCTAssertEqual(try problems("สวัสดีA", name).map { String($0.prefix(16)) }, ["constraint-error", "constraint-error"])
    }

    func testMissingValuesAndNulls() throws {
        let required = SchemaField(name: "n", type: .integer, constraints: FieldConstraints(required: true))
        XCTAssertEqual(try problems("-", required, missingValues: ["-", "NA"]), ["constraint-error: constraint \"required\" is \"True\""])
        XCTAssertEqual(try problems(nil, required), ["constraint-error: constraint \"required\" is \"True\""])
        XCTAssertEqual(try problems("", required, missingValues: ["NA"]), ["type-error: type is \"integer/default\""])
    }
}
