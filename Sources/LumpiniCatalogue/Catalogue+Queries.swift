import Foundation
import GRDB

extension Catalogue {
    /// The datasets that pass the filter, by id.
    public func list(_ filter: DatasetFilter = DatasetFilter()) throws -> [DatasetSummary] {
        let (conditions, arguments) = filter.sqlConditions()
        var sql = "SELECT \(DatasetSummary.selection) FROM dataset AS d"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY d.id"
        if let limit = filter.limit { sql += " LIMIT \(max(0, limit))" }
        return try database.read { db in
            try DatasetSummary.fetchAll(db, sql: sql, arguments: [Timestamp.format(filter.now)] + arguments)
        }
    }

    /// The datasets whose title, keywords or description contain every word of the query, best first:
    /// a word in the title counts most, then in the keywords, then in the description.
    ///
    /// Words are matched as substrings, case- and accent-insensitively, so Thai words are found inside
    /// longer runs of Thai text. Words of three or more characters use the trigram full-text index;
    /// shorter ones (the Thai "น้ำ" is three characters, "ดิน" too, but "PM" is two) are matched by
    /// scanning the folded text of the candidates.
    public func search(_ query: String, filter: DatasetFilter = DatasetFilter()) throws -> [DatasetSummary] {
        let terms = SearchText.terms(query)
        guard !terms.isEmpty else {
            throw LumpiniError("search-empty", "the search has no words", kind: .input, hint: "give words to search for")
        }
        let indexed = terms.filter { $0.unicodeScalars.count >= SearchText.trigramLength }
        var arguments: StatementArguments = [Timestamp.format(filter.now)]
        var score: [String] = []
        for term in terms {
            score.append("(instr(s.searchTitle, ?) > 0) * 100 + (instr(s.searchKeywords, ?) > 0) * 10 + (instr(s.searchDescription, ?) > 0)")
            arguments += [term, term, term]
        }
        var sql = "SELECT \(DatasetSummary.selection), \(score.joined(separator: " + ")) AS score"
        var conditions: [String] = []
        if indexed.isEmpty {
            sql += " FROM dataset AS d JOIN dataset_search AS s ON s.number = d.number"
        } else {
            sql += " FROM dataset_fts JOIN dataset AS d ON d.number = dataset_fts.rowid JOIN dataset_search AS s ON s.number = d.number"
            conditions.append("dataset_fts MATCH ?")
            arguments += [indexed.map(SearchText.ftsPhrase).joined(separator: " AND ")]
        }
        for term in terms where !indexed.contains(term) {
            conditions.append("(instr(s.searchTitle, ?) > 0 OR instr(s.searchKeywords, ?) > 0 OR instr(s.searchDescription, ?) > 0)")
            arguments += [term, term, term]
        }
        let (filterConditions, filterArguments) = filter.sqlConditions()
        conditions += filterConditions
        arguments += filterArguments
        sql += " WHERE " + conditions.joined(separator: " AND ")
        sql += " ORDER BY score DESC, d.releasedAt DESC, d.id"
        if let limit = filter.limit { sql += " LIMIT \(max(0, limit))" }
        return try database.read { db in try DatasetSummary.fetchAll(db, sql: sql, arguments: arguments) }
    }

    /// Everything about one dataset; nil when the catalogue does not have it.
    public func dataset(id: String, now: Date = Date()) throws -> DatasetDetail? {
        try database.read { db in try DatasetDetail.fetch(db, id: id, now: now) }
    }

    /// The file of the dataset's latest version in the given format (case-insensitive), or its first
    /// data file when `format` is nil.
    /// - Throws: `LumpiniError` when the dataset or the format is not in the catalogue.
    public func latestFile(id: String, format: String? = nil) throws -> URL {
        guard let detail = try dataset(id: id) else { throw unknownDataset(id) }
        let data = detail.manifest.dataFiles
        let file = format.map { format in data.first { $0.format.lowercased() == format.lowercased() } } ?? data.first
        guard let file else {
            let formats = data.map(\.format).joined(separator: ", ")
            throw LumpiniError(
                "format-not-published", "\(id) has no \(format ?? "data") file in its latest version (v\(detail.version))",
                kind: .input, hint: formats.isEmpty ? "the release has no data files" : "it has: \(formats)")
        }
        return publicRoot.appendingPathComponent(detail.directory, isDirectory: true).appendingPathComponent(file.path)
    }

    func unknownDataset(_ id: String) -> LumpiniError {
        LumpiniError(
            "dataset-not-in-catalogue", "no dataset \"\(id)\" in the catalogue", kind: .input,
            hint: "`lumpini catalog search` finds datasets by words; rebuild with `lumpini catalog build` if it was released")
    }

    /// The latest version the index shows of each dataset.
    public func recordedLatestVersions() throws -> [String: Int] {
        try database.read { db in
            var versions: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, latestVersion FROM dataset") {
                versions[row["id"]] = row["latestVersion"]
            }
            return versions
        }
    }
}
