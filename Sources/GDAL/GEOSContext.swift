import CGDAL

/// Direct calls into GEOS for what GDAL's C API does not expose (the validity reason).
/// Each call has its own re-entrant context, so threads never share GEOS state.
enum GEOSContext {
    static func validityReason(wkb: [UInt8]) -> String? {
        guard let context = GEOS_init_r() else { return nil }
        defer { GEOS_finish_r(context) }
        let geometry = wkb.withUnsafeBufferPointer { GEOSGeomFromWKB_buf_r(context, $0.baseAddress, $0.count) }
        guard let geometry else { return nil }
        defer { GEOSGeom_destroy_r(context, geometry) }
        guard let reason = GEOSisValidReason_r(context, geometry) else { return nil }
        defer { GEOSFree_r(context, reason) }
        return String(cString: reason)
    }
}
