import GRDB

/// One dataset as `catalog list` and `catalog search` show it. The JSON keys are a contract
/// that scripts rely on: `id`, `title` (`th`, `en`), `publisher`, `theme`, `highValue`,
/// `updated` and `formats` are always there.
public struct DatasetSummary: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var title: LocalizedText
    public var publisher: String
    public var theme: String
    public var highValue: Bool
    public var highValueCategory: String?
    public var classification: String
    /// When the latest version was released (ISO 8601, UTC).
    public var updated: String
    public var version: Int
    /// The data formats of the latest version.
    public var formats: [String]
    public var updateFrequency: String
    /// Past its update frequency.
    public var stale: Bool
    public var qualityScore: Int
    public var qualityRating: String

    /// The columns this reads, from `dataset AS d`; `stale` takes one argument: now.
    static let selection = """
        d.id, d.titleTh, d.titleEn, d.publisher, d.theme, d.highValue, d.hvdCategory, d.classification, d.releasedAt,
        d.latestVersion, d.formats, d.updateFrequency, (d.staleAt IS NOT NULL AND d.staleAt < ?) AS stale,
        d.qualityScore, d.qualityRating
        """

    public init(row: Row) {
        id = row["id"]
        title = LocalizedText(th: row["titleTh"], en: row["titleEn"])
        publisher = row["publisher"]
        theme = row["theme"]
        highValue = row["highValue"]
        highValueCategory = row["hvdCategory"]
        classification = row["classification"]
        updated = row["releasedAt"]
        version = row["latestVersion"]
        let formats: String = row["formats"]
        self.formats = formats.isEmpty ? [] : formats.split(separator: ",").map(String.init)
        updateFrequency = row["updateFrequency"]
        stale = row["stale"]
        qualityScore = row["qualityScore"]
        qualityRating = row["qualityRating"]
    }
}
