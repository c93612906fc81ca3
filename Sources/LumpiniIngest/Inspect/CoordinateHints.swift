/// Finds the columns that hold coordinates, by their names (Thai or English) and by their values:
/// degrees in Thailand (longitude and latitude, or the two swapped), or UTM zone 47N metres.
///
/// Judged row by row over the first rows, so that the rows an agency gets wrong — swapped,
/// at (0, 0), in another province — do not hide the columns: a pair is coordinates when most
/// rows read as such, and the hint counts the rows that do not.
enum CoordinateHints {
    /// Names (lowercased, without spaces, `_`, `-`, `.` and brackets) of columns holding x, or y.
    private static let xNames: Set<String> = [
        "x", "lon", "long", "lng", "longitude", "easting", "east", "e", "coordx", "xcoord", "utmx", "pointx", "gpsx",
        "ลองจิจูด", "ลองติจูด", "เส้นแวง", "พิกัดx", "พิกัดลองจิจูด", "ค่าพิกัดx",
    ]
    private static let yNames: Set<String> = [
        "y", "lat", "latitude", "northing", "north", "n", "coordy", "ycoord", "utmy", "pointy", "gpsy",
        "ละติจูด", "ละติดจูด", "เส้นรุ้ง", "พิกัดy", "พิกัดละติจูด", "ค่าพิกัดy",
    ]
    /// Longer names that may carry more after them ("latitude_wgs84", "ละติจูด (องศา)").
    private static let xPrefixes = ["longitude", "ลองจิจูด", "easting", "พิกัดx"]
    private static let yPrefixes = ["latitude", "ละติจูด", "northing", "พิกัดy"]

    static let thaiLongitudes = 97.0...106.0
    static let thaiLatitudes = 5.0...21.0
    static let utm47Eastings = 160_000.0...840_000.0
    static let utm47Northings = 550_000.0...2_330_000.0
    /// Around Bangkok: what columns with no telling name must hold to be taken as coordinates.
    private static let bangkokLongitudes = 99.8...101.2
    private static let bangkokLatitudes = 13.2...14.4

    static func find(in profiles: [FieldProfile]) -> [InspectionReport.CoordinateHint] {
        // Indices, not copies: a table may have a million columns.
        let numeric = profiles.indices.filter { profiles[$0].isMostlyNumeric }
        var xs: [Int] = [], ys: [Int] = []
        for index in numeric {
            let name = normalized(profiles[index].definition.name)
            if matches(name, xNames, xPrefixes) { xs.append(index) }
            if matches(name, yNames, yPrefixes) { ys.append(index) }
        }
        var hints: [InspectionReport.CoordinateHint] = []
        for x in xs {
            for y in ys where y != x {
                if let hint = hint(x: profiles[x], y: profiles[y], byName: true) { hints.append(hint) }
            }
        }
        guard hints.isEmpty else { return hints }
        if let x = numeric.first(where: { share(profiles[$0], bangkokLongitudes) >= 0.8 }),
           let y = numeric.first(where: { share(profiles[$0], bangkokLatitudes) >= 0.8 }),
           let hint = hint(x: profiles[x], y: profiles[y], byName: false) {
            return [hint]
        }
        return []
    }

    /// Lowercased, without spaces, `_`, `-`, `.` and brackets; on bytes (Thai letters have no case).
    static func normalized(_ name: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
            case UInt8(ascii: " "), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: ")"),
                 UInt8(ascii: "["), UInt8(ascii: "]"): continue
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func matches(_ normalized: String, _ names: Set<String>, _ prefixes: [String]) -> Bool {
        names.contains(normalized) || prefixes.contains { normalized.hasPrefix($0) }
    }

    private static func share(_ profile: FieldProfile, _ range: ClosedRange<Double>) -> Double {
        var values = 0, inside = 0
        for case let value? in profile.numbers {
            values += 1
            if range.contains(value) { inside += 1 }
        }
        return values == 0 ? 0 : Double(inside) / Double(values)
    }

    /// The pair's rows counted as lon/lat, swapped, UTM 47N or neither; a hint when most rows are one kind.
    private static func hint(x: FieldProfile, y: FieldProfile, byName: Bool) -> InspectionReport.CoordinateHint? {
        var lonLat = 0, latLon = 0, utm = 0, rows = 0
        for (xValue, yValue) in zip(x.numbers, y.numbers) {
            guard let xValue, let yValue else { continue }
            rows += 1
            if thaiLongitudes.contains(xValue) && thaiLatitudes.contains(yValue) { lonLat += 1 }
            else if thaiLatitudes.contains(xValue) && thaiLongitudes.contains(yValue) { latLon += 1 }
            else if utm47Eastings.contains(xValue) && utm47Northings.contains(yValue) { utm += 1 }
        }
        let (xName, yName) = (x.definition.name, y.definition.name)
        let found = byName ? "named" : "by their values"
        if utm * 2 > rows {
            return .init(
                kind: .utm47N, x: xName, y: yName, crs: "EPSG:32647", rows: rows, rowsAsFound: utm, rowsSwapped: 0, rowsElsewhere: rows - utm,
                message: "\(xName)/\(yName) (\(found)) hold UTM zone 47N eastings/northings in \(utm) of \(rows) rows: EPSG:32647 (WGS 84) unless the agency says EPSG:24047 (Indian 1975)"
            )
        }
        guard (lonLat + latLon) * 2 > rows else { return nil }
        let swappedColumns = latLon > lonLat
        let (asFound, swapped) = swappedColumns ? (latLon, lonLat) : (lonLat, latLon)
        let (longitude, latitude) = swappedColumns ? (yName, xName) : (xName, yName)
        var message = "\(longitude) holds longitudes and \(latitude) latitudes (\(found); WGS 84 degrees, EPSG:4326) in \(asFound) of \(rows) rows"
        if swappedColumns { message += ": the names say the other way round" }
        if swapped > 0 { message += "; \(swapped) of them swapped" }
        if rows - lonLat - latLon > 0 { message += "; \(rows - lonLat - latLon) of them outside Thailand" }
        return .init(
            kind: swappedColumns ? .latLonSwapped : .lonLat, x: xName, y: yName, crs: "EPSG:4326", rows: rows,
            rowsAsFound: asFound, rowsSwapped: swapped, rowsElsewhere: rows - lonLat - latLon, message: message
        )
    }
}
