import GDAL

/// The unit that flows through the pipeline: one input row's values by field position, as text,
/// plus an optional geometry.
///
/// Values stay text (nil for null) until the schema gives them a type, as the Frictionless
/// Table Schema does with physical and logical values. Not `Sendable`: its geometry is a GDAL
/// handle and belongs to the task reading the dataset.
public struct Record {
    /// The row number in the source as a data officer sees it (for a CSV, the header is row 1).
    public var rowNumber: Int
    public var values: [String?]
    public var geometry: Geometry?

    public init(rowNumber: Int, values: [String?], geometry: Geometry? = nil) {
        self.rowNumber = rowNumber
        self.values = values
        self.geometry = geometry
    }
}
