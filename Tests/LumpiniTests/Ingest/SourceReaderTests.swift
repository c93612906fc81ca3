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
}
