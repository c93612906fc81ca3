import CGDAL

/// A GDAL format driver. See `GDALDriver`.
public struct Driver: Sendable, Equatable {
    /// The driver's short name, for example "GeoJSON", "CSV", "GPKG", "ESRI Shapefile".
    public let name: String

    /// The driver named `name`.
    /// - Throws: `GDALError` when GDAL has no such driver.
    public init(named name: String) throws {
        GDALLibrary.ensureRegistered()
        guard GDALGetDriverByName(name) != nil else {
            throw GDALError(number: CPLE_IllegalArg, message: "GDAL has no driver named \(name)", function: "GDALGetDriverByName")
        }
        self.name = name
    }

    var handle: GDALDriverH { GDALGetDriverByName(name) }

    /// The driver's long name, for example "Comma Separated Value (.csv)".
    public var longName: String {
        String(cString: GDALGetDriverLongName(handle))
    }

    /// Whether it can create vector datasets.
    public var canCreateVector: Bool {
        capability("DCAP_VECTOR") && capability("DCAP_CREATE")
    }

    private func capability(_ key: String) -> Bool {
        GDALGetMetadataItem(handle, key, nil).map { String(cString: $0) == "YES" } ?? false
    }
}
