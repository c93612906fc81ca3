/// A data format Lumpini publishes: its file name, media type and how it is written.
public enum PublishedFormat: String, Sendable, CaseIterable, Codable {
    case geoJSON = "GeoJSON"
    case csv = "CSV"
    case geoPackage = "GeoPackage"
    case flatGeobuf = "FlatGeobuf"
    case shapefile = "Shapefile"
    case kml = "KML"

    public init(_ option: OutputOptions.Format) {
        switch option {
        case .geojson: self = .geoJSON
        case .csv: self = .csv
        case .gpkg: self = .geoPackage
        case .fgb: self = .flatGeobuf
        case .shapefile: self = .shapefile
        case .kml: self = .kml
        }
    }

    /// The file's name in a version folder.
    public func fileName(id: String) -> String {
        switch self {
        case .geoJSON: return "\(id).geojson"
        case .csv: return "\(id).csv"
        case .geoPackage: return "\(id).gpkg"
        case .flatGeobuf: return "\(id).fgb"
        case .shapefile: return "\(id).shp.zip"
        case .kml: return "\(id).kml"
        }
    }

    public var mediaType: String {
        switch self {
        case .geoJSON: return "application/geo+json"
        case .csv: return "text/csv"
        case .geoPackage: return "application/geopackage+sqlite3"
        case .flatGeobuf: return "application/flatgeobuf"
        case .shapefile: return "application/zip"
        case .kml: return "application/vnd.google-earth.kml+xml"
        }
    }

    /// The GDAL driver writing it; nil for the formats Lumpini writes itself.
    var gdalDriver: String? {
        switch self {
        case .geoJSON, .csv: return nil
        case .geoPackage: return "GPKG"
        case .flatGeobuf: return "FlatGeobuf"
        case .shapefile: return "ESRI Shapefile"
        case .kml: return "KML"
        }
    }

    /// Whether the format can hold a table without geometry.
    var allowsNoGeometry: Bool {
        self == .csv || self == .geoPackage
    }
}
