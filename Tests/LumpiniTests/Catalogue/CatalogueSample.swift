import Foundation
import Lumpini

/// Four Bangkok datasets that exercise search, filters and freshness.
enum CatalogueSample {
    static let pm25 = CatalogueTestTree.metadata(
        id: "pm25-readings", th: "ฝุ่นละอองขนาดเล็ก PM2.5", en: "Fine particulate matter (PM2.5) readings",
        descriptionTh: "ค่าฝุ่นรายชั่วโมงจากสถานีตรวจวัดคุณภาพอากาศ", descriptionEn: "Hourly readings from air quality stations.",
        publisher: "ENV", theme: "environment", keywordsTh: ["คุณภาพอากาศ"], keywordsEn: ["air quality", "dust"],
        highValue: HighValue(flag: true, category: "earth-observation-and-environment"), updateFrequency: .daily,
        indicators: IndicatorLinks(livability: ["ENV-PM25"], sdg: ["11.6.2"]))
    static let canal = CatalogueTestTree.metadata(
        id: "canal-water-quality", th: "คุณภาพน้ำในคลอง", en: "Canal water quality",
        descriptionTh: "ผลการตรวจวัดคุณภาพน้ำในคลองสายหลัก", descriptionEn: "Dissolved oxygen and BOD in the main canals.",
        publisher: "DDS", theme: "environment", keywordsTh: ["คลอง"], keywordsEn: ["canal"],
        highValue: HighValue(flag: true, category: "geospatial"), updateFrequency: .monthly,
        indicators: IndicatorLinks(livability: ["ENV-WATER"]))
    static let cafe = CatalogueTestTree.metadata(
        id: "cafe-terraces", th: "ร้านกาแฟริมทาง", en: "Café terraces",
        descriptionEn: "Permits for café terraces on pavements.", publisher: "ECO", theme: "economy", keywordsEn: ["coffee"],
        license: "OGL-TH", updateFrequency: .annual, temporal: nil)
    static let schools = CatalogueTestTree.metadata(
        id: "bma-schools", th: "โรงเรียนสังกัดกรุงเทพมหานคร", en: "BMA schools",
        descriptionTh: "ที่ตั้งโรงเรียนและจุดบริการน้ำดื่ม", descriptionEn: "School locations and their drinking water points.",
        publisher: "EDU", theme: "education", classification: .public, updateFrequency: .weekly)

    /// Writes the four datasets (the PM2.5 one twice: v1 and v2) into the tree.
    static func write(into tree: CatalogueTestTree) throws {
        try tree.release(pm25, version: 1, releasedAt: CatalogueTestTree.daysAgo(40))
        try tree.release(pm25, version: 2, releasedAt: CatalogueTestTree.daysAgo(10))
        try tree.release(canal, releasedAt: CatalogueTestTree.daysAgo(2), extent: [100.80, 13.80, 100.85, 13.85])
        try tree.release(
            cafe, releasedAt: CatalogueTestTree.daysAgo(100), extent: nil,
            extraFiles: [.init(name: "cafe-terraces.gpkg", format: "GPKG", mediaType: "application/geopackage+sqlite3", contents: Data("SQLite format 3\0".utf8))])
        try tree.release(schools, releasedAt: CatalogueTestTree.daysAgo(1), extent: [100.45, 13.65, 100.60, 13.80])
    }
}
