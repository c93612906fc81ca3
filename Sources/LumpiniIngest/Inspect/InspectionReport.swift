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
        /// Null when the file declares no CRS or PROJ finds no EPSG code for it.
        public var epsg: Int?
        public var name: String?

        /// Unknown values are written as `null`, never left out: scripts test `crs.epsg == null`.
        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(epsg, forKey: .epsg)
            try container.encode(name, forKey: .name)
        }
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

        /// Extents without geometry are written as `null`, never left out.
        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(featureCount, forKey: .featureCount)
            try container.encode(geometryType, forKey: .geometryType)
            try container.encode(geometryTypes, forKey: .geometryTypes)
            try container.encode(invalidGeometries, forKey: .invalidGeometries)
            try container.encode(emptyGeometries, forKey: .emptyGeometries)
            try container.encode(crs, forKey: .crs)
            try container.encode(extent, forKey: .extent)
            try container.encode(extentWGS84, forKey: .extentWGS84)
            try container.encode(fields, forKey: .fields)
            try container.encode(coordinateHints, forKey: .coordinateHints)
        }
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
