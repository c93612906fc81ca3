import Foundation

/// What the site keeps of each published dataset for the pages that list datasets (home, agencies,
/// themes, statistics) and the search index: read from the catalogue when the dataset's page is made,
/// and remembered between builds, so an unchanged dataset costs nothing but its listing row.
struct DatasetCard: Codable, Sendable, Equatable {
    var id: String
    var title: LocalizedText
    var description: LocalizedText
    var keywords: LocalizedKeywords
    var publisher: String
    var theme: String
    var formats: [String]
    var version: Int
    var firstReleasedAt: String
    var releasedAt: String
    var staleAt: String?
    var updateFrequency: UpdateFrequency
    var highValue: Bool
    var rowsPublished: Int
    var features: Int
    var qualityPoints: Int
    var qualityRating: String
    /// A derived dataset that holds an indicator by district (its page shows a choropleth).
    var indicator: Bool
    /// What the dataset's page was made from (`DatasetCard.key(of:settings:)`): equal keys, same page.
    var key: String
    /// The dataset in the search index, folded once when its page is made.
    var search: SearchIndexEntry

    init(detail: DatasetDetail, key: String, names: SiteNames) {
        let metadata = detail.metadata
        id = detail.id
        title = metadata.title
        description = metadata.description
        keywords = metadata.keywords
        publisher = metadata.publisher
        theme = metadata.theme
        formats = detail.manifest.dataFiles.map(\.format)
        version = detail.version
        firstReleasedAt = detail.firstReleasedAt
        releasedAt = detail.releasedAt
        staleAt = detail.staleAt
        updateFrequency = metadata.updateFrequency
        highValue = metadata.highValue.flag
        rowsPublished = detail.manifest.counts.rowsPublished
        features = detail.manifest.counts.features
        qualityPoints = detail.quality.points
        qualityRating = detail.quality.rating.rawValue
        indicator = VersionContents.showsIndicator(detail.manifest)
        self.key = key
        search = SearchIndexEntry(detail: detail, names: names)
    }

    /// Past its declared update frequency at `now` (ISO 8601 times compare as text).
    func isStale(at now: String) -> Bool {
        guard let staleAt else { return false }
        return staleAt < now
    }

    /// The inputs of a dataset's page, from its listing row: the version (a new release), the release
    /// time, the quality score, whether it is overdue, the site's settings and the generator's version.
    static func key(of summary: DatasetSummary, settings: SiteSettings) -> String {
        [SiteBuilder.generatorVersion, summary.id, String(summary.version), summary.updated, String(summary.qualityScore),
         String(summary.stale), settings.fingerprint].joined(separator: "|")
    }
}
