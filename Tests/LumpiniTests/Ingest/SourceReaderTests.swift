import Foundation
import GDAL
@testable import Lumpini
import XCTest

final class SourceReaderTests: XCTestCase {
    private func readAll(_ reader: SourceReader) throws -> [Record] {
        var records: [Record] = []
        while let record = try reader.next() { records.append(record) }
        return records
    }

    func testTIS620CSVComesOutAsThaiWithSpreadsheetRowNumbers() throws {
        let reader = try SourceReader(path: Fixtures.path("bkk-health-dashboard/community_health_worker.csv"))
        XCTAssertEqual(reader.encoding, .tis620)
        XCTAssertEqual(reader.header, ["dcode", "dname", "sdname", "community_health_worker_count"])
        let records = try readAll(reader)
        XCTAssertEqual(records.count, 69)
        XCTAssertEqual(records.first?.rowNumber, 2, "the header is row 1")
        XCTAssertEqual(records.first?.values[1], "พระนคร")
        let total = records.compactMap { $0.values[3].flatMap(Int.init) }.reduce(0, +)
        XCTAssertEqual(total, 13_274, "SOURCES.md: sum of counts")
    }

    func testShapefileWithoutCPGIsGuessedAndDeclaredCRSIsUsed() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("parks.shp").path
        let dataset = try Dataset.create(path, driver: Driver(named: "ESRI Shapefile"))
        let layer = try dataset.createLayer(named: "parks", geometryType: .point, options: ["ENCODING": "CP874"])
        try layer.createField(FieldDefinition(name: "name", type: .string, width: 60))
        for (name, x) in [("สวนลุมพินี", 662_000.0), ("สวนเบญจกิติ", 663_000.0)] {
            let feature = try Feature(for: layer)
            feature.set(.string(name), at: 0)
            try feature.setGeometry(Geometry(x: x, y: 1_520_000))
            try layer.create(feature)
        }
        try dataset.close()
        try? FileManager.default.removeItem(atPath: directory.appendingPathComponent("parks.cpg").path)

        let reader = try SourceReader(path: path, declared: SourceDeclarations(crs: "EPSG:32647"))
        XCTAssertEqual(reader.encoding, .tis620)
        XCTAssertEqual(reader.spatialReference?.epsgCode, 32647)
        let records = try readAll(reader)
        XCTAssertEqual(records.map { $0.values[0] }, ["สวนลุมพินี", "สวนเบญจกิติ"])
        XCTAssertEqual(records.map(\.rowNumber), [1, 2], "features are numbered from 1")
        XCTAssertEqual(records[1].geometry?.point(at: 0).x, 663_000)
    }

    func testTitleRowsAboveTheHeaderAreSkipped() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("waste.csv")
        try "ปริมาณขยะ ปี 2566,,\nเขต,ตัน,หมายเหตุ\nพระนคร,120,\nดุสิต,98,ประมาณ\n".write(to: path, atomically: true, encoding: .utf8)
        let reader = try SourceReader(path: path.path, declared: SourceDeclarations(headerRow: 2))
        XCTAssertEqual(reader.header, ["เขต", "ตัน", "หมายเหตุ"])
        let records = try readAll(reader)
        XCTAssertEqual(records.map(\.rowNumber), [3, 4])
        XCTAssertEqual(records[1].values, ["ดุสิต", "98", "ประมาณ"])
    }

    func testMissingSourcesAndShapefilePartsAreClearErrors() throws {
        XCTAssertThrowsError(try SourceReader(path: "/nonexistent/file.csv")) { error in
            XCTAssertEqual((error as? LumpiniError)?.code, "file-not-found")
        }
        XCTAssertThrowsError(try SourceReader(path: "/vsicurl/http://example.org/x.csv")) { error in
            XCTAssertEqual((error as? LumpiniError)?.code, "remote-source")
        }
        XCTAssertThrowsError(try SourceReader(path: Fixtures.path("bkk-health-dashboard/BKK.csv"), declared: SourceDeclarations(crs: "EPSG:99999999"))) { error in
            XCTAssertEqual((error as? LumpiniError)?.code, "unknown-crs")
        }
    }

    /// A spreadsheet stores the double a sum left (72.68000000000001) and shows 72.68: the published
    /// value is what the agency sees, in XLSX and ODS alike; digits the cell shows are kept.
    func testSpreadsheetNumbersAreReadAsTheSpreadsheetShowsThem() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // 72.68000000000002 is the double after 72.68's: a sum's rounding; the cell shows 72.68.
        let stored: [(String, Double)] = [
            ("sum", try XCTUnwrap(Double("72.68000000000002"))), ("pi", 3.14159265358979), ("small", 0.000000125),
            ("large", 123_456_789.25), ("whole", 12),
        ]
        for (driver, name) in [("XLSX", "waste.xlsx"), ("ODS", "waste.ods")] {
            let path = directory.appendingPathComponent(name).path
            let dataset = try Dataset.create(path, driver: Driver(named: driver))
            let layer = try dataset.createLayer(named: "ขยะ")
            try layer.createField(FieldDefinition(name: "label", type: .string))
            try layer.createField(FieldDefinition(name: "tonnes", type: .real))
            for (label, value) in stored {
                let feature = try Feature(for: layer)
                feature.set(.string(label), at: 0)
                feature.set(.real(value), at: 1)
                try layer.create(feature)
            }
            try dataset.close()

            let records = try readAll(try SourceReader(path: path))
            XCTAssertEqual(records.map { $0.values[1] }, ["72.68", "3.14159265358979", "0.000000125", "123456789.25", "12"], driver)
        }
        XCTAssertEqual(NumberText.asSpreadsheetShows(0.1 + 0.2), "0.3")
        XCTAssertEqual(NumberText.shortest(try XCTUnwrap(Double("72.68000000000002"))), "72.68000000000002", "other sources keep every digit")
    }

    /// Under title rows GDAL reads a column of numeric cells as text, with every digit the file stores:
    /// those are read as the cells show them too, and whole numbers and text are left alone.
    func testNumericCellsInAColumnReadAsTextAreReadAsTheSpreadsheetShowsThem() throws {
        let path = Fixtures.packageRoot.appendingPathComponent("Tests/Corpus/spreadsheets/stored-digits.xlsx").path
        let reader = try SourceReader(path: path, declared: SourceDeclarations(headerRow: 3))
        XCTAssertEqual(reader.header, ["เขต", "ตันต่อวัน", "เลขที่อ้างอิง"])
        let records = try readAll(reader)
        XCTAssertEqual(records.map { $0.values[1] }, ["72.68", "0.3", "12.5"])
        XCTAssertEqual(records.map { $0.values[2] }, ["1234567890123456", "2", "3"])
        XCTAssertEqual(NumberText.asSpreadsheetShows(text: "-72.68000000000001"), "-72.68")
        XCTAssertEqual(NumberText.asSpreadsheetShows(text: "1.2345678901234567e-5"), "0.0000123456789012346")
        XCTAssertEqual(NumberText.asSpreadsheetShows(text: "ถนน 72.68000000000001"), "ถนน 72.68000000000001")
        XCTAssertEqual(NumberText.asSpreadsheetShows(text: "1.50"), "1.50", "digits a cell shows are the agency's")
    }
}
