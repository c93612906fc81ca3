/// Finds columns that hold coordinates, from their names and value ranges: lon/lat in Thailand,
/// lat/lon swapped, or UTM zone 47N eastings and northings.
enum CoordinateHints {
    private static let xNames: Set<String> = ["lon", "long", "lng", "longitude", "x", "easting", "east", "coord_x", "ลองจิจูด"]
    private static let yNames: Set<String> = ["lat", "latitude", "y", "northing", "north", "coord_y", "ละติจูด"]
    private static let thaiLongitudes = 97.0...106.0
    private static let thaiLatitudes = 5.0...21.0
    private static let utm47Eastings = 160_000.0...840_000.0
    private static let utm47Northings = 550_000.0...2_330_000.0

    static func find(in profiles: [FieldProfile]) -> [InspectionReport.CoordinateHint] {
        let numeric = profiles.filter(\.isNumeric)
        let xs = numeric.filter { xNames.contains($0.definition.name.lowercased()) }
        let ys = numeric.filter { yNames.contains($0.definition.name.lowercased()) }
        var hints: [InspectionReport.CoordinateHint] = []
        for x in xs {
            for y in ys {
                if let hint = hint(x: x, y: y) { hints.append(hint) }
            }
        }
        return hints
    }

    private static func within(_ profile: FieldProfile, _ range: ClosedRange<Double>) -> Bool {
        range.contains(profile.minimum) && range.contains(profile.maximum)
    }

    private static func hint(x: FieldProfile, y: FieldProfile) -> InspectionReport.CoordinateHint? {
        let (xName, yName) = (x.definition.name, y.definition.name)
        if within(x, thaiLongitudes) && within(y, thaiLatitudes) {
            return .init(kind: "lon-lat", x: xName, y: yName, message: "\(xName)/\(yName) look like WGS 84 longitude/latitude (EPSG:4326)")
        }
        if within(x, thaiLatitudes) && within(y, thaiLongitudes) {
            return .init(kind: "lat-lon-swapped", x: xName, y: yName, message: "\(xName) holds latitudes and \(yName) longitudes: the columns are swapped; declare coordinates x: \(yName), y: \(xName)")
        }
        if within(x, utm47Eastings) && within(y, utm47Northings) {
            return .init(kind: "utm-47n", x: xName, y: yName, message: "\(xName)/\(yName) look like UTM eastings/northings: declare crs EPSG:32647 (WGS 84 / UTM 47N) or EPSG:24047 (Indian 1975 / UTM 47N)")
        }
        return nil
    }
}
