import CGDAL

/// A layer of a vector dataset. See `OGRLayer`.
///
/// A layer keeps its dataset alive; once the dataset is closed, every call throws.
public final class Layer {
    private let handle: OGRLayerH
    public let dataset: Dataset

    init(handle: OGRLayerH, dataset: Dataset) {
        self.handle = handle
        self.dataset = dataset
    }

    /// The handle, after checking that the dataset is still open.
    func liveHandle() throws -> OGRLayerH {
        _ = try dataset.requireOpen()
        return handle
    }

    func definitionHandle() throws -> OGRFeatureDefnH {
        guard let definition = OGR_L_GetLayerDefn(try liveHandle()) else {
            throw GDALError.last(function: "OGR_L_GetLayerDefn", path: dataset.path)
        }
        return definition
    }

    public var name: String {
        (try? liveHandle()).map { String(cString: OGR_L_GetName($0)) } ?? ""
    }

    /// The number of features; counts them when the driver cannot tell cheaply and `force` is true.
    /// See `OGR_L_GetFeatureCount`. Nil when unknown.
    public func featureCount(force: Bool = true) throws -> Int? {
        let count = OGR_L_GetFeatureCount(try liveHandle(), force ? 1 : 0)
        return count < 0 ? nil : Int(count)
    }

    /// The declared geometry type (shapefiles say Polygon for MultiPolygons too: check each geometry).
    public var geometryType: GeometryType {
        guard let handle = try? liveHandle() else { return .unknown }
        return GeometryType(OGR_L_GetGeomType(handle))
    }

    /// The layer's CRS (a copy), or nil when the source declares none.
    public var spatialReference: SpatialReference? {
        guard let handle = try? liveHandle() else { return nil }
        return SpatialReference.copying(OGR_L_GetSpatialRef(handle))
    }

    /// The extent in the layer's CRS, or nil when the layer has no geometry. See `OGR_L_GetExtent`.
    public func extent(force: Bool = true) throws -> Envelope? {
        var envelope = OGREnvelope()
        let error = OGR_L_GetExtent(try liveHandle(), &envelope, force ? 1 : 0)
        if error != OGRERR_NONE {
            CPLErrorReset()
            return nil
        }
        return Envelope(envelope)
    }

    public var fields: [FieldDefinition] {
        guard let definition = try? definitionHandle() else { return [] }
        return (0..<OGR_FD_GetFieldCount(definition)).compactMap { index in
            OGR_FD_GetFieldDefn(definition, index).map(FieldDefinition.init)
        }
    }

    /// The fields, after making the driver read the layer if it reads layers when first used
    /// (XLSX and ODS sheets), and throwing what went wrong then: a sheet whose XML breaks off only
    /// leaves an error behind, and its rows before the break look like the whole sheet.
    /// See `OGR_L_GetLayerDefn`.
    public func loadFields() throws -> [FieldDefinition] {
        CPLErrorReset()
        _ = try definitionHandle()
        if CPLGetLastErrorType().rawValue >= CE_Failure.rawValue {
            throw GDALError.last(function: "OGR_L_GetLayerDefn", path: dataset.path)
        }
        return fields
    }

    /// Reads features from the first one again. See `OGR_L_ResetReading`.
    public func resetReading() throws {
        OGR_L_ResetReading(try liveHandle())
    }

    /// The next feature, or nil at the end. See `OGR_L_GetNextFeature`.
    /// - Throws: `GDALError` when GDAL reports a failure while reading (a truncated file, say).
    public func nextFeature() throws -> Feature? {
        let handle = try liveHandle()
        CPLErrorReset()
        guard let feature = OGR_L_GetNextFeature(handle) else {
            if CPLGetLastErrorType().rawValue >= CE_Failure.rawValue {
                throw GDALError.last(function: "OGR_L_GetNextFeature", path: dataset.path)
            }
            return nil
        }
        let failed = CPLGetLastErrorType().rawValue >= CE_Failure.rawValue
        return Feature(owning: feature, layer: self, readError: failed ? GDALError.last(function: "OGR_L_GetNextFeature", path: dataset.path) : nil)
    }

    /// Calls `body` for every feature from the first, then leaves the cursor reset.
    public func forEachFeature(_ body: (Feature) throws -> Void) throws {
        try resetReading()
        defer { try? resetReading() }
        while let feature = try nextFeature() {
            try body(feature)
        }
    }

    // MARK: Writing

    /// Adds a field. See `OGR_L_CreateField`.
    public func createField(_ field: FieldDefinition) throws {
        guard let definition = OGR_Fld_Create(field.name, field.type.ogrType) else {
            throw GDALError.last(function: "OGR_Fld_Create")
        }
        defer { OGR_Fld_Destroy(definition) }
        OGR_Fld_SetSubType(definition, field.subType.ogrSubType)
        OGR_Fld_SetWidth(definition, Int32(field.width))
        OGR_Fld_SetPrecision(definition, Int32(field.precision))
        OGR_Fld_SetNullable(definition, field.isNullable ? 1 : 0)
        try GDALError.check(OGR_L_CreateField(try liveHandle(), definition, 1), function: "OGR_L_CreateField", path: dataset.path)
    }

    /// Writes a new feature. See `OGR_L_CreateFeature`.
    public func create(_ feature: Feature) throws {
        let handle = try liveHandle()
        let error = withExtendedLifetime(feature) { OGR_L_CreateFeature(handle, feature.handle) }
        try GDALError.check(error, function: "OGR_L_CreateFeature", path: dataset.path)
    }

    /// Runs `body` in a transaction where the driver has them (GeoPackage: far faster writes).
    public func inTransaction<T>(_ body: () throws -> T) throws -> T {
        let handle = try liveHandle()
        let started = OGR_L_StartTransaction(handle) == OGRERR_NONE
        CPLErrorReset()
        do {
            let result = try body()
            if started {
                try GDALError.check(OGR_L_CommitTransaction(handle), function: "OGR_L_CommitTransaction", path: dataset.path)
            }
            return result
        } catch {
            if started { _ = OGR_L_RollbackTransaction(handle) }
            throw error
        }
    }
}
