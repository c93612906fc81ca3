import Foundation

/// Everything `datasets/<id>/dataset.yaml` says about a dataset: its metadata, where its source
/// files are and how to read them, its schema, its cleansing recipe and its outputs.
///
/// The keys of `dataset.yaml` are exactly these property names (see `docs/dataset-yaml.md`).
/// `metadata` is what catalogues and release manifests carry; `source`, `recipe` and `outputs`
/// say how to build the data, or `derivation` (`derive:`) for a dataset computed from published ones.
public struct DatasetDescription: Sendable, Equatable {
    /// The file that describes a dataset: `datasets/<id>/dataset.yaml`.
    public static let fileName = "dataset.yaml"

    public var metadata: DatasetMetadata
    /// The agency's files; nil for a derived dataset.
    public var source: SourceDescription?
    /// How the dataset is computed from other published datasets; nil for one read from its source.
    public var derivation: Derivation?
    /// The Table Schema's name: `schemas/<schema>.schema.json`.
    public var schema: String?
    public var recipe: [RecipeStep]
    public var outputs: OutputOptions
    public var privacy: PrivacyOptions

    public init(
        metadata: DatasetMetadata, source: SourceDescription?, schema: String?, recipe: [RecipeStep],
        outputs: OutputOptions = OutputOptions(), privacy: PrivacyOptions = PrivacyOptions(), derivation: Derivation? = nil
    ) {
        self.metadata = metadata
        self.source = source
        self.derivation = derivation
        self.schema = schema
        self.recipe = recipe
        self.outputs = outputs
        self.privacy = privacy
    }

    public var id: String { metadata.id }
}

/// Text in Thai and English.
public struct LocalizedText: Codable, Sendable, Equatable, Hashable {
    public var th: String?
    public var en: String?

    public init(th: String? = nil, en: String? = nil) {
        self.th = th
        self.en = en
    }
}

/// Keywords in Thai and English.
public struct LocalizedKeywords: Codable, Sendable, Equatable {
    public var th: [String]
    public var en: [String]

    public init(th: [String] = [], en: [String] = []) {
        self.th = th
        self.en = en
    }

    /// Thai then English keywords, each once: a keyword that is the same in both languages
    /// (`PM2.5`), in another case or with other spaces around it, is listed where it first appears.
    public var all: [String] { Self.distinct(th + en) }

    /// English then Thai keywords, each once, for what is written in English first.
    public var englishFirst: [String] { Self.distinct(en + th) }

    private static func distinct(_ keywords: [String]) -> [String] {
        var seen = Set<String>()
        return keywords.filter { keyword in
            let trimmed = keyword.trimmingWhitespace
            return !trimmed.isEmpty && seen.insert(trimmed.lowercased()).inserted
        }
    }
}

/// The metadata of a dataset: what catalogues show and manifests record.
public struct DatasetMetadata: Codable, Sendable, Equatable {
    /// A slug: lowercase ASCII letters, digits and `-` (it names folders and URLs).
    public var id: String
    public var title: LocalizedText
    public var description: LocalizedText
    /// The publishing agency's code in `schemas/vocabularies/agencies.yaml`, for example `ENV`.
    public var publisher: String
    public var contact: Contact
    /// A theme code in `schemas/vocabularies/themes.yaml`, for example `environment`.
    public var theme: String
    public var keywords: LocalizedKeywords
    /// A licence code in `schemas/vocabularies/licenses.yaml`, for example `CC-BY-4.0`.
    public var license: String
    public var classification: Classification
    public var highValue: HighValue
    public var updateFrequency: UpdateFrequency
    public var spatial: SpatialCoverage
    public var temporal: TemporalCoverage?
    public var governance: Governance
    public var indicators: IndicatorLinks
    /// Thai Government Data Catalog fields that have no home elsewhere (`data_type`, `objective`, …),
    /// by their GD Catalog names.
    public var gdCatalog: [String: String]

    public init(
        id: String, title: LocalizedText, description: LocalizedText, publisher: String, contact: Contact,
        theme: String, keywords: LocalizedKeywords, license: String, classification: Classification,
        highValue: HighValue, updateFrequency: UpdateFrequency, spatial: SpatialCoverage,
        temporal: TemporalCoverage?, governance: Governance, indicators: IndicatorLinks, gdCatalog: [String: String] = [:]
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.publisher = publisher
        self.contact = contact
        self.theme = theme
        self.keywords = keywords
        self.license = license
        self.classification = classification
        self.highValue = highValue
        self.updateFrequency = updateFrequency
        self.spatial = spatial
        self.temporal = temporal
        self.governance = governance
        self.indicators = indicators
        self.gdCatalog = gdCatalog
    }
}

public struct Contact: Codable, Sendable, Equatable {
    public var name: String
    public var email: String
    public var phone: String?

    public init(name: String, email: String, phone: String? = nil) {
        self.name = name
        self.email = email
        self.phone = phone
    }
}

/// The data-governance classification (Thai government data governance framework).
public enum Classification: String, Codable, Sendable, CaseIterable {
    /// ข้อมูลสาธารณะ: may be published as open data.
    case `public`
    /// ข้อมูลใช้ภายใน
    case `internal`
    /// ข้อมูลลับ
    case confidential
    /// ข้อมูลลับมาก / ลับที่สุด
    case secret
}

public struct HighValue: Codable, Sendable, Equatable {
    public var flag: Bool
    /// A category of the EU high-value-dataset list: `geospatial`, `earth-observation-and-environment`,
    /// `meteorological`, `statistics`, `companies`, `mobility`.
    public var category: String?

    public init(flag: Bool, category: String? = nil) {
        self.flag = flag
        self.category = category
    }
}

public enum UpdateFrequency: String, Codable, Sendable, CaseIterable {
    case realtime, hourly, daily, weekly, monthly, quarterly
    case semiannual, annual, irregular, never

    /// How long after a release the dataset counts as stale; nil when it never goes stale.
    public var interval: TimeInterval? {
        let day = 86_400.0
        switch self {
        case .realtime, .hourly: return day / 24
        case .daily: return day
        case .weekly: return 7 * day
        case .monthly: return 31 * day
        case .quarterly: return 92 * day
        case .semiannual: return 183 * day
        case .annual: return 366 * day
        case .irregular, .never: return nil
        }
    }
}

/// Where the data is: Bangkok by default, or a declared bounding box or polygon file.
public struct SpatialCoverage: Codable, Sendable, Equatable {
    /// A place name for catalogues, for example "Bangkok".
    public var name: String
    /// `[minLon, minLat, maxLon, maxLat]` in WGS 84. Points outside are quarantined.
    public var bbox: [Double]
    /// A polygon file (relative to the dataset folder) that tightens `bbox`.
    public var polygonFile: String?

    public static let bangkokBBox = [100.33, 13.49, 100.94, 13.96]

    public init(name: String = "Bangkok", bbox: [Double] = SpatialCoverage.bangkokBBox, polygonFile: String? = nil) {
        self.name = name
        self.bbox = bbox
        self.polygonFile = polygonFile
    }
}

/// The period the data covers, as ISO 8601 dates.
public struct TemporalCoverage: Codable, Sendable, Equatable {
    public var start: String?
    public var end: String?

    public init(start: String? = nil, end: String? = nil) {
        self.start = start
        self.end = end
    }
}

/// The data-governance committee's decision on publishing.
public struct Governance: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable, CaseIterable {
        case draft, pending, approved, rejected
    }

    public var status: Status
    public var approvedBy: String?
    /// ISO 8601 date of the decision.
    public var approvedOn: String?

    public init(status: Status, approvedBy: String? = nil, approvedOn: String? = nil) {
        self.status = status
        self.approvedBy = approvedBy
        self.approvedOn = approvedOn
    }

    /// Approved, with who and when recorded.
    public var isApproved: Bool {
        status == .approved && !(approvedBy ?? "").isEmpty && !(approvedOn ?? "").isEmpty
    }
}

/// Links to the city's livability indicators and the SDG targets the data serves.
public struct IndicatorLinks: Codable, Sendable, Equatable {
    /// Livability indicator codes, for example `ENV-PM25`.
    public var livability: [String]
    /// SDG targets or indicators, for example `11.6.2`.
    public var sdg: [String]

    public init(livability: [String] = [], sdg: [String] = []) {
        self.livability = livability
        self.sdg = sdg
    }
}

/// Where the source files are and how to read them.
public struct SourceDescription: Codable, Sendable, Equatable {
    /// Paths relative to the dataset folder (`source/…`); several files are read one after another.
    public var paths: [String]
    /// The layer (GIS formats) or sheet (spreadsheets) to read; the first when nil.
    public var layer: String?
    /// The text encoding: `UTF-8`, `TIS-620`, `CP874`, `UTF-16`…; detected when nil.
    public var encoding: String?
    /// The CRS of the coordinates, for example `EPSG:32647`; the file's own when nil.
    public var crs: String?
    /// Columns holding point coordinates, when the source is a table.
    public var coordinates: CoordinateColumns?
    /// A column holding WKT geometry.
    public var wktColumn: String?
    /// The row holding the header (1-based) in spreadsheets and CSVs with title rows above it.
    public var headerRow: Int?
    /// How many rows the header takes (from `headerRow`), when a spreadsheet's header spans rows with
    /// merged cells: each column's name joins its cells, a merged cell counting for every column it spans.
    public var headerRows: Int?
    /// The CSV delimiter when it is not a comma.
    public var delimiter: String?

    public init(
        paths: [String], layer: String? = nil, encoding: String? = nil, crs: String? = nil,
        coordinates: CoordinateColumns? = nil, wktColumn: String? = nil, headerRow: Int? = nil, delimiter: String? = nil,
        headerRows: Int? = nil
    ) {
        self.paths = paths
        self.layer = layer
        self.encoding = encoding
        self.crs = crs
        self.coordinates = coordinates
        self.wktColumn = wktColumn
        self.headerRow = headerRow
        self.headerRows = headerRows
        self.delimiter = delimiter
    }
}

public struct CoordinateColumns: Codable, Sendable, Equatable {
    /// The column of x (longitude or easting).
    public var x: String
    /// The column of y (latitude or northing).
    public var y: String

    public init(x: String, y: String) {
        self.x = x
        self.y = y
    }
}

/// What to publish besides GeoJSON and CSV.
public struct OutputOptions: Codable, Sendable, Equatable {
    public enum Format: String, Codable, Sendable, CaseIterable {
        case geojson, csv, gpkg, fgb, shapefile, kml
    }

    public var formats: [Format]
    /// Write a UTF-8 BOM at the start of the CSV, for readers who open it in Excel.
    public var csvBOM: Bool
    /// Decimals kept in published coordinates.
    public var precision: Int
    /// Whether the CSV carries the geometry (`longitude`, `latitude` or `wkt`); a derived table of
    /// districts leaves the polygons to the GeoJSON.
    public var csvGeometry: Bool

    public init(formats: [Format] = [.geojson, .csv], csvBOM: Bool = false, precision: Int = 6, csvGeometry: Bool = true) {
        self.formats = formats
        self.csvBOM = csvBOM
        self.precision = precision
        self.csvGeometry = csvGeometry
    }
}

/// Columns allowed to hold what the privacy gate would otherwise block.
public struct PrivacyOptions: Codable, Sendable, Equatable {
    /// Column name → kinds allowed there (`email`, `phone`, `national-id`, `person-name`).
    public var allow: [String: [String]]

    public init(allow: [String: [String]] = [:]) {
        self.allow = allow
    }
}

/// One step of a cleansing recipe: its name and parameters as written in `dataset.yaml`.
public struct RecipeStep: Sendable, Equatable {
    /// The step's name, for example `thai-digits`, `buddhist-era-dates`, `match-districts`.
    public var name: String
    /// The step's parameters, by key.
    public var parameters: [String: RecipeValue]
    /// The line of `dataset.yaml` where the step starts, for messages.
    public var line: Int?
    /// The line of each parameter, for messages about one of them.
    public var parameterLines: [String: Int]

    public init(name: String, parameters: [String: RecipeValue] = [:], line: Int? = nil, parameterLines: [String: Int] = [:]) {
        self.name = name
        self.parameters = parameters
        self.line = line
        self.parameterLines = parameterLines
    }
}

/// A parameter value of a recipe step.
public indirect enum RecipeValue: Sendable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case list([RecipeValue])
    case map([String: RecipeValue])
    case null
}
