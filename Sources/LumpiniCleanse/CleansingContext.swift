import GDAL

/// What steps may need besides their parameters: the dataset, its vocabularies, its area and the
/// CRS of its source. Built once per run; not `Sendable` (the area holds a GDAL geometry).
public final class CleansingContext {
    public let datasetID: String
    /// The file named in messages about the recipe, usually `datasets/<id>/dataset.yaml`.
    public let descriptionFile: String
    public let districts: DistrictVocabulary?
    public let area: DatasetArea
    /// The CRS of the source's coordinates: `source.crs`, else the file's own; nil when unknown.
    public let sourceCRS: String?
    /// Decimals kept in coordinates when a step does not say (`outputs.precision`).
    public let precision: Int
    /// The source's coordinate columns, the default of `points-from-columns`.
    public let coordinateColumns: CoordinateColumns?
    /// The source's WKT column, the default of `geometry-from-wkt`.
    public let wktColumn: String?

    public init(
        datasetID: String, descriptionFile: String, districts: DistrictVocabulary?, area: DatasetArea = .bangkok(),
        sourceCRS: String? = nil, precision: Int = 6, coordinateColumns: CoordinateColumns? = nil, wktColumn: String? = nil
    ) {
        self.datasetID = datasetID
        self.descriptionFile = descriptionFile
        self.districts = districts
        self.area = area
        self.sourceCRS = sourceCRS
        self.precision = precision
        self.coordinateColumns = coordinateColumns
        self.wktColumn = wktColumn
    }
}
