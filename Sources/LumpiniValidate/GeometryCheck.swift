import GDAL

/// Checks geometries against a schema's `"lumpini:geometry"` rules: presence, type, emptiness,
/// GEOS validity (with its reason), the area, the CRS and coordinate precision.
struct GeometryCheck {
    let rules: GeometryRules
    private let area: [Double]?
    private let scale: Double?

    /// - Parameter area: the dataset's area, used when the rules say `"within": "dataset"`.
    init(rules: GeometryRules, area: [Double]?) {
        self.rules = rules
        self.area = rules.within ?? (rules.withinDatasetArea ? area : nil)
        scale = rules.precision.map { pow10($0) }
    }

    /// The problems of one row's geometry (`crs` is the CRS the data is in, when known).
    func check(_ geometry: Geometry?, crs: SpatialReference?, row: Int) -> [ValidationProblem] {
        guard let geometry else {
            return rules.required
                ? [ValidationProblem(.geometryMissing, message: "row \(row) has no geometry but the schema requires one — add its location", rowNumber: row)]
                : []
        }
        var errors: [ValidationProblem] = []
        if let types = rules.types, !types.contains(geometry.type) {
            errors.append(ValidationProblem(
                .geometryTypeError, message: "row \(row): the geometry is a \(geometry.type.rawValue) but the schema allows \(types.map(\.rawValue).joined(separator: ", "))",
                note: "type is \"\(geometry.type.rawValue)\"", rowNumber: row))
        }
        if geometry.isEmpty {
            if rules.nonEmpty {
                errors.append(ValidationProblem(.geometryEmpty, message: "row \(row): the geometry is empty — give it coordinates or remove the row", rowNumber: row))
            }
            return errors
        }
        if rules.valid, !geometry.isValid {
            let reason = geometry.validityReason
            errors.append(ValidationProblem(
                .geometryInvalid, message: "row \(row): the geometry is not valid: \(reason) — repair it (for example with a make-valid cleansing step)",
                note: reason, rowNumber: row))
        }
        if let expected = rules.crs, let crs, let wanted = try? SpatialReference(definition: expected), !crs.isSame(as: wanted) {
            errors.append(ValidationProblem(
                .geometryCRS, message: "row \(row): the data is in \(crs.name ?? "another CRS") but the schema requires \(expected) — reproject it",
                note: "crs is \"\(expected)\"", rowNumber: row))
        }
        if let area {
            let box = geometry.envelope
            if box.minX < area[0] || box.minY < area[1] || box.maxX > area[2] || box.maxY > area[3] {
                errors.append(ValidationProblem(
                    .geometryOutsideArea, message: "row \(row): the geometry reaches outside the area \(area.map { String($0) }.joined(separator: ", ")) — check its coordinates (swapped x and y, or another CRS?)",
                    note: "within \(area)", rowNumber: row))
            }
        }
        if let scale, let precision = rules.precision, !hasPrecision(geometry, scale: scale) {
            errors.append(ValidationProblem(
                .geometryPrecision, message: "row \(row): coordinates carry more than \(precision) decimals — round them",
                note: "precision is \"\(precision)\"", rowNumber: row))
        }
        return errors
    }

    private func hasPrecision(_ geometry: Geometry, scale: Double) -> Bool {
        if geometry.geometryCount > 0 {
            return (0..<geometry.geometryCount).allSatisfy { geometry.geometry(at: $0).map { hasPrecision($0, scale: scale) } ?? true }
        }
        return geometry.points.allSatisfy { point in
            [point.x, point.y].allSatisfy { value in
                let scaled = value * scale
                return abs(scaled - scaled.rounded()) < 1e-6
            }
        }
    }
}

private func pow10(_ exponent: Int) -> Double {
    (0..<exponent).reduce(1.0) { value, _ in value * 10 }
}
