import Foundation

/// `_site/search-index.json`: what the home page's search reads, folded as the catalogue's search folds
/// (`SearchText.fold`), so the page finds what `lumpini catalog search` finds.
struct SearchIndexEntry: Encodable {
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

    init(card: DatasetCard, names: SiteNames) {
        id = card.id
        title = card.title
        publisher = Bilingual.plain(names.agency(card.publisher))
        theme = Bilingual.plain(names.theme(card.theme))
        formats = card.formats
        updated = card.releasedAt
        ft = SearchText.fold([card.title.th, card.title.en].compactMap { $0 }.joined(separator: " "))
        fk = SearchText.fold((card.keywords.th + card.keywords.en).joined(separator: " "))
        fd = SearchText.fold([card.description.th, card.description.en].compactMap { $0 }.joined(separator: " "))
    }

    static func data(_ cards: [DatasetCard], names: SiteNames) throws -> Data {
        try JSONOutput.data(cards.map { SearchIndexEntry(card: $0, names: names) }, pretty: false)
    }
}
