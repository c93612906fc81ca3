import CGDAL

/// Transforms coordinates from one CRS to another through PROJ. See `OCTNewCoordinateTransformation`.
///
/// Both ends use x = longitude/easting, y = latitude/northing.
public final class CoordinateTransformation {
    let handle: OGRCoordinateTransformationH
    public let source: SpatialReference
    public let target: SpatialReference

    public init(from source: SpatialReference, to target: SpatialReference) throws {
        guard let handle = OCTNewCoordinateTransformation(source.handle, target.handle) else {
            throw GDALError.last(
                function: "OCTNewCoordinateTransformation",
                fallback: "no transformation from \(source.name ?? "?") to \(target.name ?? "?")"
            )
        }
        self.handle = handle
        self.source = source
        self.target = target
    }

    deinit {
        OCTDestroyCoordinateTransformation(handle)
    }

    /// Transforms one point.
    /// - Throws: `GDALError` when PROJ cannot transform it (outside the CRS's domain, NaN, …).
    public func transform(x: Double, y: Double) throws -> (x: Double, y: Double) {
        var xs = [x], ys = [y]
        let failed = transform(xs: &xs, ys: &ys)
        if !failed.isEmpty {
            throw GDALError(number: CPLE_AppDefined, message: "cannot transform (\(x), \(y))", function: "OCTTransformEx")
        }
        return (xs[0], ys[0])
    }

    /// Transforms points in place, in one call to PROJ.
    /// - Returns: the indices of the points PROJ could not transform (their values are then undefined).
    @discardableResult
    public func transform(xs: inout [Double], ys: inout [Double]) -> [Int] {
        precondition(xs.count == ys.count, "xs and ys must have the same count")
        let count = xs.count
        guard count > 0 else { return [] }
        var success = [Int32](repeating: 0, count: count)
        let ok = xs.withUnsafeMutableBufferPointer { x in
            ys.withUnsafeMutableBufferPointer { y in
                success.withUnsafeMutableBufferPointer { s in
                    OCTTransformEx(handle, Int32(count), x.baseAddress, y.baseAddress, nil, s.baseAddress)
                }
            }
        }
        CPLErrorReset()
        if ok == 0 && !success.contains(where: { $0 != 0 }) && count > 0 {
            return Array(0..<count)
        }
        return success.indices.filter { success[$0] == 0 }
    }
}
