/// A dataset as `package_search` filters, counts and sorts it: its summary from the index, and its
/// full record only when tags or the licence are asked about.
struct CKANSearchCandidate: Sendable {
    let summary: DatasetSummary
    let detail: DatasetDetail?
    /// Its place in the order the catalogue's search ranked it (by relevance when there were words).
    let rank: Int

    func values(of field: String) -> [String] {
        switch field {
        case "organization", "owner_org": return [summary.publisher.lowercased()]
        case "groups": return [summary.theme]
        case "res_format": return summary.formats
        case "metadata_modified": return [summary.updated]
        case "name", "id": return [summary.id]
        case "tags": return detail.map { CKANPackage.tags($0.metadata) } ?? []
        case "license_id": return detail.map { [$0.metadata.license] } ?? []
        default: return []
        }
    }
}
