import Foundation

/// One dataset as `catalog list` and `catalog search` show it. The JSON keys are a contract
/// that scripts rely on: `id`, `title` (`th`, `en`), `publisher`, `theme`, `highValue`,
/// `updated` and `formats` are always there.
public struct DatasetSummary: Codable, Sendable, Equatable {
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
}
