import Foundation
import GDAL

/// `round-coordinates`: coordinates rounded to `precision` decimals (default `outputs.precision`,
/// 6 ≈ 0.1 m); a geometry counts as changed when any coordinate moved by more than 1e-9
/// (smaller moves are the floating-point noise of a reprojection, invisible in any output).
package final class RoundCoordinates: CleansingStep {
    package static let name = "round-coordinates"
    static let summary = "coordinates rounded to a declared number of decimals"

    private let scale: Double
    static let noise = 1e-9

    init(parameters: inout StepParameters, layout: inout FieldLayout, context: CleansingContext) throws {
        let precision = try parameters.int("precision") ?? context.precision
        guard (0...15).contains(precision) else {
            throw parameters.error("recipe-invalid-value", "precision is 0 to 15 decimals", parameter: "precision")
        }
        scale = pow(10, Double(precision))
    }

    func apply(to record: inout Record, changes: ChangeRecorder) throws -> StepVerdict {
        guard let geometry = record.geometry, !geometry.isEmpty else { return .keep }
        var before: String?
        var changed = false
        GeometryEditing.forEachPointSequence(geometry) { part in
            for index in 0..<part.pointCount {
                let point = part.point(at: index)
                let x = (point.x * scale).rounded() / scale
                let y = (point.y * scale).rounded() / scale
                guard x != point.x || y != point.y else { continue }
                if !changed, abs(x - point.x) > Self.noise || abs(y - point.y) > Self.noise {
                    if changes.wantsExample(field: "geometry") { before = geometry.wkt }
                    changed = true
                }
                part.setPoint(at: index, x: x, y: y)
            }
        }
        if changed {
            changes.record(field: "geometry", row: record.rowNumber, before: before ?? "", after: before == nil ? "" : geometry.wkt)
        }
        return .keep
    }
}
