import Foundation
import GRDB
@testable import LumpiniCatalogue
import XCTest

final class CatalogueBuildTests: XCTestCase {
    var tree: CatalogueTestTree!

    override func setUpWithError() throws {
        tree = try CatalogueTestTree()
        try CatalogueSample.write(into: tree)
    }

    override func tearDown() {
        tree.remove()
    }

    func testBuildIndexesEveryDatasetAtItsLatestVersion() throws {
        let report = try tree.build()
        XCTAssertEqual(report.datasets, 4)
        XCTAssertEqual(report.versions, 5)
        XCTAssertEqual(report.problems, [])
        let catalogue = try tree.open()
        let all = try catalogue.list()
        XCTAssertEqual(all.map(\.id), ["bma-schools", "cafe-terraces", "canal-water-quality", "pm25-readings"])
        let pm25 = try XCTUnwrap(all.first { $0.id == "pm25-readings" })
        XCTAssertEqual(pm25.version, 2)
        XCTAssertEqual(pm25.title, LocalizedText(th: "ฝุ่นละอองขนาดเล็ก PM2.5", en: "Fine particulate matter (PM2.5) readings"))
        XCTAssertEqual(pm25.formats, ["GeoJSON", "CSV"])
        XCTAssertTrue(pm25.highValue)
        XCTAssertEqual(try catalogue.dataset(id: "pm25-readings")?.versions.map(\.version), [2, 1])
    }

    func testRebuildingTheSameTreeGivesTheSameIndex() throws {
        try tree.build()
        let first = try snapshot()
        try tree.build()
        XCTAssertEqual(try snapshot(), first)
    }

    func testRecordAddsANewVersionIncrementallyAndIsIdempotent() throws {
        try tree.build()
        var changed = CatalogueSample.canal
        changed.title.en = "Canal water quality, all districts"
        let manifest = try tree.release(changed, version: 2, releasedAt: Date())
        let catalogue = try tree.open()
        try catalogue.record(manifestAt: manifest)
        try catalogue.record(manifestAt: manifest)
        let detail = try XCTUnwrap(catalogue.dataset(id: "canal-water-quality"))
        XCTAssertEqual(detail.version, 2)
        XCTAssertEqual(detail.versions.map(\.version), [2, 1])
        XCTAssertEqual(detail.metadata.title.en, "Canal water quality, all districts")
        XCTAssertEqual(try catalogue.search("all districts").map(\.id), ["canal-water-quality"])
        // The incremental index is the one a rebuild gives.
        let incremental = try snapshot()
        try tree.build()
        XCTAssertEqual(try snapshot(), incremental)
    }

    func testRecordingAnOlderVersionDoesNotReplaceTheLatest() throws {
        try tree.build()
        let catalogue = try tree.open()
        try catalogue.record(manifestAt: tree.publicRoot.appendingPathComponent("pm25-readings/v1/manifest.json"))
        XCTAssertEqual(try catalogue.dataset(id: "pm25-readings")?.version, 2)
    }

    func testAVersionThatLatestDoesNotLeadToYetIsNotShown() throws {
        try tree.release(CatalogueSample.pm25, version: 3, releasedAt: Date(), pointLatest: false)
        let report = try tree.build()
        XCTAssertEqual(report.versions, 5)
        XCTAssertEqual(try tree.open().dataset(id: "pm25-readings")?.version, 2)
    }

    func testAnUnreadableManifestIsReportedAndTheOthersAreIndexed() throws {
        let broken = tree.publicRoot.appendingPathComponent("canal-water-quality/v1/manifest.json")
        try Data(#"{"manifestVersion": 1, "id": "canal-water-quality"}"#.utf8).write(to: broken)
        let report = try tree.build()
        XCTAssertEqual(report.datasets, 3)
        XCTAssertEqual(report.problems.count, 1)
        XCTAssertTrue(report.problems[0].contains("canal-water-quality/v1/manifest.json"), report.problems[0])
        XCTAssertTrue(report.problems[0].contains("missing key \"version\""), report.problems[0])
        XCTAssertNil(try tree.open().dataset(id: "canal-water-quality"))
    }

    func testADatasetWithoutLatestLinkIsReportedAndLeftOut() throws {
        let draft = CatalogueTestTree.metadata(id: "half-released", th: "ชุดข้อมูลที่ยังไม่เสร็จ", en: "Half released")
        try tree.release(draft, pointLatest: false)
        let report = try tree.build()
        XCTAssertEqual(report.datasets, 4)
        XCTAssertTrue(report.problems.contains { $0.contains("half-released/latest") && $0.contains("`latest` is missing") }, "\(report.problems)")
    }

    func testAMissingPublicTreeIsAnInputError() throws {
        XCTAssertThrowsError(try Catalogue.build(publicRoot: tree.root.appendingPathComponent("nowhere"), file: tree.catalogueFile)) { error in
            XCTAssertEqual((error as? LumpiniError)?.code, "public-tree-missing")
            XCTAssertEqual((error as? LumpiniError)?.kind, .input)
        }
    }

    func testOpeningAMissingIndexSaysHowToBuildIt() throws {
        XCTAssertThrowsError(try tree.open()) { error in
            let error = error as? LumpiniError
            XCTAssertEqual(error?.code, "catalogue-missing")
            XCTAssertTrue(error?.hint?.contains("lumpini catalog build") == true)
        }
    }

    func testTheIndexIsARealSQLiteDatabaseWithMigrations() throws {
        try tree.build()
        let queue = try DatabaseQueue(path: tree.catalogueFile.path)
        let (migrations, datasets) = try queue.read { db in
            (try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"), try Int.fetchOne(db, sql: "SELECT count(*) FROM dataset"))
        }
        XCTAssertEqual(migrations, CatalogueSchema.migrator.migrations)
        XCTAssertEqual(datasets, 4)
    }

    func testAnIndexMadeByTheFirstSchemaIsMigratedAndKeepsWorking() throws {
        try FileManager.default.createDirectory(at: tree.catalogueFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        let old = try DatabaseQueue(path: tree.catalogueFile.path)
        try CatalogueSchema.migrator.migrate(old, upTo: "v1: datasets, versions, distributions, search")
        try old.close()
        let catalogue = try tree.open()
        try catalogue.record(manifestAt: tree.publicRoot.appendingPathComponent("cafe-terraces/v1/manifest.json"))
        XCTAssertEqual(try catalogue.search("café").map(\.id), ["cafe-terraces"])
        XCTAssertEqual(try catalogue.dataset(id: "cafe-terraces")?.manifest.dataFiles.map(\.format), ["CSV", "GPKG"])
        XCTAssertEqual(try catalogue.statistics().byFormat.map(\.key), ["CSV", "GPKG"])
    }

    func testAnIndexOfTheSecondSchemaKeepsItsSearchTextWhenMigrated() throws {
        try FileManager.default.createDirectory(at: tree.catalogueFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        let old = try DatabaseQueue(path: tree.catalogueFile.path)
        try CatalogueSchema.migrator.migrate(old, upTo: "v2: compact dataset rows, format names")
        try old.write { db in
            try db.execute(sql: """
                INSERT INTO dataset (id, titleTh, titleEn, descriptionTh, descriptionEn, publisher, theme, license,
                    classification, highValue, updateFrequency, governanceStatus, latestVersion, versionCount,
                    firstReleasedAt, releasedAt, formats, qualityScore, qualityRating, directory,
                    searchTitle, searchKeywords, searchDescription)
                VALUES ('canal-water-quality', 'คุณภาพน้ำในคลอง', 'Canal water quality', NULL, 'Dissolved oxygen by canal',
                    'DDS', 'environment', 'CC-BY-4.0', 'public', 1, 'monthly', 'approved', 1, 1,
                    '2026-01-05T03:00:00Z', '2026-01-05T03:00:00Z', 'CSV', 300, 'good', 'canal-water-quality/v1',
                    'คุณภาพน้ำในคลอง | canal water quality', 'น้ำ | water', 'dissolved oxygen by canal')
                """)
        }
        try old.close()
        let catalogue = try tree.open()
        XCTAssertEqual(try catalogue.search("น้ำ").map(\.id), ["canal-water-quality"])
        XCTAssertEqual(try catalogue.search("dissolved oxygen").map(\.id), ["canal-water-quality"])
        XCTAssertEqual(try catalogue.list().map(\.title.en), ["Canal water quality"])
        let queue = try DatabaseQueue(path: tree.catalogueFile.path)
        let columns = try queue.read { db in try db.columns(in: "dataset").map(\.name) }
        XCTAssertFalse(columns.contains("searchTitle"), "the listed rows no longer carry the search text")
    }

    /// Everything a user can see of the index.
    private func snapshot() throws -> [String] {
        let catalogue = try tree.open()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var lines = [try JSONOutput.string(catalogue.list(DatasetFilter(now: now)))]
        for summary in try catalogue.list() {
            lines.append(try JSONOutput.string(catalogue.dataset(id: summary.id, now: now)))
        }
        lines.append(try JSONOutput.string(catalogue.statistics(now: now)))
        return lines
    }
}
