/// What catalogues need to know about a published file format: its entry in the EU file-type
/// vocabulary, its IANA media type, whether machines can read it and whether it is an open format.
public struct FileFormat: Sendable, Equatable {
    /// The EU Publications Office file-type code (`GEOJSON`, `CSV`, …), nil when the list has none.
    public var euFileType: String?
    public var mediaType: String?
    public var machineReadable: Bool
    public var nonProprietary: Bool
    /// The Thai GD Catalog `data_format` value.
    public var gdCatalogFormat: String

    /// The catalogue's knowledge of a format, by the name a manifest gives it (case-insensitive).
    public static func named(_ name: String) -> FileFormat? {
        known[name.lowercased()]
    }

    public static let euFileTypeBase = "http://publications.europa.eu/resource/authority/file-type/"

    private static let known: [String: FileFormat] = {
        let geojson = FileFormat(euFileType: "GEOJSON", mediaType: "application/geo+json", machineReadable: true, nonProprietary: true, gdCatalogFormat: "JSON")
        let csv = FileFormat(euFileType: "CSV", mediaType: "text/csv", machineReadable: true, nonProprietary: true, gdCatalogFormat: "CSV")
        let gpkg = FileFormat(euFileType: "GPKG", mediaType: "application/geopackage+sqlite3", machineReadable: true, nonProprietary: true, gdCatalogFormat: "Database")
        let fgb = FileFormat(euFileType: nil, mediaType: "application/vnd.flatgeobuf", machineReadable: true, nonProprietary: true, gdCatalogFormat: "อื่นๆ")
        let shp = FileFormat(euFileType: "SHP", mediaType: "application/zip", machineReadable: true, nonProprietary: false, gdCatalogFormat: "Shapefile")
        let kml = FileFormat(euFileType: "KML", mediaType: "application/vnd.google-earth.kml+xml", machineReadable: true, nonProprietary: true, gdCatalogFormat: "XML")
        let json = FileFormat(euFileType: "JSON", mediaType: "application/json", machineReadable: true, nonProprietary: true, gdCatalogFormat: "JSON")
        let markdown = FileFormat(euFileType: "MARKDOWN", mediaType: "text/markdown", machineReadable: false, nonProprietary: true, gdCatalogFormat: "Text")
        return [
            "geojson": geojson, "csv": csv, "gpkg": gpkg, "geopackage": gpkg, "fgb": fgb, "flatgeobuf": fgb,
            "shapefile": shp, "esri shapefile": shp, "shp": shp, "kml": kml, "json": json, "markdown": markdown, "md": markdown,
        ]
    }()
}
