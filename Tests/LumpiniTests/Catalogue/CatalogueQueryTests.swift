import Foundation
import Lumpini
import XCTest

final class CatalogueQueryTests: XCTestCase {
    var tree: CatalogueTestTree!
    var catalogue: Catalogue!

    override func setUpWithError() throws {
        tree = try CatalogueTestTree()
        try CatalogueSample.write(into: tree)
        try tree.build()
        catalogue = try tree.open()
    }

    override func tearDown() {
        tree.remove()
    }

    private func search(_ words: String, _ filter: DatasetFilter = DatasetFilter()) throws -> [String] {
        try catalogue.search(words, filter: filter).map(\.id)
    }

    private func list(_ filter: DatasetFilter) throws -> [String] {
        try catalogue.list(filter).map(\.id)
    }

    func testThaiWordsAreFoundInsideThaiTextWrittenWithoutSpaces() throws {
        XCTAssertEqual(try search("ฝุ่น"), ["pm25-readings"])
        // "น้ำ" (water) is in the title of the canal dataset and in the description of the schools one.
        XCTAssertEqual(try search("น้ำ"), ["canal-water-quality", "bma-schools"])
        XCTAssertEqual(try search("คลอง"), ["canal-water-quality"])
        XCTAssertEqual(try search("ฝุ่น อากาศ"), ["pm25-readings"])
        XCTAssertEqual(try search("ฝุ่น คลอง"), [])
    }

    func testThaiToneMarksAreNotIgnored() throws {
        // "นำ" (to lead) differs from "น้ำ" (water) by a tone mark only; nothing here is about leading.
        XCTAssertEqual(try search("นำ"), [])
    }

    func testEnglishIsCaseAndAccentInsensitive() throws {
        XCTAssertEqual(try search("cafe"), ["cafe-terraces"])
        XCTAssertEqual(try search("CAFÉ"), ["cafe-terraces"])
        XCTAssertEqual(try search("Caf"), ["cafe-terraces"])
        XCTAssertEqual(try search("pm2.5"), ["pm25-readings"])
    }

    func testWordsShorterThanThreeCharactersAreFoundToo() throws {
        XCTAssertEqual(try search("PM"), ["pm25-readings"])
        XCTAssertEqual(try search("pm quality"), ["pm25-readings"])
    }

    func testATitleMatchRanksAboveAKeywordMatchAboveADescriptionMatch() throws {
        XCTAssertEqual(try search("water"), ["canal-water-quality", "bma-schools"])
        XCTAssertEqual(try search("quality"), ["canal-water-quality", "pm25-readings"])
    }

    func testQuotedWordsStayTogether() throws {
        XCTAssertEqual(try search("\"air quality\""), ["pm25-readings"])
        XCTAssertEqual(try search("\"quality air\""), [])
    }

    func testSearchTakesTheFiltersOfList() throws {
        XCTAssertEqual(try search("quality", DatasetFilter(publisher: "DDS")), ["canal-water-quality"])
    }

    func testAnEmptySearchIsAnInputError() {
        XCTAssertThrowsError(try catalogue.search("  ")) { error in
            XCTAssertEqual((error as? LumpiniError)?.kind, .input)
        }
    }

    func testFilters() throws {
        XCTAssertEqual(try list(DatasetFilter(theme: "environment")), ["canal-water-quality", "pm25-readings"])
        XCTAssertEqual(try list(DatasetFilter(publisher: "ECO")), ["cafe-terraces"])
        XCTAssertEqual(try list(DatasetFilter(format: "gpkg")), ["cafe-terraces"])
        XCTAssertEqual(try list(DatasetFilter(format: "GeoJSON")), ["bma-schools", "canal-water-quality", "pm25-readings"])
        XCTAssertEqual(try list(DatasetFilter(highValue: true)), ["canal-water-quality", "pm25-readings"])
        XCTAssertEqual(try list(DatasetFilter(highValue: false)), ["bma-schools", "cafe-terraces"])
        XCTAssertEqual(try list(DatasetFilter(highValueCategory: "geospatial")), ["canal-water-quality"])
        XCTAssertEqual(try list(DatasetFilter(classification: .public)).count, 4)
        XCTAssertEqual(try list(DatasetFilter(classification: .internal)), [])
        XCTAssertEqual(try list(DatasetFilter(indicator: "11.6.2")), ["pm25-readings"])
        XCTAssertEqual(try list(DatasetFilter(indicator: "ENV-WATER")), ["canal-water-quality"])
        XCTAssertEqual(try list(DatasetFilter(updatedSince: CatalogueTestTree.daysAgo(5))), ["bma-schools", "canal-water-quality"])
        XCTAssertEqual(try list(DatasetFilter(limit: 1)), ["bma-schools"])
    }

    func testStaleMeansPastTheDeclaredUpdateFrequency() throws {
        // Daily, released 10 days ago: stale. Monthly 2 days ago, weekly 1 day ago, annual 100 days ago: fresh.
        XCTAssertEqual(try list(DatasetFilter(stale: true)), ["pm25-readings"])
        XCTAssertEqual(try list(DatasetFilter(stale: false)), ["bma-schools", "cafe-terraces", "canal-water-quality"])
        XCTAssertEqual(try list(DatasetFilter(stale: true, now: CatalogueTestTree.daysAgo(20))), [])
        XCTAssertEqual(try catalogue.list().first { $0.id == "pm25-readings" }?.stale, true)
    }

    func testBoundingBoxIntersection() throws {
        // The café permits have no geometry: the declared Bangkok box stands for their extent.
        // Around Lat Krabang, east of the city centre: the canal samples.
        XCTAssertEqual(try list(DatasetFilter(bbox: [100.82, 13.82, 100.90, 13.90])), ["cafe-terraces", "canal-water-quality"])
        // The city centre: the PM2.5 stations and the schools.
        XCTAssertEqual(try list(DatasetFilter(bbox: [100.505, 13.705, 100.51, 13.71])), ["bma-schools", "cafe-terraces", "pm25-readings"])
        XCTAssertEqual(try list(DatasetFilter(bbox: [101.5, 14.5, 101.6, 14.6])), [])
    }

    func testShowHasVersionsFilesFreshnessAndQuality() throws {
        let detail = try XCTUnwrap(catalogue.dataset(id: "pm25-readings"))
        XCTAssertEqual(detail.version, 2)
        XCTAssertEqual(detail.directory, "pm25-readings/v2")
        XCTAssertEqual(detail.versions.count, 2)
        XCTAssertLessThan(detail.firstReleasedAt, detail.releasedAt)
        XCTAssertTrue(detail.stale)
        XCTAssertEqual(detail.manifest.dataFiles.map(\.format), ["GeoJSON", "CSV"])
        XCTAssertEqual(detail.manifest.counts.rowsQuarantined, 1)
        XCTAssertEqual(detail.metadata.indicators.sdg, ["11.6.2"])
        XCTAssertNil(try catalogue.dataset(id: "no-such-dataset"))
    }

    func testPathNamesTheLatestFileInTheAskedFormat() throws {
        let geojson = try catalogue.latestFile(id: "pm25-readings", format: "geojson")
        XCTAssertEqual(geojson.path, tree.publicRoot.appendingPathComponent("pm25-readings/v2/pm25-readings.geojson").path)
        XCTAssertTrue(FileManager.default.fileExists(atPath: geojson.path))
        XCTAssertEqual(try catalogue.latestFile(id: "cafe-terraces", format: "GPKG").lastPathComponent, "cafe-terraces.gpkg")
        XCTAssertEqual(try catalogue.latestFile(id: "cafe-terraces").lastPathComponent, "cafe-terraces.csv")
        XCTAssertThrowsError(try catalogue.latestFile(id: "cafe-terraces", format: "geojson")) { error in
            let error = error as? LumpiniError
            XCTAssertEqual(error?.code, "format-not-published")
            XCTAssertEqual(error?.hint, "it has: CSV, GPKG")
        }
        XCTAssertThrowsError(try catalogue.latestFile(id: "nothing")) { error in
            XCTAssertEqual((error as? LumpiniError)?.code, "dataset-not-in-catalogue")
        }
    }
}
