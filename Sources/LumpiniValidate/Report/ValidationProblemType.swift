/// The kinds of problem validation reports, with the stable names of the Frictionless standard
/// and Lumpini's own for geometry and GeoJSON.
public enum ValidationProblemType: String, Sendable, CaseIterable, Codable {
    // Labels (the header row)
    case blankLabel = "blank-label"
    case duplicateLabel = "duplicate-label"
    case incorrectLabel = "incorrect-label"
    case missingLabel = "missing-label"
    case extraLabel = "extra-label"
    // Rows and cells
    case blankRow = "blank-row"
    case extraCell = "extra-cell"
    case missingCell = "missing-cell"
    case typeError = "type-error"
    case constraintError = "constraint-error"
    case uniqueError = "unique-error"
    case primaryKey = "primary-key"
    case foreignKey = "foreign-key"
    // The file
    case encodingError = "encoding-error"
    case sourceError = "source-error"
    // Geometry rules ("lumpini:geometry")
    case geometryMissing = "geometry-missing"
    case geometryTypeError = "geometry-type-error"
    case geometryInvalid = "geometry-invalid"
    case geometryEmpty = "geometry-empty"
    case geometryOutsideArea = "geometry-outside-area"
    case geometryCRS = "geometry-crs-error"
    case geometryPrecision = "geometry-precision"
    // A data package's resource whose size or checksum is not the one the package gives
    case byteCount = "byte-count"
    case hashCount = "hash-count"
    // GeoJSON files (RFC 7946)
    case geojsonError = "geojson-error"
    case geojsonRightHandRule = "geojson-right-hand-rule"
    case geojsonWarning = "geojson-warning"
    // Datasets: a row the cleansing recipe set aside (a warning)
    case quarantinedRow = "quarantined-row"
    // A column with cells a spreadsheet would run as formulas (a warning)
    case formulaLikeCell = "formula-like-cell"

    /// A short title, as the reference tool gives one per type.
    public var title: String {
        switch self {
        case .blankLabel: return "Blank Label"
        case .duplicateLabel: return "Duplicate Label"
        case .incorrectLabel: return "Incorrect Label"
        case .missingLabel: return "Missing Label"
        case .extraLabel: return "Extra Label"
        case .blankRow: return "Blank Row"
        case .extraCell: return "Extra Cell"
        case .missingCell: return "Missing Cell"
        case .typeError: return "Type Error"
        case .constraintError: return "Constraint Error"
        case .uniqueError: return "Unique Error"
        case .primaryKey: return "PrimaryKey Error"
        case .foreignKey: return "ForeignKey Error"
        case .encodingError: return "Encoding Error"
        case .sourceError: return "Source Error"
        case .geometryMissing: return "Geometry Missing"
        case .geometryTypeError: return "Geometry Type Error"
        case .geometryInvalid: return "Invalid Geometry"
        case .geometryEmpty: return "Empty Geometry"
        case .geometryOutsideArea: return "Geometry Outside Area"
        case .geometryCRS: return "Geometry CRS Error"
        case .geometryPrecision: return "Geometry Precision"
        case .byteCount: return "Byte Count Error"
        case .hashCount: return "Hash Count Error"
        case .geojsonError: return "GeoJSON Error"
        case .geojsonRightHandRule: return "GeoJSON Winding Order"
        case .geojsonWarning: return "GeoJSON Warning"
        case .quarantinedRow: return "Quarantined Row"
        case .formulaLikeCell: return "Formula-like Cell"
        }
    }

    /// Errors about the header row, which carry `rowNumbers` instead of `rowNumber`.
    var isLabelError: Bool {
        [.blankLabel, .duplicateLabel, .incorrectLabel, .missingLabel, .extraLabel].contains(self)
    }
}
