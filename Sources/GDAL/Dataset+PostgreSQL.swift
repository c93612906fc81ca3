import CGDAL

extension Dataset {
    /// Opens a PostgreSQL database for update through GDAL's PostgreSQL driver, which connects with
    /// libpq: `~/.pgpass`, `PG*` environment variables and TLS options (`sslmode`, `sslrootcert`…) work as
    /// in `psql`. See `GDALOpenEx` with `PG:<connection>`.
    ///
    /// `connection` is a libpq URI (`postgresql://user@host:5432/db?sslmode=require`) or key/value
    /// string; it may hold a password, so errors and `path` name the database only as `displayName`.
    /// - Parameter openOptions: the driver's open options, for example `["SCHEMAS": "opendata"]`.
    /// - Throws: `GDALError` naming `displayName` when the server cannot be reached or refuses the login.
    public static func openPostgreSQL(connection: String, displayName: String, openOptions: [String: String] = [:]) throws -> Dataset {
        GDALLibrary.ensureRegistered()
        let flags = UInt32(GDAL_OF_VECTOR | GDAL_OF_UPDATE | GDAL_OF_VERBOSE_ERROR)
        CPLErrorReset()
        let handle = CStringList.with(["PostgreSQL"]) { drivers in
            CStringList.with(options: openOptions) { options in
                GDALOpenEx("PG:" + connection, flags, CStringList.const(drivers), CStringList.const(options), nil)
            }
        }
        guard let handle else {
            throw GDALError.last(function: "GDALOpenEx", path: displayName, fallback: "cannot connect to the database")
        }
        CPLErrorReset()
        return Dataset(handle: handle, path: displayName)
    }
}
