import GRDB
import GRDBSQLite

/// What `catalog list` or `catalog search` asks of the index: the datasets that pass a filter, by id,
/// or those that match words, best first.
public struct DatasetQuery: Sendable {
    let sql: String
    let arguments: StatementArguments

    /// The datasets that pass the filter, by id.
    public static func list(_ filter: DatasetFilter = DatasetFilter()) -> DatasetQuery {
        let (conditions, arguments) = filter.sqlConditions()
        var sql = "SELECT \(DatasetSummary.selection) FROM dataset AS d"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY d.id"
        if let limit = filter.limit { sql += " LIMIT \(max(0, limit))" }
        return DatasetQuery(sql: sql, arguments: [Timestamp.format(filter.now)] + arguments)
    }

    /// The datasets whose title, keywords or description contain every word of the query, best first:
    /// a word in the title counts most, then in the keywords, then in the description.
    ///
    /// Words are matched as substrings, case- and accent-insensitively, so Thai words are found inside
    /// longer runs of Thai text. Words of three or more characters use the trigram full-text index;
    /// shorter ones (the Thai "น้ำ" is three characters, "ดิน" too, but "PM" is two) are matched by
    /// scanning the folded text of the candidates.
    /// - Throws: `LumpiniError` `search-empty` when the query has no words.
    public static func search(_ query: String, filter: DatasetFilter = DatasetFilter()) throws -> DatasetQuery {
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
        return DatasetQuery(sql: sql, arguments: arguments)
    }
}

extension Catalogue {
    /// Calls `body` with each dataset the query finds, in its order, without holding them all.
    public func forEachRow(of query: DatasetQuery, _ body: (SummaryRow) throws -> Void) throws {
        try database.read { db in
            let statement = try db.makeStatement(sql: query.sql)
            try statement.setArguments(query.arguments)
            let row = SummaryRow(statement: statement.sqliteStatement)
            while true {
                let code = sqlite3_step(statement.sqliteStatement)
                if code == SQLITE_DONE { return }
                guard code == SQLITE_ROW else {
                    throw DatabaseError(
                        resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                        sql: query.sql)
                }
                try body(row)
            }
        }
    }

    /// The datasets the query finds, in its order.
    public func summaries(_ query: DatasetQuery) throws -> [DatasetSummary] {
        var summaries: [DatasetSummary] = []
        try forEachRow(of: query) { summaries.append(DatasetSummary($0)) }
        return summaries
    }

    /// The datasets that pass the filter, by id.
    public func list(_ filter: DatasetFilter = DatasetFilter()) throws -> [DatasetSummary] {
        try summaries(.list(filter))
    }

    /// The datasets that match the words of the query, best first (`DatasetQuery.search`).
    public func search(_ query: String, filter: DatasetFilter = DatasetFilter()) throws -> [DatasetSummary] {
        try summaries(.search(query, filter: filter))
    }
}
