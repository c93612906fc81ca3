import Foundation
import Lumpini
import XCTest

/// A public tree in a fresh temporary folder, with releases written as the manifest contract
/// describes them: real data files, then `manifest.json` (JSONOutput-encoded, metadata as
/// `DatasetMetadata`), then the `latest` link.
struct CatalogueTestTree {
    let root: URL
    var publicRoot: URL { root.appendingPathComponent("public", isDirectory: true) }
    var catalogueFile: URL { Catalogue.defaultFile(publicRoot: publicRoot) }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("lumpini-catalogue-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    static func metadata(
        id: String, th: String, en: String, descriptionTh: String = "", descriptionEn: String = "",
        publisher: String = "ENV", theme: String = "environment", keywordsTh: [String] = [], keywordsEn: [String] = [],
        license: String = "CC-BY-4.0", classification: Classification = .public, highValue: HighValue = HighValue(flag: false),
        updateFrequency: UpdateFrequency = .annual, bbox: [Double] = SpatialCoverage.bangkokBBox,
        temporal: TemporalCoverage? = TemporalCoverage(start: "2024-01-01", end: "2024-12-31"),
        governance: Governance = Governance(status: .approved, approvedBy: "Data governance committee", approvedOn: "2025-01-15"),
        indicators: IndicatorLinks = IndicatorLinks(), gdCatalog: [String: String] = [:]
    ) -> DatasetMetadata {
        DatasetMetadata(
            id: id, title: LocalizedText(th: th, en: en), description: LocalizedText(th: descriptionTh, en: descriptionEn),
            publisher: publisher, contact: Contact(name: "ฝ่ายข้อมูล", email: "data@bangkok.go.th", phone: "02 123 4567"),
            theme: theme, keywords: LocalizedKeywords(th: keywordsTh, en: keywordsEn), license: license,
            classification: classification, highValue: highValue, updateFrequency: updateFrequency,
            spatial: SpatialCoverage(bbox: bbox), temporal: temporal, governance: governance, indicators: indicators, gdCatalog: gdCatalog)
    }

    /// Writes version `version` of a dataset: a GeoJSON of points in `extent` (when given) and a CSV,
    /// plus any `extraFormats` (name → bytes), released `releasedAt`.
    @discardableResult
    func release(
        _ metadata: DatasetMetadata, version: Int = 1, releasedAt: Date = Date(), extent: [Double]? = [100.50, 13.70, 100.52, 13.72],
        extraFiles: [SampleRelease.File] = [], pointLatest: Bool = true
    ) throws -> URL {
        var files: [SampleRelease.File] = []
        var rows = ["id,name,longitude,latitude"]
        if let extent {
            let features = [(extent[0], extent[1]), (extent[2], extent[3])].enumerated().map { index, point in
                #"{"type":"Feature","id":\#(index + 1),"geometry":{"type":"Point","coordinates":[\#(point.0),\#(point.1)]},"properties":{"name":"จุดที่ \#(index + 1)"}}"#
            }
            files.append(.init(
                name: "\(metadata.id).geojson", format: "GeoJSON", mediaType: "application/geo+json",
                contents: Data((#"{"type":"FeatureCollection","features":["# + features.joined(separator: ",") + "]}\n").utf8)))
            rows += ["1,จุดที่ 1,\(extent[0]),\(extent[1])", "2,จุดที่ 2,\(extent[2]),\(extent[3])"]
        } else {
            rows += ["1,จุดที่ 1,,", "2,จุดที่ 2,,"]
        }
        files.append(.init(name: "\(metadata.id).csv", format: "CSV", mediaType: "text/csv", contents: Data((rows.joined(separator: "\n") + "\n").utf8)))
        files.append(.init(
            name: "validation-report.json", format: "JSON", mediaType: "application/json", role: .report,
            contents: Data(#"{"valid":true}"#.utf8)))
        files += extraFiles
        let release = SampleRelease(
            metadata: metadata, version: version, releasedAt: releasedAt, files: files,
            counts: .init(rowsIn: 3, rowsPublished: 2, rowsQuarantined: 1, features: extent == nil ? 0 : 2),
            extent: extent.map { .init(minX: $0[0], minY: $0[1], maxX: $0[2], maxY: $0[3]) }, geometryType: extent == nil ? nil : "Point",
            quality: .init(valid: true, errorCount: 0, warningCount: 1, changedValues: 4))
        return try release.write(into: publicRoot, pointLatest: pointLatest)
    }

    @discardableResult
    func build() throws -> Catalogue.BuildReport {
        try Catalogue.build(publicRoot: publicRoot, file: catalogueFile)
    }

    func open() throws -> Catalogue {
        try Catalogue.open(at: catalogueFile, publicRoot: publicRoot)
    }

    static func daysAgo(_ days: Double) -> Date {
        Date().addingTimeInterval(-days * 86_400)
    }
}
