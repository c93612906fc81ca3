import Foundation
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

    /// The columns this reads, from `dataset AS d`, in the order `init(row:)` reads them by position (a lookup
    /// by name costs a case-insensitive search per column, a tenth of a 10,000-row listing); `stale` takes one
    /// argument: now. Queries may select more columns after these.
    static let selection = """
        d.id, d.titleTh, d.titleEn, d.publisher, d.theme, d.highValue, d.hvdCategory, d.classification, d.releasedAt,
        d.latestVersion, d.formats, d.updateFrequency, (d.staleAt IS NOT NULL AND d.staleAt < ?) AS stale,
        d.qualityScore, d.qualityRating
        """

    public init(row: Row) {
        id = row[0]
        title = LocalizedText(th: row[1], en: row[2])
        publisher = row[3]
        theme = row[4]
        highValue = row[5]
        highValueCategory = row[6]
        classification = row[7]
        updated = row[8]
        version = row[9]
        let formats: String = row[10]
        self.formats = formats.isEmpty ? [] : formats.split(separator: ",").map(String.init)
        updateFrequency = row[11]
        stale = row[12]
        qualityScore = row[13]
        qualityRating = row[14]
    }
}

extension DatasetSummary {
    /// A JSON array of the summaries, one object per line, keys sorted: the same objects `JSONOutput`
    /// gives, written fast enough for 10,000 datasets.
    public static func jsonArray(_ summaries: [DatasetSummary]) -> Data {
        var json = JSONBytes(capacity: summaries.count * 512)
        json.raw("[")
        for (index, summary) in summaries.enumerated() {
            json.raw(index == 0 ? "\n{" : ",\n{")
            json.key("classification"); json.string(summary.classification); json.raw(",")
            json.key("formats"); json.raw("[")
            for (position, format) in summary.formats.enumerated() {
                if position > 0 { json.raw(",") }
                json.string(format)
            }
            json.raw("],")
            json.key("highValue"); json.bool(summary.highValue); json.raw(",")
            if let category = summary.highValueCategory { json.key("highValueCategory"); json.string(category); json.raw(",") }
            json.key("id"); json.string(summary.id); json.raw(",")
            json.key("publisher"); json.string(summary.publisher); json.raw(",")
            json.key("qualityRating"); json.string(summary.qualityRating); json.raw(",")
            json.key("qualityScore"); json.integer(summary.qualityScore); json.raw(",")
            json.key("stale"); json.bool(summary.stale); json.raw(",")
            json.key("theme"); json.string(summary.theme); json.raw(",")
            json.key("title"); json.raw("{")
            var separator = false
            if let en = summary.title.en { json.key("en"); json.string(en); separator = true }
            if let th = summary.title.th { if separator { json.raw(",") }; json.key("th"); json.string(th) }
            json.raw("},")
            json.key("updateFrequency"); json.string(summary.updateFrequency); json.raw(",")
            json.key("updated"); json.string(summary.updated); json.raw(",")
            json.key("version"); json.integer(summary.version)
            json.raw("}")
        }
        json.raw(summaries.isEmpty ? "]\n" : "\n]\n")
        return json.data
    }
}
