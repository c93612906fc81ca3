import CGDAL

/// A geometry. See `OGRGeometry`.
///
/// Either owned (created here, freed in `deinit`) or borrowed from a parent (a feature or a
/// collection), which it keeps alive so the handle is never used after its owner is gone.
public final class Geometry {
    let handle: OGRGeometryH
    private let parent: AnyObject?

    init(owning handle: OGRGeometryH) {
        self.handle = handle
        self.parent = nil
    }

    init(borrowing handle: OGRGeometryH, from parent: AnyObject) {
        self.handle = handle
        self.parent = parent
    }

    deinit {
        if parent == nil {
            OGR_G_DestroyGeometry(handle)
        }
    }

    /// An empty geometry of the given type.
    public init(empty type: GeometryType) throws {
        GDALLibrary.ensureRegistered()
        guard let handle = OGR_G_CreateGeometry(type.ogrType) else {
            throw GDALError.last(function: "OGR_G_CreateGeometry", fallback: "cannot create a \(type.rawValue)")
        }
        self.handle = handle
        self.parent = nil
    }

    /// A 2D point.
    public convenience init(x: Double, y: Double) throws {
        try self.init(empty: .point)
        OGR_G_SetPoint_2D(handle, 0, x, y)
    }

    /// From ISO or OGC WKT. See `OGR_G_CreateFromWkt`.
    public convenience init(wkt: String) throws {
        GDALLibrary.ensureRegistered()
        var result: OGRGeometryH? = nil
        let error = wkt.withCString { text -> OGRErr in
            var cursor: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(mutating: text)
            return OGR_G_CreateFromWkt(&cursor, nil, &result)
        }
        guard error == OGRERR_NONE, let result else {
            CPLErrorReset()
            throw GDALError(number: CPLE_IllegalArg, message: "not valid WKT: \(wkt.prefix(60))", function: "OGR_G_CreateFromWkt")
        }
        self.init(owning: result)
    }

    /// From WKB (ISO or extended, either byte order). See `OGR_G_CreateFromWkbEx`.
    public convenience init(wkb: [UInt8]) throws {
        GDALLibrary.ensureRegistered()
        var result: OGRGeometryH? = nil
        let error = wkb.withUnsafeBytes { OGR_G_CreateFromWkbEx($0.baseAddress, nil, &result, $0.count) }
        guard error == OGRERR_NONE, let result else {
            CPLErrorReset()
            throw GDALError(number: CPLE_IllegalArg, message: "not valid WKB (\(wkb.count) bytes)", function: "OGR_G_CreateFromWkbEx")
        }
        self.init(owning: result)
    }

    /// From a GeoJSON geometry object. See `OGR_G_CreateGeometryFromJson`.
    public convenience init(geoJSON: String) throws {
        GDALLibrary.ensureRegistered()
        guard let result = OGR_G_CreateGeometryFromJson(geoJSON) else {
            throw GDALError.last(function: "OGR_G_CreateGeometryFromJson", fallback: "not a GeoJSON geometry: \(geoJSON.prefix(60))")
        }
        self.init(owning: result)
    }

    /// An owned deep copy. See `OGR_G_Clone`.
    public func clone() -> Geometry {
        Geometry(owning: OGR_G_Clone(handle))
    }

    public var type: GeometryType { GeometryType(OGR_G_GetGeometryType(handle)) }

    /// GDAL's name for the type, for example "POLYGON".
    public var typeName: String { String(cString: OGR_G_GetGeometryName(handle)) }

    public var isEmpty: Bool { OGR_G_IsEmpty(handle) != 0 }

    public var envelope: Envelope {
        var envelope = OGREnvelope()
        OGR_G_GetEnvelope(handle, &envelope)
        return Envelope(envelope)
    }

    /// ISO WKT. See `OGR_G_ExportToIsoWkt`.
    public var wkt: String {
        var text: UnsafeMutablePointer<CChar>? = nil
        OGR_G_ExportToIsoWkt(handle, &text)
        return CStringList.take(text) ?? ""
    }

    /// ISO WKB, little-endian. See `OGR_G_ExportToIsoWkb`.
    public var wkb: [UInt8] {
        let size = Int(OGR_G_WkbSize(handle))
        var bytes = [UInt8](repeating: 0, count: size)
        bytes.withUnsafeMutableBufferPointer { _ = OGR_G_ExportToIsoWkb(handle, wkbNDR, $0.baseAddress) }
        return bytes
    }

    /// A GeoJSON geometry object. See `OGR_G_ExportToJsonEx`.
    /// - Parameter precision: decimals kept in coordinates, or nil for GDAL's default.
    public func geoJSON(precision: Int? = nil) -> String {
        let options = precision.map { ["COORDINATE_PRECISION=\($0)"] } ?? []
        let text = CStringList.with(options) { OGR_G_ExportToJsonEx(handle, $0) }
        return CStringList.take(text) ?? ""
    }

    // MARK: Structure

    /// Points of a point, line or ring; 0 for other types.
    public var pointCount: Int { Int(OGR_G_GetPointCount(handle)) }

    /// The x and y of point `index` (a point, line or ring).
    public func point(at index: Int) -> (x: Double, y: Double) {
        (OGR_G_GetX(handle, Int32(index)), OGR_G_GetY(handle, Int32(index)))
    }

    /// All points of a point, line or ring, in one call.
    public var points: [(x: Double, y: Double)] {
        (0..<pointCount).map { point(at: $0) }
    }

    /// Whether any coordinate, in any ring or member, is NaN or infinite (GDAL reads GeoJSON's
    /// non-JSON `NaN` and `Infinity`, and `1e999`, that way). One pass over the points.
    public var hasNonFiniteCoordinate: Bool {
        withExtendedLifetime(self) { Self.hasNonFiniteCoordinate(handle) }
    }

    private static func hasNonFiniteCoordinate(_ geometry: OGRGeometryH) -> Bool {
        for index in 0..<OGR_G_GetPointCount(geometry) where !OGR_G_GetX(geometry, index).isFinite || !OGR_G_GetY(geometry, index).isFinite {
            return true
        }
        for index in 0..<OGR_G_GetGeometryCount(geometry) {
            if let member = OGR_G_GetGeometryRef(geometry, index), hasNonFiniteCoordinate(member) { return true }
        }
        return false
    }

    /// Rings of a polygon (exterior first) or members of a collection.
    public var geometryCount: Int { Int(OGR_G_GetGeometryCount(handle)) }

    /// Ring or member `index`, borrowed: it keeps this geometry alive.
    public func geometry(at index: Int) -> Geometry? {
        guard index >= 0, index < geometryCount, let child = OGR_G_GetGeometryRef(handle, Int32(index)) else { return nil }
        return Geometry(borrowing: child, from: self)
    }

    /// Appends a copy of `child` (a ring to a polygon, a member to a collection). See `OGR_G_AddGeometry`.
    public func add(_ child: Geometry) throws {
        let error = withExtendedLifetime(child) { OGR_G_AddGeometry(handle, child.handle) }
        try GDALError.check(error, function: "OGR_G_AddGeometry")
    }

    /// Appends a point to a line or ring.
    public func addPoint(x: Double, y: Double) {
        OGR_G_AddPoint_2D(handle, x, y)
    }

    /// Replaces point `index` of a point, line or ring.
    public func setPoint(at index: Int, x: Double, y: Double) {
        OGR_G_SetPoint_2D(handle, Int32(index), x, y)
    }

    /// Whether a ring's points run clockwise (signed area below zero, x to the east and y to the north).
    public var isClockwise: Bool {
        signedArea < 0
    }

    /// The shoelace area of a ring: positive when counter-clockwise.
    var signedArea: Double {
        let count = pointCount
        guard count >= 3 else { return 0 }
        var sum = 0.0
        var (previousX, previousY) = point(at: count - 1)
        for index in 0..<count {
            let (x, y) = point(at: index)
            sum += (previousX * y) - (x * previousY)
            (previousX, previousY) = (x, y)
        }
        return sum / 2
    }

    /// Reverses the order of a ring's or line's points.
    public func reversePoints() {
        let original = points
        for (index, point) in original.reversed().enumerated() {
            setPoint(at: index, x: point.x, y: point.y)
        }
    }

    /// Drops Z and M so the geometry is 2D. See `OGR_G_FlattenTo2D`.
    public func flattenTo2D() {
        OGR_G_FlattenTo2D(handle)
    }

    // MARK: Measures and predicates (GEOS)

    /// Whether GEOS finds the geometry valid (OGC simple features rules). See `OGR_G_IsValid`.
    public var isValid: Bool {
        let valid = OGR_G_IsValid(handle) != 0
        CPLErrorReset()
        return valid
    }

    /// GEOS's reason when invalid, for example "Self-intersection[1 1]"; "Valid Geometry" when valid.
    /// See `GEOSisValidReason`.
    public var validityReason: String {
        GEOSContext.validityReason(wkb: wkb) ?? (isValid ? "Valid Geometry" : "Invalid Geometry")
    }

    /// A valid geometry covering the same points, or throws when GEOS cannot make one. See `OGR_G_MakeValid`.
    public func makeValid() throws -> Geometry {
        guard let result = OGR_G_MakeValid(handle) else {
            throw GDALError.last(function: "OGR_G_MakeValid", fallback: "cannot make the geometry valid")
        }
        return Geometry(owning: result)
    }

    /// Area in the square units of the CRS (0 for points and lines). See `OGR_G_Area`.
    public var area: Double { OGR_G_Area(handle) }

    /// Length in the units of the CRS (0 for points and polygons). See `OGR_G_Length`.
    public var length: Double { OGR_G_Length(handle) }

    /// The centroid. See `OGR_G_Centroid`.
    public func centroid() throws -> Geometry {
        let point = try Geometry(empty: .point)
        try GDALError.check(OGR_G_Centroid(handle, point.handle), function: "OGR_G_Centroid")
        return point
    }

    public func intersects(_ other: Geometry) -> Bool {
        withExtendedLifetime(other) { OGR_G_Intersects(handle, other.handle) != 0 }
    }

    public func contains(_ other: Geometry) -> Bool {
        withExtendedLifetime(other) { OGR_G_Contains(handle, other.handle) != 0 }
    }

    public func equals(_ other: Geometry) -> Bool {
        withExtendedLifetime(other) { OGR_G_Equals(handle, other.handle) != 0 }
    }

    // MARK: CRS

    /// Transforms the coordinates in place. See `OGR_G_Transform`.
    public func transform(_ transformation: CoordinateTransformation) throws {
        let error = withExtendedLifetime(transformation) { OGR_G_Transform(handle, transformation.handle) }
        try GDALError.check(error, function: "OGR_G_Transform")
    }

    /// The CRS assigned to the geometry, if any (a copy).
    public var spatialReference: SpatialReference? {
        SpatialReference.copying(OGR_G_GetSpatialReference(handle))
    }

    public func assign(_ reference: SpatialReference?) {
        withExtendedLifetime(reference) { OGR_G_AssignSpatialReference(handle, reference?.handle) }
    }
}
