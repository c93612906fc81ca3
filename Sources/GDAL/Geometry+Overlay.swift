import CGDAL

/// Overlay and buffer operations, computed by GEOS through GDAL: new owned geometries in the CRS of the
/// input (areas and distances are in its units, so measure in a projected CRS).
extension Geometry {
    /// The points both geometries cover. See `OGR_G_Intersection`.
    /// - Throws: `GDALError` when GEOS fails (an invalid input, say).
    public func intersection(_ other: Geometry) throws -> Geometry {
        let result = withExtendedLifetime(other) { OGR_G_Intersection(handle, other.handle) }
        guard let result else {
            throw GDALError.last(function: "OGR_G_Intersection", fallback: "GEOS could not intersect a \(typeName) with a \(other.typeName)")
        }
        return Geometry(owning: result)
    }

    /// The area around the geometry within `distance`, with round joins and caps, each quarter circle
    /// drawn with `quadrantSegments` segments (GEOS's default is 8). See `OGR_G_Buffer`.
    public func buffer(distance: Double, quadrantSegments: Int = 8) throws -> Geometry {
        guard let result = OGR_G_Buffer(handle, distance, Int32(quadrantSegments)) else {
            throw GDALError.last(function: "OGR_G_Buffer", fallback: "GEOS could not buffer a \(typeName)")
        }
        return Geometry(owning: result)
    }

    /// The union of the members of a multi-polygon (which may overlap), dissolved into one geometry.
    /// See `OGR_G_UnionCascaded`.
    public func unionOfMembers() throws -> Geometry {
        guard let result = OGR_G_UnionCascaded(handle) else {
            throw GDALError.last(function: "OGR_G_UnionCascaded", fallback: "GEOS could not dissolve a \(typeName)")
        }
        return Geometry(owning: result)
    }

    /// A point that lies on the geometry's surface (inside a polygon, unlike its centroid). See `OGR_G_PointOnSurface`.
    public func pointOnSurface() throws -> Geometry {
        guard let result = OGR_G_PointOnSurface(handle) else {
            throw GDALError.last(function: "OGR_G_PointOnSurface", fallback: "GEOS found no point on a \(typeName)")
        }
        return Geometry(owning: result)
    }
}
