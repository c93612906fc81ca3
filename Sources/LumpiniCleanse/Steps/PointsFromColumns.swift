import GDAL

/// `points-from-columns`: a point from the x and y (or lon and lat) columns of a table, in the
/// declared CRS, reprojected to WGS 84. When the point falls outside the dataset's area but the
/// swapped one falls inside, the agency swapped the columns: the point is swapped back and the
/// repair reported.
///
/// Parameters: `x`, `y` (default: `source.coordinates`); `crs` (default: `source.crs`, else
/// EPSG:4326); `fixSwapped` (default true). A record without coordinates is quarantined
/// (`missing-coordinates`), one with coordinates that are not numbers too (`invalid-coordinates`).
package final class PointsFromColumns: CleansingStep {
    package static let name = "points-from-columns"
    static let summary = "points from x/y or lon/lat columns in a declared CRS, reprojected to WGS 84; swapped lat/lon fixed"

    private let x: (index: Int, name: String)
    private let y: (index: Int, name: String)
    private let transformation: CoordinateTransformation?
    private let fixSwapped: Bool
    private let area: DatasetArea
    private let numbers = AgencyNumber(thousandsSeparator: nil, decimalSeparator: ".", units: [], percent: false)

    init(parameters: inout StepParameters, layout: inout FieldLayout, context: CleansingContext) throws {
        guard let xName = try parameters.string("x") ?? context.coordinateColumns?.x,
              let yName = try parameters.string("y") ?? context.coordinateColumns?.y else {
            throw parameters.error("recipe-missing-parameter", "name the coordinate columns: x and y here, or source.coordinates")
        }
        x = (try parameters.field(xName, in: layout, parameter: "x"), xName)
        y = (try parameters.field(yName, in: layout, parameter: "y"), yName)
        let crs = try parameters.string("crs") ?? context.sourceCRS ?? "EPSG:4326"
        transformation = try GeometryEditing.transformationToWGS84(from: crs, parameters: parameters, parameter: "crs")
        fixSwapped = try parameters.bool("fixSwapped") ?? true
        area = context.area
    }

    func apply(to record: inout Record, changes: ChangeRecorder) throws -> StepVerdict {
        let xText = record.value(at: x.index) ?? "", yText = record.value(at: y.index) ?? ""
        guard let xValue = coordinate(xText), let yValue = coordinate(yText) else {
            if xText.trimmingWhitespace.isEmpty || yText.trimmingWhitespace.isEmpty {
                return .quarantine(reason: "missing-coordinates", message: "no coordinates in \(x.name) and \(y.name)", field: x.name)
            }
            return .quarantine(
                reason: "invalid-coordinates", message: "the coordinates (\(xText), \(yText)) are not numbers", field: x.name
            )
        }
        guard var point = wgs84(xValue, yValue) else {
            return .quarantine(
                reason: "invalid-coordinates", message: "the coordinates (\(xText), \(yText)) cannot be transformed to WGS 84", field: x.name
            )
        }
        if fixSwapped, !area.contains(x: point.x, y: point.y), let swapped = wgs84(yValue, xValue), area.contains(x: swapped.x, y: swapped.y) {
            changes.record(field: "geometry", row: record.rowNumber, before: "POINT (\(xText) \(yText))", after: "POINT (\(yText) \(xText))")
            changes.recordRepair(row: record.rowNumber, action: "swapped-coordinates", detail: "\(x.name) and \(y.name) were swapped: (\(xText), \(yText)) falls outside the area, (\(yText), \(xText)) inside")
            point = swapped
        }
        record.geometry = try Geometry(x: point.x, y: point.y)
        return .keep
    }

    /// A coordinate's number. A plain decimal is read at once: `numbers` would give its text back as
    /// it is (`AgencyNumber`'s plain form holds every `PlainDecimal`), for `Double(_:)` to read again.
    private func coordinate(_ text: String) -> Double? {
        PlainDecimal.value(text) ?? numbers.parse(text).flatMap(Double.init)
    }

    private func wgs84(_ x: Double, _ y: Double) -> (x: Double, y: Double)? {
        guard let transformation else { return (x, y) }
        guard let result = try? transformation.transform(x: x, y: y), result.x.isFinite, result.y.isFinite else { return nil }
        return result
    }
}
