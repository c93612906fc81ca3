import CGDAL

/// A vector dataset: a file (or folder) opened or created through GDAL. See `GDALDataset`.
///
/// Not `Sendable`: a dataset belongs to one task at a time (GDAL handles are not thread-safe).
/// Layers and features keep their dataset alive; after `close()` they throw instead of
/// touching freed memory.
public final class Dataset {
    private var handle: GDALDatasetH?
    /// The path it was opened or created with.
    public let path: String

    init(handle: GDALDatasetH, path: String) {
        self.handle = handle
        self.path = path
    }

    deinit {
        if let handle {
            GDALClose(handle)
            CPLErrorReset()
        }
    }

    /// How to open a dataset.
    public struct OpenOptions: Sendable {
        /// Driver open options, for example `["AUTODETECT_TYPE": "YES", "X_POSSIBLE_NAMES": "lon"]`.
        public var openOptions: [String: String]
        /// Only these drivers may open the file (nil: any vector driver).
        public var allowedDrivers: [String]?
        /// Open for update instead of read-only.
        public var update: Bool

        public init(openOptions: [String: String] = [:], allowedDrivers: [String]? = nil, update: Bool = false) {
            self.openOptions = openOptions
            self.allowedDrivers = allowedDrivers
            self.update = update
        }
    }

    /// Opens a vector dataset. See `GDALOpenEx`.
    /// - Throws: `GDALError` naming the path: remote paths and VRTs that lead elsewhere are refused
    ///   before GDAL sees them (`RemotePathPolicy`, `IndirectSourcePolicy`); a file GDAL cannot open
    ///   carries GDAL's reason.
    public static func open(_ path: String, options: OpenOptions = OpenOptions()) throws -> Dataset {
        GDALLibrary.ensureRegistered()
        try RemotePathPolicy.requireLocal(path)
        try IndirectSourcePolicy.requireSelfContained(path)
        var flags = UInt32(GDAL_OF_VECTOR | GDAL_OF_VERBOSE_ERROR)
        flags |= UInt32(options.update ? GDAL_OF_UPDATE : GDAL_OF_READONLY)
        CPLErrorReset()
        let handle = CStringList.with(options.allowedDrivers ?? []) { drivers in
            CStringList.with(options: options.openOptions) { openOptions in
                GDALOpenEx(path, flags, options.allowedDrivers == nil ? nil : CStringList.const(drivers), CStringList.const(openOptions), nil)
            }
        }
        guard let handle else {
            throw GDALError.last(function: "GDALOpenEx", path: path, fallback: "GDAL cannot open this file as vector data")
        }
        CPLErrorReset()
        return Dataset(handle: handle, path: path)
    }

    /// Creates a new vector dataset. See `GDALCreate`.
    /// - Parameter options: dataset creation options of the driver.
    public static func create(_ path: String, driver: Driver, options: [String: String] = [:]) throws -> Dataset {
        try RemotePathPolicy.requireLocal(path)
        CPLErrorReset()
        let handle = CStringList.with(options: options) { GDALCreate(driver.handle, path, 0, 0, 0, GDT_Unknown, $0) }
        guard let handle else {
            throw GDALError.last(function: "GDALCreate", path: path, fallback: "cannot create a \(driver.name) dataset")
        }
        return Dataset(handle: handle, path: path)
    }

    public var isOpen: Bool { handle != nil }

    func requireOpen() throws -> GDALDatasetH {
        guard let handle else {
            throw GDALError(number: CPLE_AppDefined, message: "the dataset is closed", function: "Dataset", path: path)
        }
        return handle
    }

    /// Flushes and closes the dataset; writes can fail here. See `GDALClose`.
    public func close() throws {
        guard let handle else { return }
        self.handle = nil
        CPLErrorReset()
        GDALClose(handle)
        if CPLGetLastErrorType().rawValue >= CE_Failure.rawValue {
            throw GDALError.last(function: "GDALClose", path: path)
        }
    }

    /// The driver's short name, for example "ESRI Shapefile".
    public var driverName: String {
        guard let handle, let driver = GDALGetDatasetDriver(handle) else { return "" }
        return String(cString: GDALGetDriverShortName(driver))
    }

    public var layerCount: Int {
        handle.map { Int(GDALDatasetGetLayerCount($0)) } ?? 0
    }

    /// Layer `index` (0-based).
    public func layer(at index: Int) throws -> Layer {
        let handle = try requireOpen()
        guard let layer = GDALDatasetGetLayer(handle, Int32(index)) else {
            throw GDALError(number: CPLE_IllegalArg, message: "no layer \(index) (the dataset has \(layerCount))", function: "GDALDatasetGetLayer", path: path)
        }
        return Layer(handle: layer, dataset: self)
    }

    /// The layer called `name`.
    public func layer(named name: String) throws -> Layer {
        let handle = try requireOpen()
        guard let layer = GDALDatasetGetLayerByName(handle, name) else {
            let names = try layers().map(\.name).joined(separator: ", ")
            throw GDALError(number: CPLE_IllegalArg, message: "no layer named \"\(name)\" (layers: \(names))", function: "GDALDatasetGetLayerByName", path: path)
        }
        return Layer(handle: layer, dataset: self)
    }

    public func layers() throws -> [Layer] {
        try (0..<layerCount).map { try layer(at: $0) }
    }

    /// Creates a layer. See `GDALDatasetCreateLayer`.
    public func createLayer(
        named name: String,
        spatialReference: SpatialReference? = nil,
        geometryType: GeometryType = .unknown,
        options: [String: String] = [:]
    ) throws -> Layer {
        let handle = try requireOpen()
        let layer = withExtendedLifetime(spatialReference) {
            CStringList.with(options: options) {
                GDALDatasetCreateLayer(handle, name, spatialReference?.handle, geometryType.ogrType, $0)
            }
        }
        guard let layer else {
            throw GDALError.last(function: "GDALDatasetCreateLayer", path: path, fallback: "cannot create layer \(name)")
        }
        return Layer(handle: layer, dataset: self)
    }
}
