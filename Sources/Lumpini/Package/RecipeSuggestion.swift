/// The recipe `lumpini new` suggests for a layer, from what `inspect` found, each step with the
/// reason it is there (written beside it in `dataset.yaml`, for the officer to read and change).
/// Text from the file (names, labels) is quoted as `YAMLText` quotes it, in values and reasons alike.
struct RecipeSuggestion {
    struct Step {
        var name: String
        var parameters: [(String, String)] = []
        var reason: String?
    }

    static let districtFieldNames: Set<String> = ["district", "dname", "khet", "เขต", "district_name", "amphoe", "เขตพื้นที่"]

    let steps: [Step]

    init(layer: InspectionReport.LayerReport) {
        var steps: [Step] = []
        let fields = layer.fields
        func named(_ predicate: (InspectionReport.FieldReport) -> Bool) -> [String] { fields.filter(predicate).map(\.name) }
        if layer.blankRows > 0 {
            steps.append(Step(name: SkipBlankRows.name, reason: "blank rows: \(layer.blankRows)"))
        }
        if let total = layer.totalRows.first {
            steps.append(Step(name: SkipTotalRows.name, reason: "row \(total.row) reads \(YAMLText.quoted(total.label)): a total line, not a record"))
        }
        steps.append(Step(name: CleanText.name, reason: "spaces trimmed and Thai text normalised, so equal values compare equal"))
        if layer.duplicateRows > 0 {
            let example = layer.duplicateExamples.first.map { " (\($0))" } ?? ""
            steps.append(Step(name: RemoveDuplicates.name, reason: "rows repeating an earlier row exactly: \(layer.duplicateRows)\(example)"))
        } else if let key = Self.repeatedIdentifier(layer) {
            let repeats = layer.featureCount - key.distinctCount
            steps.append(Step(
                name: RemoveDuplicates.name, parameters: [("key", Self.list([key.name]))],
                reason: "rows repeating an earlier row's \(YAMLText.quoted(key.name)) with other values: \(repeats); the first is kept: check which is right"
            ))
        }
        let missing = named { $0.notes.contains { $0.contains("missing-value") } }
        if !missing.isEmpty {
            steps.append(Step(name: MissingValues.name, reason: "markers such as \"-\" or \"ไม่มีข้อมูล\" in \(Self.list(missing))"))
        }
        let hint = layer.coordinateHints.first
        let coordinates = Set(hint.map { [$0.x, $0.y] } ?? [])
        let dates = named { $0.shape == ValueShape.date.rawValue }
        if !dates.isEmpty {
            steps.append(Step(name: ParseDates.name, parameters: [("fields", Self.list(dates))], reason: "values read as dates (Thai months, Buddhist-Era years and day/month/year included)"))
        }
        let numbers = named { $0.shape == ValueShape.number.rawValue && $0.gdalType == "String" && !coordinates.contains($0.name) }
        if !numbers.isEmpty {
            steps.append(Step(name: ParseNumbers.name, parameters: [("fields", Self.list(numbers))], reason: "numbers written as text (thousands separators, Thai digits, units)"))
        }
        let digits = named { $0.notes.contains { $0.contains("Thai digits") } && !numbers.contains($0.name) && !dates.contains($0.name) }
        if !digits.isEmpty { steps.append(Step(name: ThaiDigits.name, parameters: [("fields", Self.list(digits))], reason: "Thai digits in text")) }
        if let district = fields.first(where: { Self.districtFieldNames.contains($0.name.lowercased()) }) {
            steps.append(Step(name: MatchDistricts.name, parameters: [("field", YAMLText.quoted(district.name))], reason: "district names matched to the 50 districts' codes"))
        }
        if let hint {
            steps += Self.pointSteps(hint)
        } else if !layer.geometryTypes.isEmpty {
            steps += Self.geometrySteps(layer)
        }
        self.steps = steps
    }

    /// An identifier column (`SchemaDraft.looksLikeIdentifier`) always filled, with a few values
    /// repeated: the same record sent twice with a change. A column repeating often is no identifier.
    private static func repeatedIdentifier(_ layer: InspectionReport.LayerReport) -> InspectionReport.FieldReport? {
        layer.fields.first { field in
            let repeats = layer.featureCount - field.distinctCount
            return repeats > 0 && repeats * 20 <= layer.featureCount && !field.distinctCapped && field.nullCount == 0
                && SchemaDraft.looksLikeIdentifier(field.name)
        }
    }

    private static func pointSteps(_ hint: InspectionReport.CoordinateHint) -> [Step] {
        let (x, y) = hint.kind == .latLonSwapped ? (hint.y, hint.x) : (hint.x, hint.y)
        let metres = hint.kind == .utm47N
        var found = "\(YAMLText.quoted(x))/\(YAMLText.quoted(y)) read as \(metres ? "UTM zone 47N metres (EPSG:32647; EPSG:24047 if the agency says Indian 1975)" : "WGS 84 degrees") in \(hint.rowsAsFound) of \(hint.rows) rows"
        if hint.kind == .latLonSwapped { found += ", though the names say the other way round" }
        var steps = [Step(
            name: PointsFromColumns.name,
            parameters: [("x", YAMLText.quoted(x)), ("y", YAMLText.quoted(y)), ("crs", hint.crs), ("fixSwapped", "true")],
            reason: found + (hint.rowsSwapped > 0 ? "; swapped in \(hint.rowsSwapped): fixSwapped swaps them back" : "")
        )]
        let elsewhere = "points outside the area (spatial; Bangkok by default) are set aside"
            + (hint.rowsElsewhere > 0 ? " (rows read outside Thailand: \(hint.rowsElsewhere))" : "")
        steps.append(Step(name: RequireInArea.name, reason: elsewhere))
        steps.append(Step(name: DropColumns.name, parameters: [("fields", list([hint.x, hint.y]))], reason: "the coordinates are now the geometry"))
        return steps
    }

    private static func geometrySteps(_ layer: InspectionReport.LayerReport) -> [Step] {
        let polygons = layer.geometryTypes.keys.contains { $0.contains("Polygon") }
        var steps: [Step] = []
        if layer.crs.epsg != 4326 { steps.append(Step(name: Reproject.name, reason: "published GeoJSON is WGS 84 (RFC 7946)")) }
        if polygons { steps.append(Step(name: MakeValid.name, reason: "invalid polygons are repaired (\(layer.invalidGeometries) in the file)")) }
        steps.append(Step(name: RequireGeometry.name, reason: "features without a geometry are set aside (\(layer.emptyGeometries) empty in the file)"))
        steps.append(Step(name: FixSwappedCoordinates.name, reason: "geometries with latitude and longitude swapped are swapped back"))
        steps.append(Step(name: RequireInArea.name, reason: "geometries outside the area are set aside"))
        steps.append(Step(name: RoundCoordinates.name, reason: "coordinates to the precision of outputs.precision"))
        if polygons { steps.append(Step(name: WindRings.name, reason: "rings wound as RFC 7946 says")) }
        return steps
    }

    static func list(_ items: [String]) -> String {
        "[" + items.map { YAMLText.quoted($0) }.joined(separator: ", ") + "]"
    }
}
