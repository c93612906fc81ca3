/// What exports need to know about a licence code of `dataset.yaml` (SPDX identifiers such as `CC-BY-4.0`),
/// read from the licence vocabulary (`licenses.tsv`: its `eu_code`, `gd_catalog` and `open` columns).
extension License {
    public static let euLicenceBase = "http://publications.europa.eu/resource/authority/licence/"

    /// The licence's IRI: the EU licence vocabulary where it has the licence, else its SPDX page.
    public var iri: String {
        if let euCode { return License.euLicenceBase + euCode }
        return "https://spdx.org/licenses/\(code).html"
    }

    /// Whether the code is one the catalogue knows, so it can be linked to a licence vocabulary.
    public var isKnown: Bool { euCode != nil }

    /// The Thai GD Catalog `license_id` value: the catalogue's name of the licence, or "other".
    public var gdCatalogLicenseID: String { gdCatalogName ?? License.otherGDCatalogName }

    /// The licence of `code` (compared without case) in the built-in licence vocabulary; a code it does
    /// not have is unknown: no title, URL or EU code, "other" in the GD Catalog, not open.
    public static func code(_ code: String) -> License {
        known[code.uppercased()] ?? License(code: code, title: "", url: "")
    }

    /// The GD Catalog's `license_id` for any other licence.
    static let otherGDCatalogName = "อื่นๆ"

    private static let known: [String: License] = Dictionary(
        License.builtIn.map { ($0.code.uppercased(), $0) }, uniquingKeysWith: { first, _ in first })
}
