import Foundation
import GRDB

/// The figures the person accountable for the open-data target reads: what is published, by whom,
/// in which formats, how far the city is from its target of high-value datasets, what is stale,
/// and how good the metadata is.
public struct CatalogueStatistics: Codable, Sendable, Equatable {
    public struct Count: Codable, Sendable, Equatable, FetchableRecord {
        public var key: String
        public var count: Int

        public init(row: Row) {
            key = row["key"]
            count = row["count"]
        }
    }

    /// Progress toward the target of published high-value datasets.
    public struct HighValueProgress: Codable, Sendable, Equatable {
        public var target: Int
        /// High-value datasets in the public tree.
        public var published: Int
        /// Approved by the governance committee but not (yet) published: not classified public, or their release failed.
        public var approvedNotPublished: Int
        /// Built by a release but waiting for the committee's approval.
        public var awaitingApproval: Int
        /// `published / target`, in percent.
        public var percentPublished: Double
        public var byCategory: [Count]
    }

    public struct StaleDataset: Codable, Sendable, Equatable, FetchableRecord {
        public var id: String
        public var publisher: String
        public var updateFrequency: String
        public var releasedAt: String
        public var staleAt: String

        public init(row: Row) {
            id = row["id"]
            publisher = row["publisher"]
            updateFrequency = row["updateFrequency"]
            releasedAt = row["releasedAt"]
            staleAt = row["staleAt"]
        }
    }

    public struct QualityDistribution: Codable, Sendable, Equatable {
        /// Datasets per MQA rating: excellent, good, sufficient, bad.
        public var byRating: [Count]
        public var averagePoints: Double
        public var maximumPoints: Int
    }

    public var datasets: Int
    public var versions: Int
    public var byTheme: [Count]
    public var byPublisher: [Count]
    public var byFormat: [Count]
    public var byClassification: [Count]
    public var highValue: HighValueProgress
    /// Datasets past their update frequency.
    public var staleCount: Int
    /// The longest overdue of them (at most `staleListed`); `list --stale` lists them all.
    public var stale: [StaleDataset]

    static let staleListed = 50
    public var quality: QualityDistribution
    /// Datasets a release built but did not publish, by reason.
    public var unpublished: [Count]

    static func fetch(_ db: Database, target: Int, now: Date) throws -> CatalogueStatistics {
        func counts(_ sql: String) throws -> [Count] { try Count.fetchAll(db, sql: sql) }
        let datasets = try Int.fetchOne(db, sql: "SELECT count(*) FROM dataset") ?? 0
        let published = try Int.fetchOne(db, sql: "SELECT count(*) FROM dataset WHERE highValue") ?? 0
        // A dataset with a published version counts as published even when a newer one waits.
        let pending = "FROM unpublished WHERE highValue AND id NOT IN (SELECT id FROM dataset)"
        let ratings = try Dictionary(
            uniqueKeysWithValues: counts("SELECT qualityRating AS key, count(*) AS count FROM dataset GROUP BY qualityRating").map { ($0.key, $0) })
        return CatalogueStatistics(
            datasets: datasets,
            versions: try Int.fetchOne(db, sql: "SELECT count(*) FROM version") ?? 0,
            byTheme: try counts("SELECT theme AS key, count(*) AS count FROM dataset GROUP BY theme ORDER BY count DESC, key"),
            byPublisher: try counts("SELECT publisher AS key, count(*) AS count FROM dataset GROUP BY publisher ORDER BY count DESC, key"),
            byFormat: try counts("SELECT min(name) AS key, count(*) AS count FROM format GROUP BY format ORDER BY count DESC, key"),
            byClassification: try counts("SELECT classification AS key, count(*) AS count FROM dataset GROUP BY classification ORDER BY count DESC, key"),
            highValue: HighValueProgress(
                target: target, published: published,
                approvedNotPublished: try Int.fetchOne(db, sql: "SELECT count(*) \(pending) AND approved") ?? 0,
                awaitingApproval: try Int.fetchOne(db, sql: "SELECT count(*) \(pending) AND NOT approved") ?? 0,
                percentPublished: target > 0 ? (Double(published) * 1000 / Double(target)).rounded() / 10 : 0,
                byCategory: try counts("""
                    SELECT coalesce(hvdCategory, '(none)') AS key, count(*) AS count FROM dataset WHERE highValue
                    GROUP BY key ORDER BY count DESC, key
                    """)),
            staleCount: try Int.fetchOne(db, sql: "SELECT count(*) FROM dataset WHERE staleAt < ?", arguments: [Timestamp.format(now)]) ?? 0,
            stale: try StaleDataset.fetchAll(
                db, sql: "SELECT id, publisher, updateFrequency, releasedAt, staleAt FROM dataset WHERE staleAt < ? ORDER BY staleAt, id LIMIT ?",
                arguments: [Timestamp.format(now), staleListed]),
            quality: QualityDistribution(
                byRating: QualityScore.Rating.allCases.map { rating in
                    ratings[rating.rawValue] ?? Count(row: ["key": rating.rawValue, "count": 0])
                },
                averagePoints: ((try Double.fetchOne(db, sql: "SELECT avg(qualityScore) FROM dataset") ?? 0) * 10).rounded() / 10,
                maximumPoints: QualityScore.maximum),
            unpublished: try counts("""
                SELECT CASE WHEN NOT approved THEN 'awaiting approval' WHEN classification != 'public' THEN 'not classified public'
                    ELSE coalesce(reason, 'not published') END AS key, count(*) AS count
                FROM unpublished WHERE id NOT IN (SELECT id FROM dataset) GROUP BY key ORDER BY count DESC, key
                """))
    }
}

extension Catalogue {
    /// Counts by theme, publisher and format, progress toward the high-value target, stale datasets
    /// and the metadata quality distribution.
    /// - Parameter highValueTarget: the number of high-value datasets the city aims to publish.
    public func statistics(highValueTarget: Int = 800, now: Date = Date()) throws -> CatalogueStatistics {
        try database.read { db in try CatalogueStatistics.fetch(db, target: highValueTarget, now: now) }
    }
}
