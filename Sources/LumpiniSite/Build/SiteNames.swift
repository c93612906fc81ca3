/// The Thai and English names of agencies, themes and licences, from the workspace's vocabularies when
/// there are some, else the ones built into Lumpini; a code no vocabulary has stands for its name.
struct SiteNames: Sendable {
    private var agencies: [String: LocalizedText] = [:]
    private var themes: [String: LocalizedText] = [:]
    private var licences: [String: License] = [:]

    init(_ vocabularies: Vocabularies?) {
        for agency in vocabularies?.agencies ?? [] { agencies[agency.code] = LocalizedText(th: agency.nameTH, en: agency.nameEN) }
        for theme in vocabularies?.themes ?? [] { themes[theme.code] = LocalizedText(th: theme.nameTH, en: theme.nameEN) }
        for licence in License.builtIn + (vocabularies?.licenses ?? []) { licences[licence.code.uppercased()] = licence }
    }

    func agency(_ code: String) -> LocalizedText { agencies[code] ?? LocalizedText(th: code, en: code) }
    func theme(_ code: String) -> LocalizedText { themes[code] ?? LocalizedText(th: code, en: code) }
    func licence(_ code: String) -> License? { licences[code.uppercased()] }
}
