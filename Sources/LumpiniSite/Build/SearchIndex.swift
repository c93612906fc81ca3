import Foundation

/// `_site/search-index.json`: what the home page's search reads, folded as the catalogue's search folds
/// (`SearchText.fold`), so the page finds what `lumpini catalog search` finds.
struct SearchIndexEntry: Codable, Sendable, Equatable {
    var id: String
    var title: LocalizedText
    var publisher: String
    var theme: String
    var formats: [String]
    var updated: String
    /// Folded title, keywords and description (Thai and English).
    var ft: String
    var fk: String
    var fd: String

    init(detail: DatasetDetail, names: SiteNames) {
        let metadata = detail.metadata
        id = detail.id
        title = metadata.title
        publisher = Bilingual.plain(names.agency(metadata.publisher))
        theme = Bilingual.plain(names.theme(metadata.theme))
        formats = detail.manifest.dataFiles.map(\.format)
        updated = detail.releasedAt
        ft = SearchText.fold([metadata.title.th, metadata.title.en].compactMap { $0 }.joined(separator: " "))
        fk = SearchText.fold((metadata.keywords.th + metadata.keywords.en).joined(separator: " "))
        fd = SearchText.fold([metadata.description.th, metadata.description.en].compactMap { $0 }.joined(separator: " "))
    }

    static func data(_ cards: [DatasetCard]) throws -> Data {
        try JSONOutput.data(cards.map(\.search), pretty: false)
    }
}
