import Foundation

/// What a city may set about its portal: the basemap, where Debian's JavaScript libraries are, and the
/// size a map preview may have.
public struct SiteSettings: Sendable, Equatable {
    /// A Leaflet URL template of the basemap tiles (`{z}/{x}/{y}`, `{s}` for subdomains); empty for none.
    public var tileURL: String
    /// The attribution the tile provider's usage policy asks for, shown on every map, as text.
    public var tileAttribution: String
    /// Where the attribution links to.
    public var tileAttributionURL: String
    /// Where Debian installs `libjs-leaflet`, `libjs-leaflet.markercluster` and `libjs-chart.js`.
    public var javascriptDirectory: URL
    /// A map preview's largest size in bytes: above it features are sampled and lines simplified.
    public var previewBudget: Int
    /// The programme's goal for high-value datasets.
    public var highValueTarget: Int
    /// Where the public tree is served, for the URLs a page gives to use the data from code.
    public var baseURL: String
    /// The published dataset whose polygons are drawn as outlines when the basemap cannot load: nil for
    /// the one that declares itself district boundaries (else `districts-sample`), empty for none.
    public var outlines: String?
    /// The outlines' largest size in bytes, sampled and simplified as a map preview is.
    public var outlineBudget: Int

    public static let openStreetMapTiles = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"

    public init(
        tileURL: String = SiteSettings.openStreetMapTiles, tileAttribution: String = "© OpenStreetMap contributors",
        tileAttributionURL: String = "https://www.openstreetmap.org/copyright",
        javascriptDirectory: URL = URL(fileURLWithPath: "/usr/share/javascript", isDirectory: true),
        previewBudget: Int = 2_000_000, highValueTarget: Int = 800, baseURL: String = "https://data.bangkok.go.th/opendata",
        outlines: String? = nil, outlineBudget: Int = 400_000
    ) {
        self.tileURL = tileURL
        self.tileAttribution = tileAttribution
        self.tileAttributionURL = tileAttributionURL
        self.javascriptDirectory = javascriptDirectory
        self.previewBudget = previewBudget
        self.highValueTarget = highValueTarget
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.outlines = outlines
        self.outlineBudget = outlineBudget
    }

    /// The tile server's origin for the Content-Security-Policy (`https://*.tile.example.org` for `{s}`),
    /// nil without tiles.
    /// - Throws: `site-bad-tiles` when the template is not an https or http URL with a host.
    func tileOrigin() throws -> String? {
        if tileURL.isEmpty { return nil }
        let wildcard = tileURL.replacingOccurrences(of: "{s}", with: "a")
        guard let components = URLComponents(string: wildcard.replacingOccurrences(of: "{", with: "%7B").replacingOccurrences(of: "}", with: "%7D")),
              let scheme = components.scheme?.lowercased(), scheme == "https" || scheme == "http",
              let host = components.host, !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" })
        else {
            throw LumpiniError(
                "site-bad-tiles", "the tile URL \"\(tileURL.printable)\" is not an http(s) URL template with a host", kind: .input,
                hint: "give a template such as \(Self.openStreetMapTiles), or an empty --tiles for maps without a basemap"
            )
        }
        let port = components.port.map { ":\($0)" } ?? ""
        let shownHost = tileURL.contains("{s}") ? "*" + host.drop(while: { $0 != "." }) : host
        return "\(scheme)://\(shownHost)\(port)"
    }

    /// A fingerprint of what changes every page when it changes.
    var fingerprint: String {
        [tileURL, tileAttribution, tileAttributionURL, String(previewBudget), String(highValueTarget), baseURL].joined(separator: "\u{1F}")
    }
}
