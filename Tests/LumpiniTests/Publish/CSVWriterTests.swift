import Foundation
import GDAL
@testable import Lumpini
@testable import LumpiniPublish
import XCTest

final class CSVWriterTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try Fixtures.temporaryDirectory()
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(_ table: OutputTable, _ records: [Record], bom: Bool = false, name: String = "out.csv") throws -> (path: String, bytes: [UInt8]) {
        let path = folder.appendingPathComponent(name).path
        let writer = try CSVWriter(path: path, encoder: CSVRowEncoder(table: table), byteOrderMark: bom)
        for record in records { try writer.write(record) }
        _ = try writer.finish()
        return (path, Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    func testAValueThatDoesNotFitItsTypeIsRefusedWithFileRowAndField() throws {
        let table = OutputTable(fields: [OutputField(name: "name"), OutputField(name: "open", type: .boolean), OutputField(name: "count", type: .integer)])
        let writer = try CSVWriter(path: folder.appendingPathComponent("bad.csv").path, encoder: CSVRowEncoder(table: table), byteOrderMark: false)
        try writer.write(Record(rowNumber: 2, values: ["สวน", "true", "1"]))
        for (values, code, field) in [(["สวน", "maybe", "1"], "not-a-boolean", "open"), (["สวน", "false", "1.5"], "not-a-integer", "count")] {
            XCTAssertThrowsError(try writer.write(Record(rowNumber: 9, values: values))) { error in
                let error = error as? LumpiniError
                XCTAssertEqual(error?.code, code)
                XCTAssertEqual(error?.row, 9)
                XCTAssertEqual(error?.field, field)
                XCTAssertEqual(error?.file, "bad.csv")
            }
        }
    }

    func testRFC4180QuotingCRLFCanonicalValuesPointsAsLongitudeLatitude() throws {
        let table = OutputTable(
            fields: [OutputField(name: "name"), OutputField(name: "count", type: .integer), OutputField(name: "open", type: .boolean)],
            geometryType: .point
        )
        let records = [
            Record(rowNumber: 2, values: ["สวน, \"ลุมพินี\"", "+0012", "TRUE"], geometry: try Geometry(x: 100.5415, y: 13.7306)),
            Record(rowNumber: 3, values: ["", nil, "0"], geometry: nil),
            Record(rowNumber: 4, values: ["two\r\nlines", "3", nil], geometry: try Geometry(x: 100.1234567, y: 13.5)),
        ]
        let (path, bytes) = try write(table, records, bom: true)
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
        let expected = "name,count,open,longitude,latitude\r\n"
            + "\"สวน, \"\"ลุมพินี\"\"\",12,true,100.5415,13.7306\r\n"
            + ",,false,,\r\n"
            + "\"two\r\nlines\",3,,100.123457,13.5\r\n"
        XCTAssertEqual(String(decoding: bytes.dropFirst(3), as: UTF8.self), expected)

        let read = try Dataset.open(path, options: .init(openOptions: ["EMPTY_STRING_AS_NULL": "YES"], allowedDrivers: ["CSV"]))
        let layer = try read.layer(at: 0)
        XCTAssertEqual(layer.fields.map(\.name), ["name", "count", "open", "longitude", "latitude"], "GDAL skips the BOM")
        let first = try XCTUnwrap(layer.nextFeature())
        XCTAssertEqual(first.string(at: 0), "สวน, \"ลุมพินี\"")
        let second = try XCTUnwrap(layer.nextFeature())
        XCTAssertNil(second.string(at: 1), "an empty cell is null")
        XCTAssertEqual(second.string(at: 2), "false")
        XCTAssertEqual(try XCTUnwrap(layer.nextFeature()).string(at: 0), "two\nlines", "GDAL reads the quoted line break (as LF)")
        XCTAssertNil(try layer.nextFeature())
    }

    func testOtherGeometriesAreQuotedWKTWithRFC7946Winding() throws {
        let table = OutputTable(fields: [OutputField(name: "id", type: .integer)], geometryType: .polygon)
        let clockwise = try Geometry(wkt: "POLYGON ((100.5 13.7, 100.5 13.8, 100.6 13.8, 100.5 13.7))")
        let (_, bytes) = try write(table, [Record(rowNumber: 2, values: ["1"], geometry: clockwise)])
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "id,wkt\r\n1,\"POLYGON ((100.5 13.7, 100.6 13.8, 100.5 13.8, 100.5 13.7))\"\r\n")
    }

    func testAPointTableRefusesAnotherGeometryType() throws {
        let table = OutputTable(fields: [], geometryType: .point)
        let writer = try CSVWriter(path: folder.appendingPathComponent("x.csv").path, encoder: CSVRowEncoder(table: table), byteOrderMark: false)
        XCTAssertThrowsError(try writer.write(Record(rowNumber: 9, values: [], geometry: try Geometry(wkt: "LINESTRING (1 2, 3 4)")))) { error in
            XCTAssertEqual((error as? LumpiniError)?.code, "geometry-type-mismatch")
            XCTAssertEqual((error as? LumpiniError)?.row, 9)
        }
    }
}

extension CSVWriterTests {
    func testReadBackAcceptsWhatCSVCannotDistinguishAndCatchesAMissingRow() throws {
        let table = OutputTable(fields: [OutputField(name: "note"), OutputField(name: "value", type: .number)])
        let records = [
            Record(rowNumber: 2, values: ["", "1.50"]),
            Record(rowNumber: 3, values: ["a\r\nb", nil]),
        ]
        let (path, _) = try write(table, records)
        let check = ReadBackCheck(table: table)
        for record in records { try check.observe(record) }
        try check.check(geoJSON: nil, csv: path, count: 2)
        XCTAssertThrowsError(try check.check(geoJSON: nil, csv: path, count: 3)) { error in
            XCTAssertEqual((error as? LumpiniError)?.code, "read-back-mismatch")
        }
    }
}
