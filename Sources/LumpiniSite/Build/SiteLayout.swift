/// Where the site's files are in the public tree. Dataset pages sit in each dataset's folder beside its
/// versions; everything else is under `_site/`, a name no dataset can have (ids are slugs), which the
/// release's own bookkeeping skips.
enum SiteLayout {
    static let sitePath = ReleaseTree.siteDirectoryName
    static let assetsPath = "\(sitePath)/assets"
    /// District outlines drawn under the data when the basemap's tiles cannot load.
    static let outlines = "\(sitePath)/outlines.geojson"
    /// In a dataset's folder: the page and its map's preview layer.
    static let datasetPage = "index.html"
    static let previewFile = "map-preview.geojson"

    static func agencyPage(_ code: String) -> String { "\(sitePath)/agency/\(fileStem(code)).html" }
    static func themePage(_ code: String) -> String { "\(sitePath)/theme/\(fileStem(code)).html" }

    /// A code as a file name: letters, digits, `-`, `_` kept, anything else (a `/`, a dot) as `_`.
    static func fileStem(_ code: String) -> String {
        let stem = String(code.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "_" })
        return stem.isEmpty ? "_" : stem
    }
}
