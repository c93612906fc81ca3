import Foundation
import GRDB

/// Writes releases into the index: one version (and its files) at a time, and the dataset's
/// row from its latest version.
struct CatalogueWriter {
    let db: Database
    let publicRoot: URL

    /// Records one release. When it is the dataset's newest, the dataset's row is rewritten from it.
    func write(_ manifest: Manifest) throws {
        try writeVersion(manifest)
        let latest = try Int.fetchOne(db, sql: "SELECT latestVersion FROM dataset WHERE id = ?", arguments: [manifest.id])
        if let latest, latest > manifest.version {
            try db.execute(
                sql: """
                    UPDATE dataset SET versionCount = (SELECT count(*) FROM version WHERE datasetID = :id),
                        firstReleasedAt = (SELECT min(releasedAt) FROM version WHERE datasetID = :id) WHERE id = :id
                    """, arguments: ["id": manifest.id])
        } else {
            try writeDataset(manifest)
        }
    }

    /// Records a version and its files only, leaving the dataset's row alone (for versions older than
    /// one that will be written next).
    func writeVersion(_ manifest: Manifest) throws {
        let releasedAt = try timestamp(manifest)
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO version
                (datasetID, version, releasedAt, lumpiniVersion, inputHash, rowsPublished, rowsQuarantined, features, valid, fileCount, totalSize)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                manifest.id, manifest.version, releasedAt, manifest.lumpiniVersion, manifest.inputHash,
                manifest.counts.rowsPublished, manifest.counts.rowsQuarantined, manifest.counts.features, manifest.quality.valid,
                manifest.files.count, manifest.files.reduce(0) { $0 + $1.size },
            ])
        try db.cachedStatement(sql: "DELETE FROM distribution WHERE datasetID = ? AND version = ?")
            .execute(arguments: [manifest.id, manifest.version])
        let insert = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO distribution (datasetID, version, path, format, mediaType, size, sha256, role)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for file in manifest.files {
            try insert.execute(arguments: [manifest.id, manifest.version, file.path, file.format, file.mediaType, file.size, file.sha256, file.role.rawValue])
        }
    }

    private func writeDataset(_ manifest: Manifest) throws {
        let metadata = manifest.metadata
        let releasedAt = try timestamp(manifest)
        let history = try Row.fetchOne(
            db, sql: "SELECT min(releasedAt) AS first, count(*) AS count FROM version WHERE datasetID = ?", arguments: [manifest.id])
        let firstReleasedAt: String = history?["first"] ?? releasedAt
        let versionCount: Int = history?["count"] ?? 1
        let directory = "\(manifest.id)/v\(manifest.version)"
        let quality = QualityScore(
            manifest: manifest, firstReleasedAt: firstReleasedAt,
            directory: publicRoot.appendingPathComponent(directory, isDirectory: true))
        let staleAt = metadata.updateFrequency.interval.flatMap { interval in
            Timestamp.parse(releasedAt).map { Timestamp.format($0.addingTimeInterval(interval)) }
        }
        let bbox = manifest.extent.map { [$0.minX, $0.minY, $0.maxX, $0.maxY] } ?? (metadata.spatial.bbox.count == 4 ? metadata.spatial.bbox : nil)
        var formats: [String] = []
        for file in manifest.dataFiles where !formats.contains(file.format) { formats.append(file.format) }
        let keywords = metadata.keywords.all

        let values: [String: (any DatabaseValueConvertible)?] = [
            "id": manifest.id,
            "titleTh": metadata.title.th, "titleEn": metadata.title.en,
            "publisher": metadata.publisher, "theme": metadata.theme, "license": metadata.license,
            "classification": metadata.classification.rawValue,
            "highValue": metadata.highValue.flag, "hvdCategory": metadata.highValue.category,
            "updateFrequency": metadata.updateFrequency.rawValue,
            "governanceStatus": metadata.governance.status.rawValue,
            "spatialName": metadata.spatial.name, "temporalStart": metadata.temporal?.start, "temporalEnd": metadata.temporal?.end,
            "minX": bbox?[0], "minY": bbox?[1], "maxX": bbox?[2], "maxY": bbox?[3],
            "latestVersion": manifest.version, "versionCount": versionCount,
            "firstReleasedAt": firstReleasedAt, "releasedAt": releasedAt, "staleAt": staleAt,
            "rowsIn": manifest.counts.rowsIn, "rowsPublished": manifest.counts.rowsPublished,
            "rowsQuarantined": manifest.counts.rowsQuarantined, "features": manifest.counts.features,
            "geometryType": manifest.geometryType,
            "valid": manifest.quality.valid, "errorCount": manifest.quality.errorCount,
            "warningCount": manifest.quality.warningCount, "changedValues": manifest.quality.changedValues,
            "formats": formats.joined(separator: ","),
            "qualityScore": quality.points, "qualityRating": quality.rating.rawValue,
            "directory": directory,
        ]
        let columns = CatalogueWriter.datasetColumns
        try db.cachedStatement(sql: """
            INSERT INTO dataset (\(columns.joined(separator: ", "))) VALUES (\(columns.map { ":" + $0 }.joined(separator: ", ")))
            ON CONFLICT(id) DO UPDATE SET \(columns.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
            """).execute(arguments: StatementArguments(values.mapValues { $0?.databaseValue ?? .null }))
        try db.cachedStatement(sql: """
            INSERT INTO dataset_search (number, searchTitle, searchKeywords, searchDescription)
            VALUES ((SELECT number FROM dataset WHERE id = ?), ?, ?, ?)
            ON CONFLICT(number) DO UPDATE SET
                searchTitle = excluded.searchTitle, searchKeywords = excluded.searchKeywords,
                searchDescription = excluded.searchDescription
            """).execute(arguments: [
                manifest.id,
                SearchText.fold([metadata.title.th, metadata.title.en].compactMap { $0 }.joined(separator: " | ")),
                SearchText.fold(keywords.joined(separator: " | ")),
                SearchText.fold([metadata.description.th, metadata.description.en].compactMap { $0 }.joined(separator: " | ")),
            ])

        try db.cachedStatement(sql: "INSERT OR REPLACE INTO dataset_document (id, manifest, quality) VALUES (?, ?, ?)")
            .execute(arguments: [manifest.id, try JSONOutput.string(manifest, pretty: false), try JSONOutput.string(quality, pretty: false)])
        for table in ["format", "indicator", "keyword"] {
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE datasetID = ?").execute(arguments: [manifest.id])
        }
        let insertFormat = try db.cachedStatement(sql: "INSERT OR IGNORE INTO format (format, datasetID, name) VALUES (?, ?, ?)")
        for format in formats { try insertFormat.execute(arguments: [format.lowercased(), manifest.id, format]) }
        let insertIndicator = try db.cachedStatement(sql: "INSERT OR IGNORE INTO indicator (code, scheme, datasetID) VALUES (?, ?, ?)")
        for code in metadata.indicators.livability { try insertIndicator.execute(arguments: [code, "livability", manifest.id]) }
        for code in metadata.indicators.sdg { try insertIndicator.execute(arguments: [code, "sdg", manifest.id]) }
        let insertKeyword = try db.cachedStatement(sql: "INSERT OR IGNORE INTO keyword (keyword, language, datasetID) VALUES (?, ?, ?)")
        for keyword in metadata.keywords.th { try insertKeyword.execute(arguments: [keyword, "th", manifest.id]) }
        for keyword in metadata.keywords.en { try insertKeyword.execute(arguments: [keyword, "en", manifest.id]) }
        try db.cachedStatement(sql: "DELETE FROM unpublished WHERE id = ?").execute(arguments: [manifest.id])
    }

    /// Records a dataset that a release built but did not publish.
    func writeUnpublished(_ metadata: DatasetMetadata, reason: String?, recordedAt: Date) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO unpublished
                    (id, publisher, theme, highValue, hvdCategory, governanceStatus, approved, classification, reason, recordedAt, metadata)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                metadata.id, metadata.publisher, metadata.theme, metadata.highValue.flag, metadata.highValue.category,
                metadata.governance.status.rawValue, metadata.governance.isApproved, metadata.classification.rawValue,
                reason, Timestamp.format(recordedAt), try JSONOutput.string(metadata, pretty: false),
            ])
    }

    private func timestamp(_ manifest: Manifest) throws -> String {
        guard let date = Timestamp.parse(manifest.releasedAt) else {
            throw LumpiniError(
                "manifest-invalid", "releasedAt \"\(manifest.releasedAt)\" is not an ISO 8601 date and time", kind: .data,
                file: "\(manifest.id)/v\(manifest.version)/manifest.json", field: "releasedAt")
        }
        return Timestamp.format(date)
    }

    static let datasetColumns = [
        "id", "titleTh", "titleEn", "publisher", "theme", "license", "classification",
        "highValue", "hvdCategory", "updateFrequency", "governanceStatus", "spatialName", "temporalStart", "temporalEnd",
        "minX", "minY", "maxX", "maxY", "latestVersion", "versionCount", "firstReleasedAt", "releasedAt", "staleAt",
        "rowsIn", "rowsPublished", "rowsQuarantined", "features", "geometryType", "valid", "errorCount", "warningCount",
        "changedValues", "formats", "qualityScore", "qualityRating", "directory",
    ]
}
