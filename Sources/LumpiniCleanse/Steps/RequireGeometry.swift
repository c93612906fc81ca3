import GDAL

/// `require-geometry`: records without a geometry (`missing-geometry`), with an empty one
/// (`empty-geometry`) or, when `types` is given, of another type (`wrong-geometry-type`) are
/// quarantined. Parameters: `types` (e.g. [Point] or [Polygon, MultiPolygon]).
package final class RequireGeometry: CleansingStep {
    package static let name = "require-geometry"
    static let summary = "records with no, an empty, or (with types) another kind of geometry are set aside"

    private let types: Set<GeometryType>?

    init(parameters: inout StepParameters, layout: inout FieldLayout, context: CleansingContext) throws {
        if let names = try parameters.strings("types") {
            types = Set(try names.map { name in
                guard let type = GeometryType(rawValue: name), ![.unknown, .none, .other].contains(type) else {
                    throw parameters.error(
                        "recipe-invalid-value", "\"\(name)\" is not a geometry type", parameter: "types",
                        hint: "use Point, LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon or GeometryCollection"
                    )
                }
                return type
            })
        } else {
            types = nil
        }
    }

    func apply(to record: inout Record, changes: ChangeRecorder) throws -> StepVerdict {
        guard let geometry = record.geometry else {
            return .quarantine(reason: "missing-geometry", message: "the record has no geometry", field: "geometry")
        }
        if geometry.isEmpty {
            return .quarantine(reason: "empty-geometry", message: "the geometry is empty (\(geometry.typeName))", field: "geometry")
        }
        if let types, !types.contains(geometry.type) {
            let allowed = types.map(\.rawValue).sorted().joined(separator: ", ")
            return .quarantine(reason: "wrong-geometry-type", message: "a \(geometry.type.rawValue) where \(allowed) is expected", field: "geometry")
        }
        return .keep
    }
}
