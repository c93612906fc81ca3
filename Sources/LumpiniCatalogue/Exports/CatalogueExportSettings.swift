import Foundation

/// What exports say about the catalogue itself and where its files are served.
public struct CatalogueExportSettings: Sendable, Equatable {
    /// Where the public tree is served: `<baseURL>/<id>/v<N>/<file>` downloads a file.
    public var baseURL: String
    public var title: LocalizedText
    public var description: LocalizedText
    /// The agency that runs the catalogue.
    public var publisher: String
    public var publisherName: LocalizedText
    public var contactEmail: String
    /// The legal basis cited for high-value datasets (`dcatap:applicableLegislation`): ELI or other IRIs.
    /// The EU high-value-dataset shapes require the EU implementing regulation 2023/138.
    public var applicableLegislation: [String]
    /// Names of publishers (agency code → name) when a vocabulary is at hand; codes are shown otherwise.
    public var publisherNames: [String: LocalizedText]
    /// Names of themes (theme code → name) when a vocabulary is at hand.
    public var themeNames: [String: LocalizedText]
    /// The EU data theme of each theme code (`ENVI`, `TRAN`…) when a vocabulary is at hand.
    public var euThemes: [String: String] = [:]

    public static let euHighValueRegulation = "http://data.europa.eu/eli/reg_impl/2023/138/oj"

    public init(
        baseURL: String = "https://data.bangkok.go.th/opendata",
        title: LocalizedText = LocalizedText(th: "บัญชีข้อมูลเปิดกรุงเทพมหานคร", en: "Bangkok open data catalogue"),
        description: LocalizedText = LocalizedText(
            th: "ชุดข้อมูลเปิดที่หน่วยงานของกรุงเทพมหานครเผยแพร่ ตรวจสอบคุณภาพแล้ว พร้อมเมทาดาตา",
            en: "Open datasets published by the agencies of the Bangkok Metropolitan Administration, validated, with metadata."),
        publisher: String = "BMA",
        publisherName: LocalizedText = LocalizedText(th: "กรุงเทพมหานคร", en: "Bangkok Metropolitan Administration"),
        contactEmail: String = "opendata@bangkok.go.th",
        applicableLegislation: [String] = [CatalogueExportSettings.euHighValueRegulation],
        publisherNames: [String: LocalizedText] = [:], themeNames: [String: LocalizedText] = [:]
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.title = title
        self.description = description
        self.publisher = publisher
        self.publisherName = publisherName
        self.contactEmail = contactEmail
        self.applicableLegislation = applicableLegislation
        self.publisherNames = publisherNames
        self.themeNames = themeNames
    }

    /// The dataset's IRI.
    func datasetURL(_ id: String) -> String { "\(baseURL)/\(id)" }

    /// The folder of the dataset's latest version.
    func accessURL(_ id: String) -> String { "\(baseURL)/\(id)/latest/" }

    /// The bilingual README of the dataset's latest version.
    func landingPage(_ id: String) -> String { "\(baseURL)/\(id)/latest/README.md" }

    func downloadURL(_ detail: DatasetDetail, _ file: Manifest.File) -> String {
        "\(baseURL)/\(detail.directory)/\(file.path.addingPercentEncodingForPath)"
    }

    /// Takes the names of publishers and themes, and the EU data themes, from the vocabularies.
    public mutating func use(_ vocabularies: Vocabularies) {
        for agency in vocabularies.agencies {
            publisherNames[agency.code] = LocalizedText(th: agency.nameTH, en: agency.nameEN)
        }
        for theme in vocabularies.themes {
            themeNames[theme.code] = LocalizedText(th: theme.nameTH, en: theme.nameEN)
            if !theme.euTheme.isEmpty { euThemes[theme.code] = theme.euTheme }
        }
    }

    func publisherName(_ code: String) -> LocalizedText {
        publisherNames[code] ?? LocalizedText(th: code, en: code)
    }
}

extension String {
    fileprivate var addingPercentEncodingForPath: String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#")
        return addingPercentEncoding(withAllowedCharacters: allowed) ?? self
    }
}
