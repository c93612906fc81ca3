import GDAL

/// What `lumpini inspect` found in a file. Encoded as the stable JSON of `inspect --json`
/// (documented in docs/inspect.md): keep the names.
public struct InspectionReport: Codable, Sendable {
    public var file: String
    public var driver: String
    public var encoding: EncodingReport
    public var layers: [LayerReport]
    /// Things the data officer should know before describing the dataset (no .prj, no .cpg…).
    public var warnings: [String]

    public struct EncodingReport: Codable, Sendable {
        /// `UTF-8`, `UTF-8-BOM`, `UTF-16LE`, `UTF-16BE`, `TIS-620`, `Windows-874` or `Windows-1252`.
        public var name: String
        public var confidence: Double
        public var source: String
    }

    public struct CRSReport: Codable, Sendable {
        /// Nil when the file declares no CRS or PROJ finds no EPSG code for it.
        public var epsg: Int?
        public var name: String?
    }

    public struct LayerReport: Codable, Sendable {
        public var name: String
        public var featureCount: Int
        /// The layer's declared type (`None` for tables).
        public var geometryType: String
        /// Counts of each type the features really have (a shapefile "Polygon" layer holds MultiPolygons too).
        public var geometryTypes: [String: Int]
        public var invalidGeometries: Int
        public var emptyGeometries: Int
        public var crs: CRSReport
        public var extent: Envelope?
        public var extentWGS84: Envelope?
        public var fields: [FieldReport]
        public var coordinateHints: [CoordinateHint]
    }

    public struct FieldReport: Codable, Sendable {
        public var name: String
        public var gdalType: String
        public var inferredType: String
        /// Null, unset or empty-text values.
        public var nullCount: Int
        public var distinctCount: Int
        /// True when `distinctCount` stopped counting at the cap.
        public var distinctCapped: Bool
        public var samples: [String]
        public var notes: [String]
    }

    public struct CoordinateHint: Codable, Sendable {
        /// `lon-lat`, `lat-lon-swapped` or `utm-47n`.
        public var kind: String
        public var x: String
        public var y: String
        public var message: String
    }
}
