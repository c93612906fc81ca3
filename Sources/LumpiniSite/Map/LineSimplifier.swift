import Foundation

/// Douglas–Peucker simplification of GeoJSON coordinates (longitude, latitude), for map previews: a line
/// keeps its ends and every vertex farther than `tolerance` degrees from the simplified line; a ring keeps
/// at least four positions so that it stays a ring.
struct LineSimplifier {
    var tolerance: Double

    /// Whether `geometry` has lines or rings that `simplify` may shorten (points it leaves as they are).
    static func hasLines(_ geometry: [String: Any]) -> Bool {
        switch geometry["type"] as? String {
        case "LineString", "MultiLineString", "Polygon", "MultiPolygon": true
        case "GeometryCollection": (geometry["geometries"] as? [[String: Any]])?.contains(where: hasLines) ?? false
        default: false
        }
    }

    /// The geometry's coordinates simplified, recursively through multi-geometries and collections.
    func simplify(geometry: [String: Any]) -> [String: Any] {
        var geometry = geometry
        switch geometry["type"] as? String {
        case "LineString":
            if let line = Self.positions(geometry["coordinates"]) { geometry["coordinates"] = simplify(line, minimum: 2) }
        case "MultiLineString", "Polygon":
            let ring = geometry["type"] as? String == "Polygon"
            if let lines = geometry["coordinates"] as? [Any] {
                geometry["coordinates"] = lines.map { Self.positions($0).map { simplify($0, minimum: ring ? 4 : 2) } ?? $0 }
            }
        case "MultiPolygon":
            if let polygons = geometry["coordinates"] as? [Any] {
                geometry["coordinates"] = polygons.map { polygon in
                    (polygon as? [Any])?.map { Self.positions($0).map { simplify($0, minimum: 4) } ?? $0 } ?? polygon
                }
            }
        case "GeometryCollection":
            if let members = geometry["geometries"] as? [[String: Any]] { geometry["geometries"] = members.map(simplify(geometry:)) }
        default:
            break
        }
        return geometry
    }

    func simplify(_ points: [[Double]], minimum: Int) -> [[Double]] {
        guard points.count > minimum else { return points }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        var stack = [(0, points.count - 1)]
        while let (first, last) = stack.popLast() {
            guard last > first + 1 else { continue }
            var farthest = first, distance = 0.0
            for index in (first + 1)..<last {
                let d = Self.distance(points[index], from: points[first], to: points[last])
                if d > distance { distance = d; farthest = index }
            }
            if distance > tolerance {
                keep[farthest] = true
                stack.append((first, farthest))
                stack.append((farthest, last))
            }
        }
        let kept = points.indices.filter { keep[$0] }.map { points[$0] }
        return kept.count >= minimum ? kept : points
    }

    private static func positions(_ value: Any?) -> [[Double]]? {
        guard let list = value as? [Any] else { return nil }
        var out: [[Double]] = []
        out.reserveCapacity(list.count)
        for item in list {
            guard let position = item as? [Any] else { return nil }
            let numbers = position.compactMap { ($0 as? NSNumber)?.doubleValue }
            guard numbers.count >= 2 else { return nil }
            out.append(Array(numbers.prefix(2)))
        }
        return out
    }

    private static func distance(_ p: [Double], from a: [Double], to b: [Double]) -> Double {
        let dx = b[0] - a[0], dy = b[1] - a[1]
        let length = dx * dx + dy * dy
        if length == 0 { return ((p[0] - a[0]) * (p[0] - a[0]) + (p[1] - a[1]) * (p[1] - a[1])).squareRoot() }
        let t = max(0, min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length))
        let x = a[0] + t * dx - p[0], y = a[1] + t * dy - p[1]
        return (x * x + y * y).squareRoot()
    }
}
