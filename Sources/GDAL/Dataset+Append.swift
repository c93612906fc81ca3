import CGDAL

extension Dataset {
    /// Appends every feature of `source` to the existing layer `layerName` of this dataset, fields
    /// matched by name, as `ogr2ogr -append -nln <layerName>` does, with GDAL's own translation loop
    /// (the PostgreSQL driver then writes with `COPY` when `PG_USE_COPY` is set). See `GDALVectorTranslate`.
    /// - Parameter arguments: further `ogr2ogr` arguments, for example `["-gt", "65536"]`.
    /// - Throws: `GDALError` with GDAL's message when an argument is refused or a feature cannot be written.
    public func append(from source: Dataset, toLayer layerName: String, arguments: [String] = []) throws {
        let destination = try requireOpen()
        var sources: [GDALDatasetH?] = [try source.requireOpen()]
        CPLErrorReset()
        let argv = ["-append", "-nln", layerName] + arguments
        guard let options = CStringList.with(argv, { GDALVectorTranslateOptionsNew($0, nil) }) else {
            throw GDALError.last(function: "GDALVectorTranslateOptionsNew", path: path)
        }
        defer { GDALVectorTranslateOptionsFree(options) }
        var usageError: Int32 = 0
        let result = withExtendedLifetime(source) {
            GDALVectorTranslate(nil, destination, 1, &sources, options, &usageError)
        }
        // On success GDAL hands back the destination it was given: this dataset still owns it.
        if result == nil || usageError != 0 || CPLGetLastErrorType().rawValue >= CE_Failure.rawValue {
            throw GDALError.last(function: "GDALVectorTranslate", path: path, fallback: "features of \(source.path) could not be appended to \(layerName)")
        }
    }
}
