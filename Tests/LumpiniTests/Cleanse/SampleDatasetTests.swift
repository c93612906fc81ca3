import GDAL
import XCTest
@testable import Lumpini

/// The exact outcome of cleansing each sample dataset shipped in `datasets/`: counts kept and
/// quarantined with reasons, and values after cleansing. Reads the files in place, writes nothing.
final class SampleDatasetTests: XCTestCase {
    struct Run {
        var fields: [String]
        var kept: [Record]
        var quarantined: [QuarantineEntry]
        var report: CleansingReport

        func value(_ field: String, row: Int) -> String? {
            guard let index = fields.firstIndex(of: field), let record = kept.first(where: { $0.rowNumber == row }) else { return nil }
            return record.values[index]
        }

        func point(row: Int) -> (x: Double, y: Double)? {
            kept.first { $0.rowNumber == row }?.geometry?.point(at: 0)
        }

        var reasons: [String] { quarantined.map(\.reason) }
    }

    func cleanse(_ id: String) throws -> Run {
        let workspace = Workspace(root: RecipeHarness.packageRoot.path)
        let description = try DatasetLoader.load(id: id, in: workspace)
        let cleansing = try DatasetCleansing(description: description, workspace: workspace, vocabularies: RecipeHarness.vocabularies)
        var kept: [Record] = []
        var quarantined: [QuarantineEntry] = []
        while let outcome = try cleansing.next() {
            switch outcome {
            case .kept(let record): kept.append(record)
            case .quarantined(let entry): quarantined.append(entry)
            }
        }
        let report = try cleansing.finish()
        XCTAssertEqual(report.rowsIn, report.rowsKept + report.rowsQuarantined)
        XCTAssertTrue(report.balanced)
        return Run(fields: cleansing.fields, kept: kept, quarantined: quarantined, report: report)
    }

    func testPM25WindowsThaiCSV() throws {
        let run = try cleanse("pm25-readings-sample")
        XCTAssertEqual(run.report.rowsIn, 6921)
        XCTAssertEqual(run.kept.count, 6917)
        XCTAssertEqual(run.report.quarantineReasons, ["duplicate": 2, "invalid-date": 1, "unmatched-district": 1])
        XCTAssertEqual(run.quarantined.first { $0.reason == "invalid-date" }?.values[3], "31/02/2566")
        XCTAssertTrue(run.quarantined.first { $0.reason == "unmatched-district" }!.message.contains("นนทบุรี"))
        // Windows-874 decoded; the NBSP after บางนา trimmed; four date spellings; Thai digits.
        XCTAssertEqual(run.value("station_name", row: 2), "สถานีตรวจวัด ดินแดง")
        XCTAssertEqual(run.value("station_name", row: 11), "บางนา")
        XCTAssertEqual(run.value("date", row: 7), "2023-01-15")     // "15 ม.ค. 2566"
        XCTAssertEqual(run.value("date", row: 11), "2023-01-15")    // "๑๕/๐๑/๖๖"
        XCTAssertEqual(run.value("date", row: 15), "2023-01-15")    // "2566-01-15"
        XCTAssertEqual(run.value("pm25", row: 3), "41.0")
        XCTAssertEqual(run.value("pm25", row: 7), "28.4")
        XCTAssertNil(run.value("pm25", row: 5))                     // "-"
        XCTAssertEqual(run.value("district_code", row: 23), "1008") // "ป้อมปราบฯ"
        XCTAssertEqual(run.fields.last, "district_en")
        XCTAssertFalse(run.fields.contains("lat"))
        let point = try XCTUnwrap(run.point(row: 2))
        XCTAssertEqual(point.x, 100.5535, accuracy: 1e-9)
        XCTAssertEqual(point.y, 13.7650, accuracy: 1e-9)
    }

    func testParksShapefileInUTMWithThaiDBFAndNoCPG() throws {
        let run = try cleanse("parks-green-space-sample")
        XCTAssertEqual(run.report.rowsIn, 60)
        XCTAssertEqual(run.kept.count, 59)
        XCTAssertEqual(run.reasons, ["missing-geometry"])
        XCTAssertEqual(run.value("name_th", row: 1), "สวนลุมพินี")
        XCTAssertEqual(run.value("area_rai", row: 1), "360")
        XCTAssertEqual(run.value("opened_year", row: 1), "1925")
        XCTAssertEqual(run.value("district_code", row: 3), "1033")  // "Khlong Toei"
        XCTAssertEqual(run.report.repairs.map(\.action), ["made-valid"])
        XCTAssertEqual(run.report.repairs.first?.row, 7)
        for record in run.kept {
            let geometry = try XCTUnwrap(record.geometry)
            XCTAssertTrue(geometry.isValid, "row \(record.rowNumber)")
            let polygon = geometry.type == .multiPolygon ? geometry.geometry(at: 0)! : geometry
            XCTAssertFalse(polygon.geometry(at: 0)!.isClockwise, "exterior ring of row \(record.rowNumber) is counter-clockwise")
            XCTAssertTrue(DatasetArea.bangkok().intersects(geometry))
        }
        let lumpini = try XCTUnwrap(run.kept.first?.geometry?.envelope)
        XCTAssertEqual(lumpini.minX, 100.539, accuracy: 1e-6)
        XCTAssertEqual(lumpini.minY, 13.729, accuracy: 1e-6)
        let withHole = try XCTUnwrap(run.kept.first { $0.rowNumber == 5 }?.geometry)
        XCTAssertTrue(withHole.geometry(at: 1)!.isClockwise, "holes are clockwise")
    }

    func testWasteSpreadsheetWithTitleBlankAndTotalRows() throws {
        let run = try cleanse("waste-tonnage-sample")
        XCTAssertEqual(run.report.rowsIn, 596)
        XCTAssertEqual(run.kept.count, 594)
        XCTAssertEqual(run.reasons, ["blank-row", "total-row"])
        XCTAssertEqual(run.quarantined.map(\.row), [598, 599])
        XCTAssertEqual(run.fields, ["district", "month", "tonnes_per_day", "note", "district_code", "district_th", "district_en"])
        XCTAssertEqual(run.value("tonnes_per_day", row: 4), "1234.5")
        XCTAssertEqual(run.value("tonnes_per_day", row: 6), "287.4")
        XCTAssertEqual(run.value("month", row: 11), "2024-01-01")   // "1 ม.ค. 67"
        XCTAssertEqual(run.value("month", row: 54), "2024-02-01")   // an Excel date cell: 45323
        XCTAssertEqual(run.value("district_code", row: 7), "1008")
        XCTAssertNil(run.value("note", row: 7))
    }

    func testDistrictPolygonsKeyedByNamesOnly() throws {
        let run = try cleanse("districts-sample")
        XCTAssertEqual(run.report.rowsIn, 52)
        XCTAssertEqual(run.reasons, ["duplicate", "unmatched-district"])
        XCTAssertEqual(run.quarantined.map(\.row), [13, 52])
        XCTAssertEqual(run.fields, ["district_code", "district_th", "district_en"])
        XCTAssertEqual(run.kept.compactMap { run.value("district_code", row: $0.rowNumber) }, (1001...1050).map(String.init))
        XCTAssertEqual(run.value("district_th", row: 8), "ป้อมปราบศัตรูพ่าย")  // "ป้อมปราบฯ"
        var area = 0.0
        for record in run.kept {
            let geometry = try XCTUnwrap(record.geometry)
            XCTAssertTrue(geometry.isValid, "row \(record.rowNumber)")
            XCTAssertFalse(geometry.geometry(at: 0)!.isClockwise, "row \(record.rowNumber): the agency's clockwise ring is wound counter-clockwise")
            area += geometry.area
        }
        // The generated districts tile their made-up outline (0.18725 square degrees) without gaps or overlaps.
        XCTAssertEqual(area, 0.18725, accuracy: 1e-6)
    }

    func testPopulationWithBuddhistEraYears() throws {
        let run = try cleanse("population-by-district-sample")
        XCTAssertEqual(run.report.rowsIn, 104)
        XCTAssertEqual(run.kept.count, 100)
        XCTAssertEqual(run.reasons, ["blank-row", "total-row", "blank-row", "total-row"])
        XCTAssertEqual(run.fields, ["district_code", "district_th", "district_en", "population", "year"])
        XCTAssertEqual(run.value("district_code", row: 2), "1001")  // "๑๐๐๑", "พระนคร"
        XCTAssertEqual(run.value("population", row: 2), "66520")    // "66,520"
        XCTAssertEqual(run.value("population", row: 3), "124743")   // "124,743 คน"
        XCTAssertEqual(run.value("year", row: 2), "2023")           // 2566
        XCTAssertEqual(run.value("year", row: 54), "2024")          // 2567
    }

    func testCanalStationsInIndian1975() throws {
        let run = try cleanse("canal-water-quality-sample")
        XCTAssertEqual(run.kept.count, 7)
        XCTAssertEqual(run.reasons, ["missing-coordinates"])
        XCTAssertEqual(run.quarantined.first?.row, 9)
        // Indian 1975 → WGS 84 lands within a few metres of where the stations were placed.
        let first = try XCTUnwrap(run.point(row: 2))
        XCTAssertEqual(first.x, 100.5420, accuracy: 1e-4)
        XCTAssertEqual(first.y, 13.7510, accuracy: 1e-4)
        let swapped = try XCTUnwrap(run.point(row: 8))
        XCTAssertEqual(swapped.x, 100.7800, accuracy: 1e-4)
        XCTAssertEqual(run.report.repairs.map(\.row), [8])
        XCTAssertEqual(run.value("do_mg_l", row: 2), "2.1")
        XCTAssertEqual(run.value("sampled_on", row: 2), "2024-02-03")
    }

    func testNoiseKML() throws {
        let run = try cleanse("noise-monitoring-sample")
        XCTAssertEqual(run.kept.count, 5)
        XCTAssertEqual(run.reasons, ["outside-area", "duplicate"])
        XCTAssertEqual(run.fields.prefix(5), ["station_id", "location", "district", "leq", "measured_on"])
        XCTAssertEqual(run.value("leq", row: 4), "70.5")
        XCTAssertEqual(run.value("measured_on", row: 1), "2024-03-20")
        XCTAssertEqual(run.value("location", row: 1), "แยกราชประสงค์")
    }

    func testLivabilityByDistrictNames() throws {
        let run = try cleanse("livability-indicators-sample")
        XCTAssertEqual(run.kept.count, 10)
        XCTAssertEqual(run.reasons, ["duplicate", "unmatched-district"])
        XCTAssertEqual(run.kept.compactMap { run.value("district_code", row: $0.rowNumber) },
                       ["1001", "1008", "1004", "1007", "1006", "1024", "1030", "1011", "1003", "1021"])
        XCTAssertEqual(run.report.fuzzyMatches.map(\.value), ["บางกระปิ"])
        XCTAssertEqual(run.quarantined.first?.message, "the same district_code as row 6")
        XCTAssertEqual(run.value("piped_water_pct", row: 6), "97.2")
        XCTAssertEqual(run.value("year", row: 2), "2023")
        XCTAssertEqual(run.value("green_area_sqm_per_person", row: 5), "12.6")
        XCTAssertEqual(run.value("district_name", row: 6), "บางกะปิ")
    }

    func testToiletsGeoJSONWithBrokenGeometries() throws {
        let run = try cleanse("public-toilets-sample")
        XCTAssertEqual(run.kept.count, 7)
        XCTAssertEqual(run.reasons, ["missing-geometry", "missing-geometry", "outside-area", "wrong-geometry-type"])
        XCTAssertEqual(run.quarantined.map(\.row), [8, 9, 10, 11])
        let swapped = try XCTUnwrap(run.point(row: 7))
        XCTAssertEqual(swapped.x, 100.5399, accuracy: 1e-9)
        XCTAssertEqual(swapped.y, 13.8036, accuracy: 1e-9)
        XCTAssertEqual(run.value("charges_fee", row: 3), "true")
        XCTAssertEqual(run.value("accessible", row: 2), "false")
    }

    func testFloodPointsWithSwappedCoordinates() throws {
        let run = try cleanse("flood-prone-points-sample")
        XCTAssertEqual(run.kept.count, 9)
        XCTAssertEqual(run.reasons, ["missing-coordinates"])
        XCTAssertEqual(run.report.repairs.map(\.row), [3, 5, 8])
        let fixed = try XCTUnwrap(run.point(row: 3))
        XCTAssertEqual(fixed.x, 100.6210, accuracy: 1e-9)
        XCTAssertEqual(fixed.y, 13.7560, accuracy: 1e-9)
        XCTAssertEqual(run.value("max_depth_cm", row: 2), "20")
        XCTAssertEqual(run.value("max_depth_cm", row: 6), "25")
        XCTAssertEqual(run.value("last_flooded", row: 2), "2022-10-12")
    }

    func testEverySampleIsLabelledAndAllButOneApproved() throws {
        let workspace = Workspace(root: RecipeHarness.packageRoot.path)
        let ids = try workspace.datasetIDs()
        XCTAssertGreaterThanOrEqual(ids.count, 8)
        var pending = 0
        for id in ids {
            let description = try DatasetLoader.load(id: id, in: workspace)
            XCTAssertTrue(description.metadata.title.en!.contains("sample"), id)
            XCTAssertTrue(description.metadata.title.th!.contains("ตัวอย่าง"), id)
            XCTAssertTrue(description.metadata.description.en!.lowercased().contains("sample"), id)
            XCTAssertTrue(description.metadata.description.th!.contains("ตัวอย่าง"), id)
            XCTAssertEqual(description.metadata.classification, .public)
            if !description.metadata.governance.isApproved { pending += 1 }
            XCTAssertTrue(FileManager.default.fileExists(atPath: workspace.schemasDirectory.appendingPathComponent("\(description.schema!).schema.json").path), id)
        }
        XCTAssertEqual(pending, 1)
    }
}
