import Foundation

/// The `fq` of `package_search` in the Solr syntax CKAN clients send: clauses such as
/// `organization:env`, `+groups:environment`, `tags:"ฝุ่น PM2.5"`, `res_format:GeoJSON` and
/// `metadata_modified:[2026-01-01T00:00:00Z TO *]`, all of which must hold.
struct CKANFilterQuery: Sendable {
    enum Condition: Sendable, Equatable {
        case equals(String)
        /// Inclusive bounds; nil is `*`.
        case range(String?, String?)
    }

    struct Clause: Sendable, Equatable {
        var field: String
        var condition: Condition
    }

    static let fields: Set<String> = ["organization", "owner_org", "groups", "tags", "res_format", "metadata_modified", "name", "id", "license_id", "dataset_type", "type"]

    let clauses: [Clause]

    var needsTags: Bool { clauses.contains { $0.field == "tags" || $0.field == "license_id" } }

    /// - Throws: `CKANError` (Search Query Error) naming the clause it cannot read.
    init(_ text: String?) throws {
        var clauses: [Clause] = []
        var rest = Substring(text ?? "")
        while let start = rest.firstIndex(where: { !$0.isWhitespace }) {
            rest = rest[start...]
            if rest.hasPrefix("AND ") { rest = rest.dropFirst(4); continue }
            if rest.hasPrefix("+") { rest = rest.dropFirst() }
            guard let colon = rest.firstIndex(of: ":") else { throw CKANError.searchQuery("cannot read \"\(rest)\" in fq: write field:value") }
            let field = String(rest[..<colon])
            guard Self.fields.contains(field) else {
                throw CKANError.searchQuery("fq cannot filter on \"\(field)\": use one of \(Self.fields.sorted().joined(separator: ", "))")
            }
            rest = rest[rest.index(after: colon)...]
            let (condition, remainder) = try Self.condition(rest)
            rest = remainder
            if field == "dataset_type" || field == "type" {
                guard condition == .equals("dataset") else { throw CKANError.searchQuery("only datasets are served") }
                continue
            }
            clauses.append(Clause(field: field, condition: condition))
        }
        self.clauses = clauses
    }

    private static func condition(_ text: Substring) throws -> (Condition, Substring) {
        if text.hasPrefix("\"") {
            let body = text.dropFirst()
            guard let end = body.firstIndex(of: "\"") else { throw CKANError.searchQuery("a quote in fq is not closed") }
            return (.equals(String(body[..<end])), body[body.index(after: end)...])
        }
        if text.hasPrefix("[") {
            guard let end = text.firstIndex(of: "]") else { throw CKANError.searchQuery("a range in fq is not closed: write [FROM TO TO]") }
            let bounds = text.dropFirst()[..<end].components(separatedBy: " TO ")
            guard bounds.count == 2 else { throw CKANError.searchQuery("cannot read the range \"\(text[...end])\": write [FROM TO TO]") }
            let lower = bounds[0].trimmingCharacters(in: .whitespaces), upper = bounds[1].trimmingCharacters(in: .whitespaces)
            return (.range(lower == "*" ? nil : lower, upper == "*" ? nil : upper), text[text.index(after: end)...])
        }
        let end = text.firstIndex(where: \.isWhitespace) ?? text.endIndex
        return (.equals(String(text[..<end])), text[end...])
    }

    /// Whether a dataset passes every clause.
    func accepts(_ dataset: CKANSearchCandidate) -> Bool {
        clauses.allSatisfy { clause in
            let values = dataset.values(of: clause.field)
            switch clause.condition {
            case .equals(let wanted):
                return values.contains { $0.caseInsensitiveCompare(wanted) == .orderedSame }
            case .range(let lower, let upper):
                return values.contains { value in
                    (lower.map { Self.timestamp(value) >= Self.timestamp($0) } ?? true) && (upper.map { Self.timestamp(value) <= Self.timestamp($0) } ?? true)
                }
            }
        }
    }

    /// Times compared as text in one shape: `2026-01-01T00:00:00Z`, `2026-01-01T00:00:00.000Z` and
    /// `2026-01-01T00:00:00` are the same instant (CKAN's times have no zone; they are UTC).
    private static func timestamp(_ text: String) -> String {
        var value = text.hasSuffix("Z") ? String(text.dropLast()) : text
        if let dot = value.firstIndex(of: ".") { value = String(value[..<dot]) }
        return value
    }
}
