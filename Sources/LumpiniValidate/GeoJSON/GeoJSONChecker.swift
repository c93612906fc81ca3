import Foundation

/// Checks a GeoJSON document against RFC 7946 the way the reference linter (geojsonhint) does,
/// with the same messages: structure, required and forbidden members, positions, rings closed
/// and of four or more positions, `bbox`, no `crs` member, duplicate members. A ring wound
/// against the right-hand rule is only a warning, as RFC 7946 tells parsers not to reject it.
public struct GeoJSONChecker {
    public struct Message: Sendable, Equatable {
        public enum Level: String, Sendable { case error, warning }
        public var text: String
        public var level: Level
        /// The line of the object concerned, when known.
        public var line: Int?
        /// The feature concerned (0-based position in a FeatureCollection), when there is one.
        public var feature: Int?
    }

    public private(set) var messages: [Message] = []
    private var feature: Int?

    private static let types = ["Point", "Feature", "MultiPoint", "LineString", "MultiLineString", "FeatureCollection", "GeometryCollection", "Polygon", "MultiPolygon"]

    /// Checks a parsed document.
    public static func check(_ document: JSONValue) -> [Message] {
        var checker = GeoJSONChecker()
        guard case .object = document else {
            checker.error("The root of a GeoJSON object must be an object.", line: 0)
            return checker.messages
        }
        checker.root(document, line: 1)
        return checker.messages
    }

    /// Whether `json` is a GeoJSON object without errors (warnings allowed), for `geojson` cells.
    static func isGeoJSONObject(_ json: JSONValue) -> Bool {
        !check(json).contains { $0.level == .error }
    }

    private mutating func error(_ text: String, line: Int?) {
        messages.append(Message(text: text, level: .error, line: line, feature: feature))
    }

    private mutating func warning(_ text: String, line: Int?) {
        messages.append(Message(text: text, level: .warning, line: line, feature: feature))
    }

    /// What JavaScript's `typeof` says of a value, as the linter's messages name types.
    private static func typeOf(_ value: JSONValue) -> String {
        switch value {
        case .string: return "string"
        case .number: return "number"
        case .bool: return "boolean"
        case .null, .array, .object: return "object"
        }
    }

    /// What JavaScript's `constructor.name` says of a value.
    private static func constructorName(_ value: JSONValue) -> String {
        switch value {
        case .string: return "String"
        case .number: return "Number"
        case .bool: return "Boolean"
        case .array: return "Array"
        case .object, .null: return "Object"
        }
    }

    private static func isObjectLike(_ value: JSONValue) -> Bool {
        switch value {
        case .array, .object: return true
        default: return false
        }
    }

    private mutating func root(_ object: JSONValue, line: Int?) {
        let members = object.members ?? []
        var seen = Set<String>()
        var duplicates: [String] = []
        for member in members {
            if !seen.insert(member.key).inserted { duplicates.append(member.key) }
        }
        if !duplicates.isEmpty {
            error("An object contained duplicate members, making parsing ambigous: \(duplicates.joined(separator: ", "))", line: line)
        }
        if requiredProperty(object, "type", kind: "string", line: line) { return }
        let type = object["type"]?.stringValue ?? ""
        guard GeoJSONChecker.types.contains(type) else {
            if let expected = GeoJSONChecker.types.first(where: { $0.lowercased() == type.lowercased() }) {
                error("Expected \(expected) but got \(type) (case sensitive)", line: line)
            } else {
                error("The type \(type) is unknown", line: line)
            }
            return
        }
        switch type {
        case "FeatureCollection": featureCollection(object, line: line)
        case "Feature": self.feature(object, line: line)
        case "GeometryCollection": geometryCollection(object, line: line)
        default: geometry(object, type: type, line: line)
        }
    }

    /// Reports a missing or mistyped member; true when it did.
    private mutating func requiredProperty(_ object: JSONValue, _ name: String, kind: String, line: Int?) -> Bool {
        guard let value = object[name] else {
            error("\"\(name)\" member required", line: line)
            return true
        }
        switch kind {
        case "array":
            if value.arrayValue == nil {
                error("\"\(name)\" member should be an array, but is an \(GeoJSONChecker.typeOf(value)) instead", line: line)
                return true
            }
        case "object":
            if value != .null, value.members == nil {
                error("\"\(name)\" member should be object, but is an \(GeoJSONChecker.constructorName(value)) instead", line: line)
                return true
            }
        default:
            if GeoJSONChecker.typeOf(value) != kind {
                error("\"\(name)\" member should be \(kind), but is an \(GeoJSONChecker.typeOf(value)) instead", line: line)
                return true
            }
        }
        return false
    }

    private mutating func crsAndBBox(_ object: JSONValue, line: Int?) {
        if let crs = object["crs"], crs != .null, crs != .bool(false) {
            if crs["properties"]?["name"]?.stringValue == "urn:ogc:def:crs:OGC:1.3:CRS84" {
                error("old-style crs member is not recommended, this object is equivalent to the default and should be removed", line: line)
            } else {
                error("old-style crs member is not recommended", line: line)
            }
        }
        guard let bbox = object["bbox"], bbox != .null, bbox != .bool(false) else { return }
        if let items = bbox.arrayValue {
            if !items.allSatisfy({ $0.doubleValue != nil }) {
                error("each element in a bbox member must be a number", line: line)
            }
            if items.count != 4 && items.count != 6 {
                error("bbox must contain 4 elements (for 2D) or 6 elements (for 3D)", line: line)
            }
        } else {
            error("bbox member must be an array of numbers, but is a \(GeoJSONChecker.typeOf(bbox))", line: line)
        }
    }

    private mutating func featureCollection(_ object: JSONValue, line: Int?) {
        crsAndBBox(object, line: line)
        if object["properties"] != nil { error("FeatureCollection object cannot contain a \"properties\" member", line: line) }
        if object["coordinates"] != nil { error("FeatureCollection object cannot contain a \"coordinates\" member", line: line) }
        guard !requiredProperty(object, "features", kind: "array", line: line), let features = object["features"]?.arrayValue else { return }
        guard features.allSatisfy(GeoJSONChecker.isObjectLike) else {
            error("Every feature must be an object", line: line)
            return
        }
        let lines = lineNumbers(of: object, member: "features", count: features.count, fallback: line)
        for (index, item) in features.enumerated() {
            feature = index
            self.feature(item, line: lines[index])
        }
        feature = nil
    }

    private mutating func feature(_ object: JSONValue, line: Int?) {
        crsAndBBox(object, line: line)
        if let id = object["id"], GeoJSONChecker.typeOf(id) != "string", GeoJSONChecker.typeOf(id) != "number" {
            error("Feature \"id\" member must have a string or number value", line: line)
        }
        if object["features"] != nil { error("Feature object cannot contain a \"features\" member", line: line) }
        if object["coordinates"] != nil { error("Feature object cannot contain a \"coordinates\" member", line: line) }
        if object["type"]?.stringValue != "Feature" { error("GeoJSON features must have a type=feature member", line: line) }
        _ = requiredProperty(object, "properties", kind: "object", line: line)
        if !requiredProperty(object, "geometry", kind: "object", line: line), let geometry = object["geometry"], geometry != .null {
            root(geometry, line: memberLine(object, "geometry") ?? line)
        }
    }

    private mutating func geometryCollection(_ object: JSONValue, line: Int?) {
        crsAndBBox(object, line: line)
        guard !requiredProperty(object, "geometries", kind: "array", line: line), let geometries = object["geometries"]?.arrayValue else { return }
        if !geometries.allSatisfy(GeoJSONChecker.isObjectLike) {
            error("The geometries array in a GeometryCollection must contain only geometry objects", line: line)
        }
        if geometries.count == 1 {
            error("GeometryCollection with a single geometry should be avoided in favor of single part or a single object of multi-part type", line: line)
        }
        for geometry in geometries where geometry != .null && geometry != .bool(false) {
            if geometry["type"]?.stringValue == "GeometryCollection" {
                error("GeometryCollection should avoid nested geometry collections", line: line)
            }
            if GeoJSONChecker.isObjectLike(geometry) { root(geometry, line: line) }
        }
    }

    private mutating func geometry(_ object: JSONValue, type: String, line: Int?) {
        crsAndBBox(object, line: line)
        if type == "Point" {
            if object["properties"] != nil { error("geometry object cannot contain a \"properties\" member", line: line) }
            if object["geometry"] != nil { error("geometry object cannot contain a \"geometry\" member", line: line) }
            if object["features"] != nil { error("geometry object cannot contain a \"features\" member", line: line) }
        }
        guard !requiredProperty(object, "coordinates", kind: "array", line: line), let coordinates = object["coordinates"] else { return }
        switch type {
        case "Point": position(coordinates, line: line)
        case "MultiPoint": _ = positionArray(coordinates, kind: "", depth: 1, line: line)
        case "LineString": _ = positionArray(coordinates, kind: "Line", depth: 1, line: line)
        case "MultiLineString": _ = positionArray(coordinates, kind: "Line", depth: 2, line: line)
        case "Polygon":
            if !positionArray(coordinates, kind: "LinearRing", depth: 2, line: line), !GeoJSONChecker.polygonFollowsRightHandRule(coordinates) {
                warning("Polygons and MultiPolygons should follow the right-hand rule", line: line)
            }
        case "MultiPolygon":
            if !positionArray(coordinates, kind: "LinearRing", depth: 3, line: line),
               !(coordinates.arrayValue ?? []).allSatisfy(GeoJSONChecker.polygonFollowsRightHandRule) {
                warning("Polygons and MultiPolygons should follow the right-hand rule", line: line)
            }
        default: break
        }
    }

    private mutating func position(_ value: JSONValue, line: Int?) {
        guard let items = value.arrayValue else {
            error("position should be an array, is a \(GeoJSONChecker.typeOf(value)) instead", line: line)
            return
        }
        if items.count < 2 {
            error("position must have 2 or more elements", line: line)
        } else if items.count > 3 {
            warning("position should not have more than 3 elements", line: line)
        } else if !items.allSatisfy({ $0.doubleValue != nil }) {
            error("each element in a position must be a number", line: line)
        }
    }

    private static let nestMore = "a number was found where a coordinate array should have been found: this needs to be nested more deeply"

    /// Checks nested coordinate arrays; true when a ring is broken (so winding is not judged).
    private mutating func positionArray(_ coordinates: JSONValue, kind: String, depth: Int, line: Int?) -> Bool {
        if depth == 0 {
            position(coordinates, line: line)
            return false
        }
        if depth == 1, !kind.isEmpty {
            let items = coordinates.arrayValue ?? []
            if kind == "LinearRing" {
                guard let last = items.last, last.arrayValue != nil else {
                    error(GeoJSONChecker.nestMore, line: line)
                    return true
                }
                if items.count < 4 {
                    error("a LinearRing of coordinates needs to have four or more positions", line: line)
                }
                let first = items[0].arrayValue ?? []
                let lastItems = last.arrayValue ?? []
                if first.count != lastItems.count || !zip(first, lastItems).allSatisfy({ $0 == $1 || ($0.doubleValue != nil && $0.doubleValue == $1.doubleValue) }) {
                    error("the first and last positions in a LinearRing of coordinates must be the same", line: line)
                    return true
                }
            } else if kind == "Line", coordinates.arrayValue != nil, items.count < 2 {
                error("a line needs to have two or more coordinates to be valid", line: line)
                return false
            }
        }
        guard let items = coordinates.arrayValue else {
            error(GeoJSONChecker.nestMore, line: line)
            return false
        }
        var broken = false
        for item in items where positionArray(item, kind: kind, depth: depth - 1, line: line) {
            broken = true
        }
        return broken
    }

    /// Exterior ring counter-clockwise and holes clockwise, judged as the linter does by the sign
    /// of the planar sum Σ (x₂ − x₁)(y₂ + y₁), which is negative for a counter-clockwise ring.
    static func polygonFollowsRightHandRule(_ polygon: JSONValue) -> Bool {
        guard let rings = polygon.arrayValue, !rings.isEmpty else { return true }
        return !isClockwise(rings[0]) && rings.dropFirst().allSatisfy(isClockwise)
    }

    static func isClockwise(_ ring: JSONValue) -> Bool {
        let points = (ring.arrayValue ?? []).map { ($0.arrayValue ?? []).compactMap(\.doubleValue) }
        var sum = 0.0
        if points.count > 2 {
            for index in 0..<(points.count - 1) {
                let (p1, p2) = (points[index], points[index + 1])
                guard p1.count >= 2, p2.count >= 2 else { continue }
                sum += (p2[0] - p1[0]) * (p2[1] + p1[1])
            }
        }
        return sum >= 0
    }

    private func memberLine(_ object: JSONValue, _ key: String) -> Int? {
        object.members?.last { $0.key == key }?.line
    }

    /// Lines of the items of an array member: its own line for each (items carry no lines
    /// themselves, but their first member does).
    private func lineNumbers(of object: JSONValue, member: String, count: Int, fallback: Int?) -> [Int?] {
        let items = object[member]?.arrayValue ?? []
        return (0..<count).map { index in items[index].members?.first?.line ?? memberLine(object, member) ?? fallback }
    }
}
