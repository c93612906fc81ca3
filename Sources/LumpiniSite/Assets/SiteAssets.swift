import Foundation

/// The files under `_site/assets/`: the site's own script and style, and the map and chart libraries,
/// copied from Debian's packages (`libjs-leaflet`, `libjs-leaflet.markercluster`, `libjs-chart.js`) so
/// that pages load nothing from another host but the basemap tiles.
enum SiteAssets {
    struct Library {
        var package: String
        /// Relative to the JavaScript folder (`/usr/share/javascript`).
        var source: String
        /// Relative to `_site/assets/`.
        var name: String
    }

    static let libraries = [
        Library(package: "libjs-leaflet", source: "leaflet/leaflet.min.js", name: "leaflet.js"),
        Library(package: "libjs-leaflet", source: "leaflet/leaflet.css", name: "leaflet.css"),
        Library(package: "libjs-leaflet", source: "leaflet/images/layers.png", name: "images/layers.png"),
        Library(package: "libjs-leaflet", source: "leaflet/images/layers-2x.png", name: "images/layers-2x.png"),
        Library(package: "libjs-leaflet", source: "leaflet/images/marker-icon.png", name: "images/marker-icon.png"),
        Library(package: "libjs-leaflet", source: "leaflet/images/marker-icon-2x.png", name: "images/marker-icon-2x.png"),
        Library(package: "libjs-leaflet", source: "leaflet/images/marker-shadow.png", name: "images/marker-shadow.png"),
        Library(package: "libjs-leaflet.markercluster", source: "leaflet/leaflet.markercluster.min.js", name: "leaflet.markercluster.js"),
        Library(package: "libjs-leaflet.markercluster", source: "leaflet/MarkerCluster.css", name: "MarkerCluster.css"),
        Library(package: "libjs-leaflet.markercluster", source: "leaflet/MarkerCluster.Default.css", name: "MarkerCluster.Default.css"),
        Library(package: "libjs-chart.js", source: "chart.js/chart.min.js", name: "chart.js"),
    ]

    /// What a page with a map loads, in order (Leaflet before its plug-in).
    static let mapScripts = ["leaflet.js", "leaflet.markercluster.js"]
    static let mapStyles = ["leaflet.css", "MarkerCluster.css", "MarkerCluster.Default.css"]
    static let chartScripts = ["chart.js"]

    /// Copies the libraries and writes the site's own files into `assets`, each only when it changed.
    /// - Throws: `site-library-missing` naming the Debian package to install.
    static func install(into assets: URL, from javascript: URL, writer: SiteFileWriter) throws {
        for library in libraries {
            let source = javascript.appendingPathComponent(library.source)
            guard let data = FileManager.default.contents(atPath: source.path) else {
                throw LumpiniError(
                    "site-library-missing", "\(source.path) is missing: the site's maps and charts need the Debian package \(library.package)",
                    kind: .input, hint: "install it (`apt-get install \(library.package)`, which `make deps` does) and build the site again"
                )
            }
            try writer.write(data, to: assets.appendingPathComponent(library.name))
        }
        try writer.write(Data(SiteScript.source.utf8), to: assets.appendingPathComponent(SiteScript.fileName))
        try writer.write(Data(SiteStyle.source.utf8), to: assets.appendingPathComponent(SiteStyle.fileName))
    }
}
