import Foundation

/// The kinds of source file Lumpini reads, decided from the file name, and how GDAL should open each.
public enum SourceFormat: String, Sendable, Codable {
    case csv, spreadsheet, shapefile, geojson, kml, geopackage, flatgeobuf, other

    public init(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "csv", "tsv", "txt": self = .csv
        case "xlsx", "xls", "ods": self = .spreadsheet
        case "shp", "dbf": self = .shapefile
        case "geojson", "json": self = .geojson
        case "kml", "kmz": self = .kml
        case "gpkg": self = .geopackage
        case "fgb": self = .flatgeobuf
        default: self = .other
        }
    }

    /// Tables have a header row and number their rows as a spreadsheet does (header = row 1).
    public var isTable: Bool { self == .csv || self == .spreadsheet }

    /// GDAL open options that hand Lumpini the values as they are written: text not typed,
    /// no recoding of shapefile text (Lumpini decodes it), no header guessing when a header row is declared.
    func openOptions(headerRow: Int?) -> [String: String] {
        switch self {
        case .csv:
            return ["AUTODETECT_TYPE": "NO", "HEADERS": (headerRow ?? 1) == 1 ? "YES" : "NO", "KEEP_SOURCE_COLUMNS": "NO"]
        case .spreadsheet:
            return ["HEADERS": (headerRow ?? 1) == 1 ? "FORCE" : "DISABLE", "FIELD_TYPES": "STRING"]
        case .shapefile:
            return ["ENCODING": ""]
        default:
            return [:]
        }
    }
}
