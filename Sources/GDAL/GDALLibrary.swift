import CGDAL

/// Process-wide set-up of GDAL: drivers registered once, messages kept off stderr.
///
/// GDAL's messages still reach callers: every failing call reads GDAL's thread-local
/// last-error state (see `GDALError.last`). Nothing is printed behind the caller's back.
public enum GDALLibrary {
    private static let registered: Bool = {
        CPLSetErrorHandler(CPLQuietErrorHandler)
        // No network unless a caller asks for it: remote paths are refused before GDAL
        // sees them (`RemotePathPolicy`), and these keep drivers from fetching on a file's say-so.
        CPLSetConfigOption("GDAL_HTTP_TIMEOUT", "1")
        CPLSetConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", "none")
        CPLSetConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", "EMPTY_DIR")
        CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "0")
        GDALAllRegister()
        return true
    }()

    /// Registers GDAL's drivers; cheap after the first call.
    public static func ensureRegistered() {
        _ = registered
    }

    /// GDAL's release name, for example "3.6.2". See `GDALVersionInfo`.
    /// Needs no driver registration, so printing it costs nothing at start-up.
    public static var version: String {
        String(cString: GDALVersionInfo("RELEASE_NAME"))
    }

    /// PROJ's version as GDAL was built against it, for example "9.1.1".
    public static var projVersion: String {
        var major: Int32 = 0, minor: Int32 = 0, patch: Int32 = 0
        OSRGetPROJVersion(&major, &minor, &patch)
        return "\(major).\(minor).\(patch)"
    }

    /// GEOS's version, for example "3.11.1-CAPI-1.17.1".
    public static var geosVersion: String {
        String(cString: GEOSversion())
    }

    /// Sets a configuration option for the calling thread only (`CPLSetThreadLocalConfigOption`),
    /// so datasets processed in parallel do not race on global state.
    public static func setThreadLocalOption(_ key: String, _ value: String?) {
        CPLSetThreadLocalConfigOption(key, value)
    }
}
