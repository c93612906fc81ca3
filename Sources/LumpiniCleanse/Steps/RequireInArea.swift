import GDAL

/// `require-in-area`: geometries entirely outside the dataset's area (`spatial.bbox`, tightened by
/// `spatial.polygonFile`; Bangkok by default) are quarantined as `outside-area`.
package final class RequireInArea: CleansingStep {
    package static let name = "require-in-area"
    static let summary = "geometries outside the dataset's area are set aside (reason outside-area)"

    private let area: DatasetArea

    init(parameters: inout StepParameters, layout: inout FieldLayout, context: CleansingContext) throws {
        area = context.area
    }

    func apply(to record: inout Record, changes: ChangeRecorder) throws -> StepVerdict {
        guard let geometry = record.geometry, !geometry.isEmpty, !area.intersects(geometry) else { return .keep }
        let where_: String
        if geometry.type == .point {
            let point = geometry.point(at: 0)
            where_ = "the point (\(point.x), \(point.y))"
        } else {
            let box = geometry.envelope
            where_ = "the geometry (\(box.minX), \(box.minY))–(\(box.maxX), \(box.maxY))"
        }
        return .quarantine(reason: "outside-area", message: "\(where_) lies outside the dataset's area", field: "geometry")
    }
}
