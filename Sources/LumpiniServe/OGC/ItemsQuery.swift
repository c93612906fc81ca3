import Foundation

/// The parameters of `/collections/{id}/items`, read and range-checked once, before any feature is
/// read: `bbox` (CRS84, 4 or 6 numbers), `limit` (1 to 10,000, default 10), `offset`, `datetime`
/// (an instant or an interval with `..` for an open end) and property filters (`?district_code=1001`)
/// on the properties the collection's feature index holds (whole numbers, strings, booleans, dates).
struct ItemsQuery: Sendable {
    static let defaultLimit = 10
    static let maximumLimit = 10_000
    static let reserved: Set<String> = ["bbox", "limit", "offset", "datetime", "f", "bbox-crs", "crs"]
    static let crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"

    /// The box, properties and datetime interval the features must match.
    var filter = FeatureFilter()
    var limit = defaultLimit
    var offset = 0

    /// The query on a collection whose feature index holds `properties`, the ones it may filter on.
    init(_ parameters: QueryParameters, properties: [FeatureIndex.Property]) throws {
        if let text = parameters["bbox"] { filter.box = try Self.bbox(text) }
        if let text = parameters["limit"] {
            guard let value = Int(text), (1...Self.maximumLimit).contains(value) else {
                throw OGCError.invalidParameter("limit must be a whole number from 1 to \(Self.maximumLimit), not \"\(text.prefix(40))\"")
            }
            limit = value
        }
        if let text = parameters["offset"] {
            guard let value = Int(text), value >= 0, value <= Int(Int32.max) else {
                throw OGCError.invalidParameter("offset must be a whole number of 0 or more, not \"\(text.prefix(40))\"")
            }
            offset = value
        }
        if let crs = parameters["bbox-crs"] ?? parameters["crs"], crs != Self.crs84 {
            throw OGCError.invalidParameter("only \(Self.crs84) is offered, not \"\(crs.prefix(80))\"")
        }
        if let format = parameters["f"], !["json", "geojson"].contains(format) {
            throw OGCError.invalidParameter("f must be json or geojson")
        }
        if let text = parameters["datetime"] {
            guard properties.contains(where: \.isTemporal) else {
                throw OGCError.invalidParameter("this collection has no date field to filter by datetime")
            }
            filter.interval = try Self.interval(text)
        }
        for name in parameters.names where !Self.reserved.contains(name) {
            guard properties.contains(where: { $0.name == name }) else {
                throw OGCError.invalidParameter(
                    "unknown parameter \"\(name.prefix(80))\": filter on one of \(properties.map(\.name).joined(separator: ", "))")
            }
            filter.equals.append((name, parameters[name] ?? ""))
        }
    }

    private static func bbox(_ text: String) throws -> Envelope {
        let numbers = text.split(separator: ",", omittingEmptySubsequences: false).map { Double($0) ?? Double($0.trimmingCharacters(in: .whitespaces)) }
        guard numbers.count == 4 || numbers.count == 6, numbers.allSatisfy({ $0 != nil && $0!.isFinite }) else {
            throw OGCError.invalidParameter("bbox must be 4 (or 6) comma-separated numbers: minLon,minLat,maxLon,maxLat")
        }
        let values = numbers.map { $0! }
        let (minX, minY, maxX, maxY) = values.count == 4 ? (values[0], values[1], values[2], values[3]) : (values[0], values[1], values[3], values[4])
        guard minY <= maxY, minX <= maxX, (-180...180).contains(minX), (-180...180).contains(maxX), (-90...90).contains(minY), (-90...90).contains(maxY) else {
            throw OGCError.invalidParameter("bbox must be minLon,minLat,maxLon,maxLat in degrees, lower corner first")
        }
        return Envelope(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
    }

    private static func interval(_ text: String) throws -> (String?, String?) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        func bound(_ part: String) throws -> String? {
            if part == ".." || part.isEmpty { return nil }
            guard part.count >= 4, part.first!.isNumber, part.allSatisfy({ $0.isNumber || "-:TZ.+".contains($0) }) else {
                throw OGCError.invalidParameter("datetime must be an RFC 3339 date or time, or an interval start/end with .. for an open end")
            }
            return part
        }
        switch parts.count {
        case 1:
            let instant = try bound(parts[0])
            guard instant != nil else { throw OGCError.invalidParameter("datetime must not be .. alone") }
            return (instant, instant)
        case 2: return (try bound(parts[0]), try bound(parts[1]))
        default: throw OGCError.invalidParameter("datetime must be an instant or start/end")
        }
    }
}
