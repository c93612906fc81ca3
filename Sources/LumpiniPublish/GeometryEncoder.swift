import GDAL

/// Writes GDAL geometries as GeoJSON geometry objects or as WKT, with coordinates rounded by a
/// `CoordinateFormatter` and polygon rings wound as RFC 7946 requires (exterior counter-clockwise,
/// holes clockwise), whatever the winding of the source. Tracks the extent of what it wrote.
///
/// Not `Sendable`: it reads GDAL geometries and reuses a scratch array across records.
final class GeometryEncoder {
    enum Syntax {
        /// `{"type":"Polygon","coordinates":[[[x,y],…]]}`
        case geoJSON
        /// `POLYGON ((x y, …))`
        case wkt
    }

    let syntax: Syntax
    let formatter: CoordinateFormatter
    /// The extent of every coordinate written, after rounding; nil before the first.
    private(set) var extent: Envelope?
    private var scratch: [Double] = []

    init(syntax: Syntax, precision: Int) {
        self.syntax = syntax
        formatter = CoordinateFormatter(precision: precision)
        scratch.reserveCapacity(1024)
    }

    /// Appends the geometry. The caller writes `null` (GeoJSON) or nothing (WKT) for empty ones.
    /// - Throws: `LumpiniError` for a non-finite coordinate or a type GeoJSON has no name for.
    func append(_ geometry: Geometry, to buffer: ByteBuffer) throws {
        switch geometry.type {
        case .point:
            let point = geometry.point(at: 0)
            openGeometry("Point", "POINT", to: buffer)
            if syntax == .wkt { buffer.append(UInt8(ascii: "(")) }
            try appendPosition(point.x, point.y, to: buffer)
            if syntax == .wkt { buffer.append(UInt8(ascii: ")")) }
            closeGeometry(to: buffer)
        case .lineString:
            openGeometry("LineString", "LINESTRING", to: buffer)
            try appendPath(geometry, orientation: .keep, to: buffer)
            closeGeometry(to: buffer)
        case .polygon:
            openGeometry("Polygon", "POLYGON", to: buffer)
            try appendPolygonRings(geometry, to: buffer)
            closeGeometry(to: buffer)
        case .multiPoint:
            openGeometry("MultiPoint", "MULTIPOINT", to: buffer)
            try appendMembers(of: geometry, to: buffer) { _, member in
                let point = member.point(at: 0)
                if syntax == .wkt { buffer.append(UInt8(ascii: "(")) }
                try appendPosition(point.x, point.y, to: buffer)
                if syntax == .wkt { buffer.append(UInt8(ascii: ")")) }
            }
            closeGeometry(to: buffer)
        case .multiLineString:
            openGeometry("MultiLineString", "MULTILINESTRING", to: buffer)
            try appendMembers(of: geometry, to: buffer) { try appendPath($1, orientation: .keep, to: buffer) }
            closeGeometry(to: buffer)
        case .multiPolygon:
            openGeometry("MultiPolygon", "MULTIPOLYGON", to: buffer)
            try appendMembers(of: geometry, to: buffer) { try appendPolygonRings($1, to: buffer) }
            closeGeometry(to: buffer)
        case .geometryCollection:
            switch syntax {
            case .geoJSON: buffer.append("{\"type\":\"GeometryCollection\",\"geometries\":[")
            case .wkt: buffer.append("GEOMETRYCOLLECTION (")
            }
            for index in 0..<geometry.geometryCount {
                if index > 0 { appendSeparator(to: buffer) }
                guard let member = geometry.geometry(at: index) else { continue }
                try append(member, to: buffer)
            }
            buffer.append(syntax == .geoJSON ? "]}" : ")")
        case .unknown, .none, .other:
            throw LumpiniError(
                "geometry-type-unsupported", "a \(geometry.typeName) geometry cannot be published as GeoJSON",
                kind: .data, hint: "convert curves and other types to simple features in the recipe"
            )
        }
    }

    private enum Orientation {
        case keep, counterClockwise, clockwise
    }

    private func openGeometry(_ geoJSONName: StaticString, _ wktName: StaticString, to buffer: ByteBuffer) {
        switch syntax {
        case .geoJSON:
            buffer.append("{\"type\":\"")
            buffer.append(geoJSONName)
            buffer.append("\",\"coordinates\":")
        case .wkt:
            buffer.append(wktName)
            buffer.append(UInt8(ascii: " "))
        }
    }

    private func closeGeometry(to buffer: ByteBuffer) {
        if syntax == .geoJSON { buffer.append(UInt8(ascii: "}")) }
    }

    private func openList(to buffer: ByteBuffer) {
        buffer.append(syntax == .geoJSON ? UInt8(ascii: "[") : UInt8(ascii: "("))
    }

    private func closeList(to buffer: ByteBuffer) {
        buffer.append(syntax == .geoJSON ? UInt8(ascii: "]") : UInt8(ascii: ")"))
    }

    private func appendSeparator(to buffer: ByteBuffer) {
        if syntax == .geoJSON {
            buffer.append(UInt8(ascii: ","))
        } else {
            buffer.append(", ")
        }
    }

    private func appendMembers(of geometry: Geometry, to buffer: ByteBuffer, _ body: (Int, Geometry) throws -> Void) throws {
        openList(to: buffer)
        for index in 0..<geometry.geometryCount {
            if index > 0 { appendSeparator(to: buffer) }
            guard let member = geometry.geometry(at: index) else { continue }
            try body(index, member)
        }
        closeList(to: buffer)
    }

    private func appendPolygonRings(_ polygon: Geometry, to buffer: ByteBuffer) throws {
        try appendMembers(of: polygon, to: buffer) { index, ring in
            try appendPath(ring, orientation: index == 0 ? .counterClockwise : .clockwise, to: buffer)
        }
    }

    /// A line's or ring's positions, reversed when the ring runs against `orientation`.
    private func appendPath(_ path: Geometry, orientation: Orientation, to buffer: ByteBuffer) throws {
        let count = path.pointCount
        scratch.removeAll(keepingCapacity: true)
        for index in 0..<count {
            let point = path.point(at: index)
            scratch.append(point.x)
            scratch.append(point.y)
        }
        var reverse = false
        if orientation != .keep, count >= 3 {
            let area = signedArea(count: count)
            reverse = (orientation == .counterClockwise && area < 0) || (orientation == .clockwise && area > 0)
        }
        openList(to: buffer)
        for step in 0..<count {
            let index = reverse ? count - 1 - step : step
            if step > 0 { appendSeparator(to: buffer) }
            try appendPosition(scratch[2 * index], scratch[2 * index + 1], to: buffer)
        }
        closeList(to: buffer)
    }

    /// Twice the shoelace area of the scratch ring: positive when counter-clockwise.
    private func signedArea(count: Int) -> Double {
        var sum = 0.0
        var previousX = scratch[2 * (count - 1)], previousY = scratch[2 * (count - 1) + 1]
        for index in 0..<count {
            let x = scratch[2 * index], y = scratch[2 * index + 1]
            sum += previousX * y - x * previousY
            previousX = x
            previousY = y
        }
        return sum
    }

    /// Published coordinates are longitude and latitude (RFC 7946): finite, and within ±180 and ±90.
    /// Projected values (UTM easting 662345, northing 1521987) of a source without a CRS end up here.
    @inline(__always)
    static func requireLongitudeLatitude(_ x: Double, _ y: Double) throws {
        guard x.isFinite, y.isFinite else {
            throw LumpiniError(
                "coordinate-not-finite", "a coordinate is not a number (\(x), \(y))", kind: .data,
                hint: "quarantine or repair the geometry in the recipe"
            )
        }
        guard (-180...180).contains(x), (-90...90).contains(y) else {
            throw LumpiniError(
                "coordinate-not-lonlat", "the coordinate (\(x), \(y)) is not a longitude and latitude", kind: .data,
                hint: "the source is probably projected (UTM 47N is EPSG:32647): declare source.crs in dataset.yaml and add a reproject step"
            )
        }
    }

    @inline(__always)
    private func appendPosition(_ x: Double, _ y: Double, to buffer: ByteBuffer) throws {
        try Self.requireLongitudeLatitude(x, y)
        let roundedX = formatter.rounded(x), roundedY = formatter.rounded(y)
        if var box = extent {
            if roundedX < box.minX { box.minX = roundedX }
            if roundedX > box.maxX { box.maxX = roundedX }
            if roundedY < box.minY { box.minY = roundedY }
            if roundedY > box.maxY { box.maxY = roundedY }
            extent = box
        } else {
            extent = Envelope(minX: roundedX, minY: roundedY, maxX: roundedX, maxY: roundedY)
        }
        switch syntax {
        case .geoJSON:
            buffer.append(UInt8(ascii: "["))
            formatter.write(x, to: buffer)
            buffer.append(UInt8(ascii: ","))
            formatter.write(y, to: buffer)
            buffer.append(UInt8(ascii: "]"))
        case .wkt:
            formatter.write(x, to: buffer)
            buffer.append(UInt8(ascii: " "))
            formatter.write(y, to: buffer)
        }
    }
}
