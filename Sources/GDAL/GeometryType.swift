import CGDAL

/// The kind of a geometry, flattened to 2D (Z and M variants map to their 2D kind).
public enum GeometryType: String, Sendable, Codable, CaseIterable {
    case unknown = "Unknown"
    case point = "Point"
    case lineString = "LineString"
    case polygon = "Polygon"
    case multiPoint = "MultiPoint"
    case multiLineString = "MultiLineString"
    case multiPolygon = "MultiPolygon"
    case geometryCollection = "GeometryCollection"
    case none = "None"
    /// Curves, surfaces and the other types GDAL knows that GeoJSON does not.
    case other = "Other"

    init(_ raw: OGRwkbGeometryType) {
        switch OGR_GT_Flatten(raw) {
        case wkbUnknown: self = .unknown
        case wkbPoint: self = .point
        case wkbLineString: self = .lineString
        case wkbPolygon: self = .polygon
        case wkbMultiPoint: self = .multiPoint
        case wkbMultiLineString: self = .multiLineString
        case wkbMultiPolygon: self = .multiPolygon
        case wkbGeometryCollection: self = .geometryCollection
        case wkbNone: self = .none
        default: self = .other
        }
    }

    var ogrType: OGRwkbGeometryType {
        switch self {
        case .unknown, .other: return wkbUnknown
        case .point: return wkbPoint
        case .lineString: return wkbLineString
        case .polygon: return wkbPolygon
        case .multiPoint: return wkbMultiPoint
        case .multiLineString: return wkbMultiLineString
        case .multiPolygon: return wkbMultiPolygon
        case .geometryCollection: return wkbGeometryCollection
        case .none: return wkbNone
        }
    }
}
