import GDAL

/// The geometry rules a schema declares under `"lumpini:geometry"` (a key other tools ignore).
///
/// ```json
/// "lumpini:geometry": {
///   "types": ["Point", "MultiPoint"], "required": true, "valid": true, "nonEmpty": true,
///   "within": [100.33, 13.49, 100.94, 13.96], "crs": "EPSG:4326", "precision": 6
/// }
/// ```
public struct GeometryRules: Sendable, Equatable {
    /// The geometry types allowed; nil allows any.
    public var types: [GeometryType]?
    /// Every row must have a geometry.
    public var required: Bool
    /// Geometries must be valid as GEOS judges them (OGC simple features).
    public var valid: Bool
    /// Geometries must not be empty.
    public var nonEmpty: Bool
    /// `[minX, minY, maxX, maxY]` that every geometry must lie within (in the CRS of the data).
    /// `"within": "dataset"` in the schema takes the dataset's declared spatial coverage.
    public var within: [Double]?
    /// Whether `within` is the dataset's spatial coverage, filled in when the dataset is known.
    public var withinDatasetArea: Bool
    /// The CRS the data must be in, for example `EPSG:4326`.
    public var crs: String?
    /// The most decimals a coordinate may carry.
    public var precision: Int?

    public init(
        types: [GeometryType]? = nil, required: Bool = false, valid: Bool = true, nonEmpty: Bool = true,
        within: [Double]? = nil, withinDatasetArea: Bool = false, crs: String? = nil, precision: Int? = nil
    ) {
        self.types = types
        self.required = required
        self.valid = valid
        self.nonEmpty = nonEmpty
        self.within = within
        self.withinDatasetArea = withinDatasetArea
        self.crs = crs
        self.precision = precision
    }
}
