/// What exports need to know about a licence code of `dataset.yaml` (SPDX identifiers such as `CC-BY-4.0`).
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

    public static func code(_ code: String) -> Licence {
        if let known = known[code.uppercased()] { return known }
        return Licence(code: code, euCode: nil, gdCatalogName: "อื่นๆ", isOpen: false)
    }

    private static let known: [String: Licence] = {
        let list: [(String, String, String, Bool)] = [
            ("CC-BY-4.0", "CC_BY_4_0", "Creative Commons Attributions", true),
            ("CC-BY-SA-4.0", "CC_BYSA_4_0", "Creative Commons Attribution Share-Alike", true),
            ("CC-BY-NC-4.0", "CC_BYNC_4_0", "Creative Commons Attribution Non-Commercial", false),
            ("CC-BY-NC-SA-4.0", "CC_BYNCSA_4_0", "Creative Commons Attribution Non-Commercial Share-Alike", false),
            ("CC-BY-ND-4.0", "CC_BYND_4_0", "Creative Commons Attribution No-Derivs", false),
            ("CC-BY-NC-ND-4.0", "CC_BYNCND_4_0", "Creative Commons Attribution Non-Commercial No-Derivs", false),
            ("CC0-1.0", "CC0", "อื่นๆ", true),
            ("ODBL-1.0", "ODBL", "Open Data Common", true),
            ("ODC-BY-1.0", "ODC_BY", "Open Data Common", true),
            ("PDDL-1.0", "ODC_PDDL", "Open Data Common", true),
        ]
        return Dictionary(uniqueKeysWithValues: list.map { ($0.0, Licence(code: $0.0, euCode: $0.1, gdCatalogName: $0.2, isOpen: $0.3)) })
    }()
}
