import GDAL

/// `reproject`: geometries from the source's CRS to WGS 84 (EPSG:4326, lon/lat).
/// Parameters: `from` (default: `source.crs`, else the file's own CRS). A geometry PROJ cannot
/// transform is quarantined (`invalid-coordinates`). Every geometry moved counts as a change of `geometry`.
package final class Reproject: CleansingStep {
    package static let name = "reproject"
    static let summary = "geometries from the source CRS (source.crs or the file's) to WGS 84"

    private let transformation: CoordinateTransformation?

    init(parameters: inout StepParameters, layout: inout FieldLayout, context: CleansingContext) throws {
        guard let crs = try parameters.string("from") ?? context.sourceCRS else {
            throw parameters.error(
                "unknown-crs", "the source declares no CRS and the file has none",
                hint: "set source.crs (EPSG:32647 for UTM 47N, EPSG:24047 for Indian 1975) or from: here"
            )
        }
        transformation = try GeometryEditing.transformationToWGS84(from: crs, parameters: parameters, parameter: "from")
    }

    func apply(to record: inout Record, changes: ChangeRecorder) throws -> StepVerdict {
        guard let transformation, let geometry = record.geometry else { return .keep }
        let before = changes.wantsExample(field: "geometry") ? geometry.wkt : nil
        do {
            try geometry.transform(transformation)
        } catch is GDALError {
            return .quarantine(reason: "invalid-coordinates", message: "the geometry cannot be transformed to WGS 84", field: "geometry")
        }
        // Every transformed geometry counts as changed, so the report says how many rows moved.
        changes.record(field: "geometry", row: record.rowNumber, before: before ?? "", after: before == nil ? "" : geometry.wkt)
        return .keep
    }
}
