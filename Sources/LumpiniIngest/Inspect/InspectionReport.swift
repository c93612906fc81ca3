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
        /// Where the header is, for tables (CSV, spreadsheets); null for other layers.
        public var header: HeaderReport?
        /// Rows that repeat an earlier row exactly (values and geometry), and the first few of them.
        public var duplicateRows: Int
        public var duplicateExamples: [String]
        /// Rows that read as a spreadsheet's total line (`TotalRow`).
        public var totalRows: [TotalRowReport]
        /// Rows with no value and no geometry.
        public var blankRows: Int

        /// Extents and headers that are unknown are written as `null`, never left out.
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
            try container.encode(header, forKey: .header)
            try container.encode(duplicateRows, forKey: .duplicateRows)
            try container.encode(duplicateExamples, forKey: .duplicateExamples)
            try container.encode(totalRows, forKey: .totalRows)
            try container.encode(blankRows, forKey: .blankRows)
        }
    }

    public struct HeaderReport: Codable, Sendable, Equatable {
        /// The first header row, 1-based, and how many rows the header takes (`source.headerRow`, `source.headerRows`).
        public var row: Int
        public var rows: Int
        /// Why, in words: which rows hold titles, which merged cells widen the header.
        public var reason: String
    }

    public struct TotalRowReport: Codable, Sendable {
        public var row: Int
        public var label: String
    }

    public struct FieldReport: Codable, Sendable {
        public var name: String
        public var gdalType: String
        /// What the values read as once cleansed: `number`, `date`, `boolean` or `text` (`ValueShape`).
        public var shape: String
        /// The Table Schema type inferred from the values the suggested recipe gives (`lumpini new`'s
        /// schema); null when no type was inferred or the recipe drops the field.
        public var inferredType: String?
        /// Null, unset or empty-text values.
        public var nullCount: Int
        public var distinctCount: Int
        /// True when `distinctCount` stopped counting at the cap.
        public var distinctCapped: Bool
        public var samples: [String]
        public var notes: [String]

        /// An unknown type is written as `null`, never left out.
        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(gdalType, forKey: .gdalType)
            try container.encode(shape, forKey: .shape)
            try container.encode(inferredType, forKey: .inferredType)
            try container.encode(nullCount, forKey: .nullCount)
            try container.encode(distinctCount, forKey: .distinctCount)
            try container.encode(distinctCapped, forKey: .distinctCapped)
            try container.encode(samples, forKey: .samples)
            try container.encode(notes, forKey: .notes)
        }
    }

    public struct CoordinateHint: Codable, Sendable {
        /// How the two columns hold the coordinates; written in `inspect --json` by its raw value.
        public enum Kind: String, Codable, Sendable {
            case lonLat = "lon-lat"
            /// Degrees, with the names saying the other way round.
            case latLonSwapped = "lat-lon-swapped"
            case utm47N = "utm-47n"
        }

        public var kind: Kind
        public var x: String
        public var y: String
        /// The CRS the values are in: `EPSG:4326` for degrees, `EPSG:32647` for UTM 47N metres.
        public var crs: String
        /// Of the first rows holding two numbers: how many, how many read as the kind says, with the
        /// two swapped, and neither (outside Thailand, at (0, 0)…).
        public var rows: Int
        public var rowsAsFound: Int
        public var rowsSwapped: Int
        public var rowsElsewhere: Int
        public var message: String
    }
}
