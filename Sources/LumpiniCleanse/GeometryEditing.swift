import GDAL

/// Helpers the geometry steps share: visiting every point sequence, describing a geometry in a
/// report example, and the transformation of a CRS to WGS 84.
enum GeometryEditing {
    /// Calls `body` on each point, line and ring of `geometry` (recursing into polygons and
    /// collections); edits made through the borrowed parts change `geometry`.
    static func forEachPointSequence(_ geometry: Geometry, _ body: (Geometry) -> Void) {
        switch geometry.type {
        case .point, .lineString:
            body(geometry)
        default:
            if geometry.geometryCount == 0 {
                body(geometry)
                return
            }
            for index in 0..<geometry.geometryCount {
                if let part = geometry.geometry(at: index) { forEachPointSequence(part, body) }
            }
        }
    }

    /// Exchanges x and y of every point.
    static func swapAxes(_ geometry: Geometry) {
        forEachPointSequence(geometry) { part in
            for index in 0..<part.pointCount {
                let point = part.point(at: index)
                part.setPoint(at: index, x: point.y, y: point.x)
            }
        }
    }

    /// WKT for a report (the report clips long ones).
    static func describe(_ geometry: Geometry?) -> String? {
        geometry?.wkt
    }

    /// A transformation from `definition` to WGS 84, or nil when it is WGS 84 already.
    /// - Throws: `LumpiniError` naming the recipe step when the CRS is unknown.
    static func transformationToWGS84(from definition: String, parameters: StepParameters, parameter: String) throws -> CoordinateTransformation? {
        do {
            let source = try SpatialReference(definition: definition)
            let wgs84 = try SpatialReference.wgs84()
            if source.isSame(as: wgs84) { return nil }
            return try CoordinateTransformation(from: source, to: wgs84)
        } catch let error as GDALError {
            throw parameters.error(
                "unknown-crs", "\"\(definition)\" is not a coordinate reference system GDAL knows (\(error.message))",
                parameter: parameter, hint: "write it as EPSG:<code>, for example EPSG:32647 for UTM 47N or EPSG:24047 for Indian 1975 / UTM 47N"
            )
        }
    }
}
