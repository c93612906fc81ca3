import Foundation

/// `package_search`: `q` through the catalogue's search (Thai and English, every word must occur),
/// `fq` (`CKANFilterQuery`), `sort`, `rows` and `start` for paging, and facets over every match.
/// A harvester that pages with `rows`/`start` sorted by `id asc` until a page is empty gets each
/// dataset once: the order is total (ids are unique) and the same for every page.
struct CKANPackageSearch {
    static let maximumRows = 1_000
    static let facetFields: Set<String> = ["organization", "groups", "tags", "res_format", "license_id"]

    let catalogue: Catalogue
    let ckan: CKANPackage

    func result(_ parameters: CKANParameters) throws -> JSONNode {
        let rows = try parameters.integer("rows", default: 10, in: 0...Self.maximumRows)
        let start = try parameters.integer("start", default: 0, in: 0...Int(Int32.max))
        let filter = try CKANFilterQuery(parameters["fq"])
        let facetFields = parameters.list("facet.field")
        if let unknown = facetFields.first(where: { !Self.facetFields.contains($0) }) {
            throw CKANError.searchQuery("cannot count facets of \"\(unknown)\": use \(Self.facetFields.sorted().joined(separator: ", "))")
        }
        let facetLimit = try parameters.integer("facet.limit", default: 50, in: -1...10_000)
        let query = parameters["q"].map { $0.trimmingCharacters(in: .whitespaces) }
        let words = (query == "*:*" || query == "*") ? nil : query.flatMap { $0.isEmpty ? nil : $0 }
        let sort = parameters["sort"] ?? "score desc, metadata_modified desc"
        let order = try CKANSortOrder(sort, hasWords: words != nil)

        let summaries = try words.map(search) ?? catalogue.list()
        let needsDetail = filter.needsTags || facetFields.contains("tags") || facetFields.contains("license_id")
        var matches = try summaries.enumerated().map { rank, summary in
            CKANSearchCandidate(summary: summary, detail: needsDetail ? try catalogue.dataset(id: summary.id) : nil, rank: rank)
        }.filter(filter.accepts)
        matches.sort(by: order.precedes)

        let page = matches.dropFirst(start).prefix(rows)
        let packages = try page.compactMap { candidate in try catalogue.dataset(id: candidate.summary.id).map(ckan.package) }
        var facets: [String: JSONNode] = [:]
        var searchFacets: [String: JSONNode] = [:]
        for field in facetFields {
            var counts: [String: Int] = [:]
            for candidate in matches { for value in Set(candidate.values(of: field)) { counts[value, default: 0] += 1 } }
            let items = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(facetLimit < 0 ? counts.count : facetLimit)
            facets[field] = .object(Dictionary(uniqueKeysWithValues: items.map { ($0.key, JSONNode.integer(Int64($0.value))) }))
            searchFacets[field] = [
                "title": .string(field),
                "items": .array(items.map { ["name": .string($0.key), "display_name": .string($0.key), "count": .integer(Int64($0.value))] }),
            ]
        }
        return [
            "count": .integer(Int64(matches.count)),
            "sort": .string(sort),
            "results": .array(packages),
            "facets": .object(facets),
            "search_facets": .object(searchFacets),
        ]
    }
}

extension CKANPackageSearch {
    /// The catalogue's search; a `q` with no words in it (only punctuation) finds everything, as CKAN's does.
    private func search(_ words: String) throws -> [DatasetSummary] {
        do {
            return try catalogue.search(words)
        } catch let error as LumpiniError where error.code == "search-empty" {
            return try catalogue.list()
        }
    }
}

/// `sort` of `package_search`: comma-separated `field asc|desc`, on `id`, `name`, `metadata_modified`,
/// `title_string` or `score`; ties fall to the id, so the order is total.
struct CKANSortOrder {
    enum Key: String { case id, name, metadata_modified, title_string, score }
    let keys: [(Key, ascending: Bool)]
    let hasWords: Bool

    init(_ text: String, hasWords: Bool) throws {
        self.hasWords = hasWords
        keys = try text.split(separator: ",").map { part in
            let words = part.split(separator: " ")
            guard let first = words.first, let key = Key(rawValue: String(first)), words.count <= 2 else {
                throw CKANError.searchQuery("cannot sort by \"\(part.trimmingCharacters(in: .whitespaces))\": use id, name, metadata_modified, title_string or score, with asc or desc")
            }
            let direction = words.count == 2 ? String(words[1]).lowercased() : "asc"
            guard direction == "asc" || direction == "desc" else { throw CKANError.searchQuery("sort direction must be asc or desc") }
            return (key, direction == "asc")
        }
    }

    func precedes(_ a: CKANSearchCandidate, _ b: CKANSearchCandidate) -> Bool {
        for (key, ascending) in keys {
            let order: ComparisonResult
            switch key {
            case .id, .name: order = a.summary.id.compare(b.summary.id, options: .literal)
            case .metadata_modified: order = a.summary.updated.compare(b.summary.updated, options: .literal)
            case .title_string:
                order = (a.summary.title.th ?? a.summary.title.en ?? "").compare(b.summary.title.th ?? b.summary.title.en ?? "", options: .literal)
            // The search ranks best first; without words every dataset scores the same.
            case .score: order = !hasWords || a.rank == b.rank ? .orderedSame : (a.rank < b.rank ? .orderedDescending : .orderedAscending)
            }
            if order != .orderedSame { return (order == .orderedAscending) == ascending }
        }
        return a.summary.id.compare(b.summary.id, options: .literal) == .orderedAscending
    }
}
