import GDAL

/// `geometry-from-wkt`: the geometry from a column of WKT, in the declared CRS, reprojected to
/// WGS 84. Text that is not WKT is quarantined (`invalid-geometry`); an empty cell gives no geometry.
/// Parameters: `field` (default: `source.wktColumn`); `crs` (default: `source.crs`, else EPSG:4326).
final class GeometryFromWKT: CleansingStep {
    static let name = "geometry-from-wkt"
    static let summary = "geometry from a WKT column in a declared CRS, reprojected to WGS 84"

    private let field: (index: Int, name: String)
    private let transformation: CoordinateTransformation?

    init(parameters: inout StepParameters, layout: inout FieldLayout, context: CleansingContext) throws {
        guard let name = try parameters.string("field") ?? context.wktColumn else {
            throw parameters.error("recipe-missing-parameter", "name the WKT column: field here, or source.wktColumn")
        }
        field = (try parameters.field(name, in: layout, parameter: "field"), name)
        let crs = try parameters.string("crs") ?? context.sourceCRS ?? "EPSG:4326"
        transformation = try GeometryEditing.transformationToWGS84(from: crs, parameters: parameters, parameter: "crs")
    }

    func apply(to record: inout Record, changes: ChangeRecorder) throws -> StepVerdict {
        guard let text = record.value(at: field.index)?.trimmingWhitespace, !text.isEmpty else {
            record.geometry = nil
            return .keep
        }
        do {
            let geometry = try Geometry(wkt: text)
            if let transformation { try geometry.transform(transformation) }
            record.geometry = geometry
            return .keep
        } catch is GDALError {
            return .quarantine(reason: "invalid-geometry", message: "\(field.name) is not WKT a geometry can be read from: \(text.prefix(60))", field: field.name)
        }
    }
}
