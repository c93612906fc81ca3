import GDAL

/// `make-valid`: invalid geometries (self-intersecting rings, bow-ties, unclosed rings) repaired
/// with GEOS `makeValid`, keeping the polygonal part of polygons; each repair is counted and
/// reported with GEOS's reason. A geometry that cannot be repaired is quarantined (`invalid-geometry`).
package final class MakeValid: CleansingStep {
    package static let name = "make-valid"
    static let summary = "invalid geometries repaired with GEOS makeValid, each repair reported"

    init(parameters: inout StepParameters, layout: inout FieldLayout, context: CleansingContext) throws {}

    func apply(to record: inout Record, changes: ChangeRecorder) throws -> StepVerdict {
        guard let geometry = record.geometry, !geometry.isEmpty, !geometry.isValid else { return .keep }
        let reason = geometry.validityReason
        guard let repaired = try? geometry.makeValid(), let usable = Self.keepingDimension(of: geometry, from: repaired), !usable.isEmpty else {
            return .quarantine(reason: "invalid-geometry", message: "the geometry is invalid (\(reason)) and cannot be repaired", field: "geometry")
        }
        changes.record(field: "geometry", row: record.rowNumber, before: geometry.wkt, after: usable.wkt)
        changes.recordRepair(row: record.rowNumber, action: "made-valid", detail: reason)
        record.geometry = usable
        return .keep
    }

    /// A polygon made valid can come back as a collection holding lines or points where the
    /// polygon collapsed: keep the polygons only (as a MultiPolygon when there are several).
    static func keepingDimension(of original: Geometry, from repaired: Geometry) -> Geometry? {
        guard [.polygon, .multiPolygon].contains(original.type), repaired.type == .geometryCollection else { return repaired }
        var polygons: [Geometry] = []
        for index in 0..<repaired.geometryCount {
            guard let part = repaired.geometry(at: index) else { continue }
            if part.type == .polygon { polygons.append(part) }
            if part.type == .multiPolygon {
                for inner in 0..<part.geometryCount { if let polygon = part.geometry(at: inner) { polygons.append(polygon) } }
            }
        }
        if polygons.count == 1 { return polygons[0].clone() }
        guard let result = try? Geometry(empty: .multiPolygon) else { return nil }
        for polygon in polygons { try? result.add(polygon) }
        return result
    }
}
