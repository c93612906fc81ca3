import Hummingbird

/// Media types of the files a release publishes that Hummingbird does not know by their extension.
enum PublishedMediaTypes {
    static let byExtension: [String: MediaType] = [
        "geojson": MediaType(type: .application, subType: "geo+json"),
        "gpkg": MediaType(type: .application, subType: "geopackage+sqlite3"),
        "fgb": MediaType(type: .application, subType: "flatgeobuf"),
        "kml": MediaType(type: .application, subType: "vnd.google-earth.kml+xml"),
        "jsonld": MediaType(type: .application, subType: "ld+json"),
        "ttl": MediaType(type: .text, subType: "turtle"),
        "md": MediaType(type: .text, subType: "markdown", parameter: ("charset", "utf-8")),
        "csv": MediaType(type: .text, subType: "csv", parameter: ("charset", "utf-8")),
    ]
}
