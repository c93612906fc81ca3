import GDAL

/// `fix-swapped-coordinates`: a WGS 84 geometry outside the dataset's area whose swapped
/// coordinates (lat as lon) fall inside is swapped back, and the repair reported.
package final class FixSwappedCoordinates: CleansingStep {
    package static let name = "fix-swapped-coordinates"
    static let summary = "geometries with lat/lon swapped are swapped back when the swapped one falls inside the area"

    private let area: DatasetArea

    init(parameters: inout StepParameters, layout: inout FieldLayout, context: CleansingContext) throws {
        area = context.area
    }

    func apply(to record: inout Record, changes: ChangeRecorder) throws -> StepVerdict {
        guard let geometry = record.geometry, !geometry.isEmpty, !area.intersects(geometry) else { return .keep }
        let swapped = geometry.clone()
        GeometryEditing.swapAxes(swapped)
        guard area.intersects(swapped) else { return .keep }
        changes.record(field: "geometry", row: record.rowNumber, before: geometry.wkt, after: swapped.wkt)
        changes.recordRepair(row: record.rowNumber, action: "swapped-coordinates", detail: "latitude and longitude were swapped")
        record.geometry = swapped
        return .keep
    }
}
