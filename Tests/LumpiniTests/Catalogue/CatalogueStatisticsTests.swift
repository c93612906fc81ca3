import Foundation
import Lumpini
import XCTest

final class CatalogueStatisticsTests: XCTestCase {
    var tree: CatalogueTestTree!

    override func setUpWithError() throws {
        tree = try CatalogueTestTree()
        try CatalogueSample.write(into: tree)
        try tree.build()
    }

    override func tearDown() {
        tree.remove()
    }

    func testCountsByThemePublisherAndFormat() throws {
        let stats = try tree.open().statistics()
        XCTAssertEqual(stats.datasets, 4)
        XCTAssertEqual(stats.versions, 5)
        XCTAssertEqual(counts(stats.byTheme), ["environment": 2, "economy": 1, "education": 1])
        XCTAssertEqual(counts(stats.byPublisher), ["ENV": 1, "DDS": 1, "ECO": 1, "EDU": 1])
        XCTAssertEqual(counts(stats.byFormat), ["CSV": 4, "GeoJSON": 3, "GPKG": 1])
        XCTAssertEqual(stats.stale.map(\.id), ["pm25-readings"])
    }

    func testHighValueProgressCountsPublishedApprovedAndAwaitingApproval() throws {
        let catalogue = try tree.open()
        let approvedButInternal = CatalogueTestTree.metadata(
            id: "cctv-cameras", th: "กล้องวงจรปิด", en: "CCTV cameras", classification: .internal,
            highValue: HighValue(flag: true, category: "geospatial"))
        let pending = CatalogueTestTree.metadata(
            id: "bus-stops", th: "ป้ายรถประจำทาง", en: "Bus stops", highValue: HighValue(flag: true, category: "mobility"),
            governance: Governance(status: .pending))
        let notHighValue = CatalogueTestTree.metadata(id: "markets", th: "ตลาด", en: "Markets", governance: Governance(status: .draft))
        try catalogue.recordUnpublished(approvedButInternal, reason: "classified internal")
        try catalogue.recordUnpublished(pending, reason: "awaiting approval")
        try catalogue.recordUnpublished(notHighValue, reason: "awaiting approval")
        // A dataset already published whose next version awaits approval still counts as published.
        try catalogue.recordUnpublished(CatalogueSample.canal, reason: "awaiting approval")

        var progress = try catalogue.statistics(highValueTarget: 800).highValue
        XCTAssertEqual(progress.published, 2)
        XCTAssertEqual(progress.approvedNotPublished, 1)
        XCTAssertEqual(progress.awaitingApproval, 1)
        XCTAssertEqual(progress.target, 800)
        XCTAssertEqual(progress.percentPublished, 0.3)
        XCTAssertEqual(counts(progress.byCategory), ["earth-observation-and-environment": 1, "geospatial": 1])

        // Kept across a rebuild from the public tree, which cannot know about them.
        try tree.build()
        progress = try tree.open().statistics(highValueTarget: 800).highValue
        XCTAssertEqual(progress.awaitingApproval, 1)
        XCTAssertEqual(progress.approvedNotPublished, 1)

        // Once released, a dataset is published and no longer waiting.
        var approved = pending
        approved.governance = Governance(status: .approved, approvedBy: "committee", approvedOn: "2026-01-01")
        try tree.open().record(manifestAt: tree.release(approved))
        progress = try tree.open().statistics(highValueTarget: 800).highValue
        XCTAssertEqual(progress.published, 3)
        XCTAssertEqual(progress.awaitingApproval, 0)
    }

    func testQualityDistributionAndAdvice() throws {
        let catalogue = try tree.open()
        let stats = try catalogue.statistics()
        XCTAssertEqual(stats.quality.byRating.map(\.count).reduce(0, +), 4)
        XCTAssertEqual(stats.quality.maximumPoints, 405)

        // The café permits have no temporal coverage and an unknown licence: the score says so and by how much.
        let cafe = try XCTUnwrap(catalogue.dataset(id: "cafe-terraces")).quality
        let pm25 = try XCTUnwrap(catalogue.dataset(id: "pm25-readings")).quality
        XCTAssertEqual(Set(cafe.missing.map(\.check)), ["temporal-coverage", "licence-vocabulary"])
        XCTAssertTrue(cafe.missing.contains { $0.check == "temporal-coverage" && $0.points == 20 })
        XCTAssertTrue(cafe.missing.contains { $0.check == "licence-vocabulary" && $0.advice.contains("OGL-TH") })
        XCTAssertEqual(pm25.missing, [])
        XCTAssertEqual(pm25.points, QualityScore.maximum)
        XCTAssertEqual(cafe.points, QualityScore.maximum - cafe.missing.map(\.points).reduce(0, +))
        XCTAssertEqual(cafe.byDimension.values.reduce(0, +), cafe.points)
    }

    func testAFileMissingFromThePublicTreeCostsAccessibilityPoints() throws {
        try FileManager.default.removeItem(at: tree.publicRoot.appendingPathComponent("bma-schools/v1/bma-schools.csv"))
        try tree.build()
        let quality = try XCTUnwrap(tree.open().dataset(id: "bma-schools")).quality
        XCTAssertEqual(Set(quality.missing.map(\.check)), ["access-url", "download-url-accessible", "keywords"])
        XCTAssertEqual(quality.byDimension["accessibility"], 20)
    }

    private func counts(_ list: [CatalogueStatistics.Count]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: list.map { ($0.key, $0.count) })
    }
}
