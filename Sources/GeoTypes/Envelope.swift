/// A bounding box in the units of its CRS; `minX`/`maxX` are longitudes for geographic CRSs
/// because Lumpini always uses the traditional GIS (x = lon, y = lat) axis order.
public struct Envelope: Codable, Sendable, Equatable, Hashable {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    public func contains(x: Double, y: Double) -> Bool {
        x >= minX && x <= maxX && y >= minY && y <= maxY
    }

    public func intersects(_ other: Envelope) -> Bool {
        minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY
    }

    /// The smallest envelope holding both.
    public func union(_ other: Envelope) -> Envelope {
        Envelope(
            minX: Swift.min(minX, other.minX), minY: Swift.min(minY, other.minY),
            maxX: Swift.max(maxX, other.maxX), maxY: Swift.max(maxY, other.maxY)
        )
    }

    /// `[minX, minY, maxX, maxY]`, the order of a GeoJSON `bbox`.
    public var bbox: [Double] { [minX, minY, maxX, maxY] }
}
