/// What exports need to know about a licence code of `dataset.yaml` (SPDX identifiers such as `CC-BY-4.0`),
/// read from the licence vocabulary (`licenses.tsv`: its `eu_code`, `gd_catalog` and `open` columns).
public struct Licence: Sendable, Equatable {
    public var code: String
    /// The EU Publications Office licence code (`CC_BY_4_0`), nil when the list has none.
    public var euCode: String?
    /// The Thai GD Catalog `license_id` value.
    public var gdCatalogName: String
    /// Whether anyone may reuse the data for any purpose (the Open Definition).
    public var isOpen: Bool

    public static let euLicenceBase = "http://publications.europa.eu/resource/authority/licence/"

    /// The licence's IRI: the EU licence vocabulary where it has the licence, else its SPDX page.
    public var iri: String {
        if let euCode { return Licence.euLicenceBase + euCode }
        return "https://spdx.org/licenses/\(code).html"
    }

    /// Whether the code is one the catalogue knows, so it can be linked to a licence vocabulary.
    public var isKnown: Bool { euCode != nil }

    /// The licence of `code` (compared without case) in the built-in licence vocabulary; a code it does
    /// not have is unknown: no EU code, "other" in the GD Catalog, not open.
    public static func code(_ code: String) -> Licence {
        guard let license = known[code.uppercased()] else {
            return Licence(code: code, euCode: nil, gdCatalogName: otherGDCatalogName, isOpen: false)
        }
        return Licence(code: license.code, euCode: license.euCode, gdCatalogName: license.gdCatalogName ?? otherGDCatalogName, isOpen: license.isOpen)
    }

    /// The GD Catalog's `license_id` for any other licence.
    static let otherGDCatalogName = "อื่นๆ"

    private static let known: [String: License] = Dictionary(
        License.builtIn.map { ($0.code.uppercased(), $0) }, uniquingKeysWith: { first, _ in first })
}
