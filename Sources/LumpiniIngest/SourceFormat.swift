import Foundation
import GDAL

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

    /// The GDAL drivers a source may be opened with: formats whose data is in the file itself and in
    /// parts named after it (checked by `SourceFileParts`). GDAL tries every driver it has otherwise,
    /// and some read whatever a file names: VRT, MapInfo seamless tables (refused by
    /// `IndirectSourcePolicy` as well), GML's and OSM's sidecars and external schemas, database
    /// connection strings. A GeoPackage or SpatiaLite file is read once `SQLiteSchemaPolicy` has
    /// found no virtual table in it.
    static let gdalDrivers = [
        "ESRI Shapefile", "GeoJSON", "GeoJSONSeq", "ESRIJSON", "TopoJSON", "GPKG", "SQLite", "KML", "LIBKML",
        "FlatGeobuf", "XLSX", "XLS", "ODS", "CSV", "MapInfo File",
    ]

    /// The one way a source is opened with GDAL: the checks of `SourceReader.checkReadable` (remote,
    /// missing, empty, encrypted, zip bombs, files that open other files, parts linked outside, virtual
    /// tables), then only the drivers above. Every reader that opens a source with GDAL comes here.
    package static func openDataset(_ path: String, openOptions: [String: String]) throws -> Dataset {
        try SourceReader.checkReadable(path)
        return try Dataset.open(path, options: .init(openOptions: openOptions, allowedDrivers: gdalDrivers))
    }

    /// Tables have a header row and number their rows as a spreadsheet does (header = row 1).
    public var isTable: Bool { self == .csv || self == .spreadsheet }

    /// Runs `body` (which opens and first uses a spreadsheet's layer) with GDAL's spreadsheet
    /// drivers told whether row 1 is the header (`"FORCE"`) or data (`"DISABLE"`): GDAL 3.6's XLSX,
    /// XLS and ODS drivers take this from configuration options only (not open options), read when
    /// a sheet is first used; set for this thread alone, so datasets read in parallel do not race.
    func withSpreadsheetHeaders<T>(_ headers: String, _ body: () throws -> T) rethrows -> T {
        guard self == .spreadsheet else { return try body() }
        let keys = ["OGR_XLSX_HEADERS", "OGR_XLS_HEADERS", "OGR_ODS_HEADERS"]
        for key in keys { GDALLibrary.setThreadLocalOption(key, headers) }
        defer { for key in keys { GDALLibrary.setThreadLocalOption(key, nil) } }
        return try body()
    }

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
