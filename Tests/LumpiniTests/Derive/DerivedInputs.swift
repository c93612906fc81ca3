import Foundation
import GDAL
import LumpiniCore

/// A public tree with input files written by a test, as releases would publish them: districts and
/// parks drawn as rectangles in UTM 47N metres (so areas are known by hand) and written in WGS 84
/// longitude/latitude with every digit, tables and series as CSV.
struct DerivedInputs {
    let root: URL
    var tree: ReleaseTree { ReleaseTree(root: root) }
    private(set) var sources: [DerivedSource] = []

    /// District squares of 1 km side in a row from west to east: codes 1001, 1002, 1003…
    static let origin = (x: 660_000.0, y: 1_520_000.0)

    init() throws {
        root = try Fixtures.temporaryDirectory()
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// A rectangle in UTM 47N metres, relative to `origin`.
    struct Rectangle {
        var minX: Double, minY: Double, maxX: Double, maxY: Double
    }

    /// Writes `<id>/v1/<file>` and records it among `sources`.
    mutating func put(_ id: String, _ file: String, _ text: String) throws {
        let folder = tree.versionDirectory(id, version: 1)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(file)
        try Data(text.utf8).write(to: url)
        sources.append(DerivedSource(id: id, version: 1, file: file, sha256: try FileDigest.sha256(ofFile: url.path).sha256))
    }

    /// The districts `districts-test` as `count` squares of 1 km, names `District N`, codes 1001, 1002…
    /// unless `codes` gives them.
    mutating func putDistricts(_ count: Int, codes: [Int]? = nil) throws {
        let features = try (0..<count).map { index in
            let square = Rectangle(minX: Double(index) * 1000, minY: 0, maxX: Double(index + 1) * 1000, maxY: 1000)
            return try Self.feature(square, properties: "\"district_code\":\(codes?[index] ?? 1001 + index),\"district_th\":\"เขต \(index + 1)\",\"district_en\":\"District \(index + 1)\"")
        }
        try put("districts-test", "districts-test.geojson", Self.collection(features))
    }

    /// Polygons of `id` as GeoJSON.
    mutating func putPolygons(_ id: String, _ rectangles: [Rectangle]) throws {
        let features = try rectangles.enumerated().map { try Self.feature($1, properties: "\"park_id\":\"P\($0)\"") }
        try put(id, "\(id).geojson", Self.collection(features))
    }

    /// The WGS 84 longitude and latitude of a point given in metres from `origin`.
    static func lonLat(_ x: Double, _ y: Double) throws -> (lon: Double, lat: Double) {
        let transformation = try CoordinateTransformation(from: try SpatialReference(epsg: 32647), to: try SpatialReference.wgs84())
        let point = try transformation.transform(x: origin.x + x, y: origin.y + y)
        return (point.x, point.y)
    }

    private static func feature(_ rectangle: Rectangle, properties: String) throws -> String {
        let corners = [(rectangle.minX, rectangle.minY), (rectangle.maxX, rectangle.minY), (rectangle.maxX, rectangle.maxY), (rectangle.minX, rectangle.maxY), (rectangle.minX, rectangle.minY)]
        let ring = try corners.map { corner in
            let point = try lonLat(corner.0, corner.1)
            return "[\(point.lon),\(point.lat)]"
        }
        return "{\"type\":\"Feature\",\"properties\":{\(properties)},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[\(ring.joined(separator: ","))]]}}"
    }

    private static func collection(_ features: [String]) -> String {
        "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n"
    }
}
