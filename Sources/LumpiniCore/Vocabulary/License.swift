/// A licence a dataset may be published under.
public struct License: Sendable, Equatable, Codable {
    /// The code used as `license` in `dataset.yaml` (SPDX where one exists), for example `CC-BY-4.0`.
    public var code: String
    public var title: String
    public var url: String
    /// The EU Publications Office licence code (`CC_BY_4_0`), nil when its list has none.
    public var euCode: String?
    /// The Thai GD Catalog `license_id` value, nil when the catalogue's list has none (it then takes อื่นๆ, "other").
    public var gdCatalogName: String?
    /// Whether anyone may reuse the data for any purpose (the Open Definition).
    public var isOpen: Bool

    public init(code: String, title: String, url: String, euCode: String? = nil, gdCatalogName: String? = nil, isOpen: Bool = false) {
        self.code = code
        self.title = title
        self.url = url
        self.euCode = euCode
        self.gdCatalogName = gdCatalogName
        self.isOpen = isOpen
    }

    /// The licences of a `licenses.tsv` table. `eu_code`, `gd_catalog` and `open` (yes/no) may be left out.
    static func list(from table: TSVTable) -> [License] {
        table.rows.map { row in
            func value(_ column: String) -> String? { row.values[column].flatMap { $0.isEmpty ? nil : $0 } }
            return License(
                code: value("code") ?? "", title: value("title") ?? "", url: value("url") ?? "",
                euCode: value("eu_code"), gdCatalogName: value("gd_catalog"), isOpen: value("open") == "yes")
        }
    }

    static let requiredColumns = ["code", "title", "url"]

    /// The licence list built into lumpini (`schemas/vocabularies/licenses.tsv` when it was built): what the
    /// catalogue links licences with, so that the index depends on the public tree alone.
    public static let builtIn: [License] = {
        guard let text = BuiltInVocabularies.files["licenses.tsv"],
              let table = try? TSVTable(text: text, displayPath: "licenses.tsv (built in)", requiredColumns: requiredColumns) else { return [] }
        return list(from: table)
    }()
}
