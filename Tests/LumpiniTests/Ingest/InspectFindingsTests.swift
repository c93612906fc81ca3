import Foundation
@testable import LumpiniIngest
import XCTest

/// What `inspect` finds for `new` to write: where the header is, and which columns hold coordinates,
/// on the shared agency files (read in place) and on copies changed the way agencies change them.
final class InspectFindingsTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try Fixtures.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func layer(_ path: String) throws -> InspectionReport.LayerReport {
        try XCTUnwrap(try Inspector.inspect(path: path).layers.first)
    }

    /// A copy of a fixture with `edit` applied to its bytes (headers are ASCII, so TIS-620 files too).
    private func copy(_ fixture: String, as name: String, _ edit: (Data) -> Data) throws -> String {
        let target = folder.appendingPathComponent(name)
        try edit(try Data(contentsOf: URL(fileURLWithPath: Fixtures.path(fixture)))).write(to: target)
        return target.path
    }

    func testTheHeaderOfEachAgencyCSVIsItsFirstRow() throws {
        let files = [
            "bkk-health-dashboard/community_health_worker.csv", "bkk-health-dashboard/BKK.csv", "bkk-health-dashboard/health_facilities.csv",
            "bkk-health-dashboard/health_supply.csv", "bkk-health-dashboard/drink_rate_66_68.csv", "bma-communities-aqdash/community_point.csv",
        ]
        for file in files {
            let header = try XCTUnwrap(try layer(Fixtures.path(file)).header, file)
            XCTAssertEqual([header.row, header.rows], [1, 1], "\(file): \(header.reason)")
        }
    }

    func testTitleRowsAboveACSVHeaderAreFound() throws {
        let path = try copy("bkk-health-dashboard/community_health_worker.csv", as: "workers.csv") { data in
            Data("Community health workers by sub-district (2566),,,\r\n,,,\r\nSource: Health Department,,,\r\n".utf8) + data
        }
        let layer = try layer(path)
        let header = try XCTUnwrap(layer.header)
        XCTAssertEqual([header.row, header.rows], [4, 1], header.reason)
        XCTAssertTrue(header.reason.contains("rows 1–3 above it hold a title"), header.reason)
        XCTAssertEqual(layer.fields.map(\.name), ["dcode", "dname", "sdname", "community_health_worker_count"])
        XCTAssertEqual(layer.featureCount, 69, "every record, none taken as the header")
        XCTAssertEqual(try Inspector.inspect(path: path).encoding.name, "TIS-620")
    }

    func testTitleRowsAndATotalRowInASheet() throws {
        let layer = try layer(Fixtures.packageRoot.appendingPathComponent("Tests/Corpus/agency/waste-by-district.xlsx").path)
        XCTAssertEqual(layer.header.map { [$0.row, $0.rows] }, [3, 1])
        XCTAssertEqual(layer.fields.map(\.name), ["ลำดับ", "เขต", "เดือน", "ปริมาณขยะ (ตัน/วัน)", "หมายเหตุ"])
        XCTAssertEqual(layer.totalRows.map(\.row), [12])
        XCTAssertEqual(layer.totalRows.first?.label, "รวม")
        XCTAssertEqual(layer.fields.first { $0.name == "เดือน" }?.shape, "date", "a Thai month and a Buddhist-Era year")
    }

    func testMergedCellsMakeATwoRowHeader() throws {
        let layer = try layer(Fixtures.packageRoot.appendingPathComponent("Tests/Corpus/spreadsheets/merged-header.xlsx").path)
        let header = try XCTUnwrap(layer.header)
        XCTAssertEqual([header.row, header.rows], [1, 2], header.reason)
        XCTAssertTrue(header.reason.contains("A1:B1"), header.reason)
        XCTAssertEqual(layer.fields.map(\.name), ["สถานที่ ชื่อ", "สถานที่ เขต", "ค่า PM2.5"])
        XCTAssertEqual(layer.featureCount, 2)
    }

    func testRowsOfNumbersAreNoHeader() {
        let header = HeaderDetection.find(rows: [["1001", "12.5", "3"], ["1002", "7", "4"]])
        XCTAssertEqual([header.row, header.rows], [1, 1])
        XCTAssertTrue(header.reason.contains("no row of names"), header.reason)
    }

    func testCoordinateColumnsOfAgencyCSVsByName() throws {
        let cases = [
            ("bkk-health-dashboard/health_facilities.csv", "Lng", "Lat"), ("bkk-health-dashboard/health_supply.csv", "LONG", "LAT"),
            ("bma-communities-aqdash/community_point.csv", "LONG", "LAT"),
        ]
        for (file, x, y) in cases {
            let hint = try XCTUnwrap(try layer(Fixtures.path(file)).coordinateHints.first, file)
            XCTAssertEqual([hint.kind.rawValue, hint.x, hint.y, hint.crs], ["lon-lat", x, y, "EPSG:4326"], file)
            XCTAssertEqual(hint.rowsAsFound, hint.rows, file)
        }
    }

    /// Measures and codes are not coordinates; layers with geometry of their own have no table header.
    func testNoCoordinateColumnsWhereThereAreNone() throws {
        for file in ["bkk-health-dashboard/BKK.csv", "bkk-health-dashboard/drink_rate_66_68.csv", "bkk-health-dashboard/community_health_worker.csv"] {
            XCTAssertEqual(try layer(Fixtures.path(file)).coordinateHints.map(\.message), [], file)
        }
        for file in ["rio9-eastern-amphoe-tis620/Amphoe_Province_RIO9_WGS1984.shp", "gistda-nakhonpathom-utm47/L080300_LANDMARK.shp"] {
            let layer = try layer(Fixtures.path(file))
            XCTAssertEqual(layer.coordinateHints.map(\.message), [], file)
            XCTAssertNil(layer.header, file)
        }
    }

    func testColumnsNamedTheWrongWayRoundAreSwapped() throws {
        let path = try copy("bkk-health-dashboard/health_supply.csv", as: "supply.csv") { data in
            Self.replacing("HCODE,HNAME,LAT,LONG", with: "HCODE,HNAME,LONG,LAT", in: data)
        }
        let hint = try XCTUnwrap(try layer(path).coordinateHints.first)
        XCTAssertEqual([hint.kind.rawValue, hint.x, hint.y], ["lat-lon-swapped", "LONG", "LAT"])
        XCTAssertTrue(hint.message.contains("LAT holds longitudes and LONG latitudes"), hint.message)
    }

    func testCoordinateColumnsWithNoTellingNameByTheirValues() throws {
        let path = try copy("bma-communities-aqdash/community_point.csv", as: "communities.csv") { data in
            Self.replacing("FEMALE,LONG,LAT,POP", with: "FEMALE,col_a,col_b,POP", in: data)
        }
        let hint = try XCTUnwrap(try layer(path).coordinateHints.first)
        XCTAssertEqual([hint.kind.rawValue, hint.x, hint.y], ["lon-lat", "col_a", "col_b"])
        XCTAssertTrue(hint.message.contains("by their values"), hint.message)
    }

    /// The UTM 47N points of a GISTDA shapefile written as X/Y columns, as an agency's export does.
    func testUTMColumnsInMetres() throws {
        let csv = folder.appendingPathComponent("landmarks.csv")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ogr2ogr")
        process.arguments = ["-f", "CSV", "-lco", "GEOMETRY=AS_XY", csv.path, Fixtures.path("gistda-nakhonpathom-utm47/L080300_LANDMARK.shp")]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        for (x, y) in [("X", "Y"), ("E", "N"), ("พิกัด X", "พิกัด Y")] {
            let renamed = Self.replacing("X,Y,", with: "\(x),\(y),", in: try Data(contentsOf: csv))
            let path = folder.appendingPathComponent("renamed.csv")
            try renamed.write(to: path)
            let hint = try XCTUnwrap(try layer(path.path).coordinateHints.first, x)
            XCTAssertEqual([hint.kind.rawValue, hint.x, hint.y, hint.crs], ["utm-47n", x, y, "EPSG:32647"])
            XCTAssertEqual(hint.rows, 1043)
        }
    }

    private static func replacing(_ text: String, with replacement: String, in data: Data) -> Data {
        let bytes = [UInt8](data), target = [UInt8](text.utf8)
        guard let start = (0...(bytes.count - target.count)).first(where: { Array(bytes[$0..<($0 + target.count)]) == target }) else { return data }
        return Data(bytes[..<start] + Array(replacement.utf8) + bytes[(start + target.count)...])
    }
}
