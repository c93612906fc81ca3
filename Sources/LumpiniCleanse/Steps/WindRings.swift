import GDAL

/// `wind-rings`: polygon rings wound as RFC 7946 requires: exterior rings counter-clockwise,
/// holes clockwise. A polygon counts as changed when any of its rings was reversed.
package final class WindRings: CleansingStep {
    package static let name = "wind-rings"
    static let summary = "polygon rings wound as RFC 7946 requires (exterior counter-clockwise, holes clockwise)"

    init(parameters: inout StepParameters, layout: inout FieldLayout, context: CleansingContext) throws {}

    func apply(to record: inout Record, changes: ChangeRecorder) throws -> StepVerdict {
        guard let geometry = record.geometry else { return .keep }
        let before = changes.wantsExample(field: "geometry") ? geometry.wkt : nil
        if Self.wind(geometry) {
            changes.record(field: "geometry", row: record.rowNumber, before: before ?? "", after: before == nil ? "" : geometry.wkt)
        }
        return .keep
    }

    /// Rewinds the rings of every polygon in `geometry`; whether any ring was reversed.
    static func wind(_ geometry: Geometry) -> Bool {
        switch geometry.type {
        case .polygon:
            var changed = false
            for index in 0..<geometry.geometryCount {
                guard let ring = geometry.geometry(at: index), ring.pointCount >= 4 else { continue }
                let exterior = index == 0
                if ring.isClockwise == exterior {
                    ring.reversePoints()
                    changed = true
                }
            }
            return changed
        case .multiPolygon, .geometryCollection:
            var changed = false
            for index in 0..<geometry.geometryCount {
                if let part = geometry.geometry(at: index), wind(part) { changed = true }
            }
            return changed
        default:
            return false
        }
    }
}
