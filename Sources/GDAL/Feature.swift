import CGDAL

/// One feature: attribute values and geometry. See `OGRFeature`.
///
/// A feature keeps its layer (and so its dataset) alive.
public final class Feature {
    let handle: OGRFeatureH
    public let layer: Layer
    /// A failure GDAL reported while reading this feature, which it returned all the same: the
    /// GeoJSON driver reads a geometry whose coordinates are text as no geometry, and says so only here.
    public let readError: GDALError?

    init(owning handle: OGRFeatureH, layer: Layer, readError: GDALError? = nil) {
        self.handle = handle
        self.layer = layer
        self.readError = readError
    }

    /// A new, empty feature with the layer's fields, to fill and pass to `Layer.create(_:)`.
    public init(for layer: Layer) throws {
        guard let handle = OGR_F_Create(try layer.definitionHandle()) else {
            throw GDALError.last(function: "OGR_F_Create")
        }
        self.handle = handle
        self.layer = layer
        readError = nil
    }

    deinit {
        OGR_F_Destroy(handle)
    }

    /// The feature id, or nil when the driver gave none. See `OGR_F_GetFID`.
    public var fid: Int64? {
        let fid = OGR_F_GetFID(handle)
        return fid == OGRNullFID ? nil : Int64(fid)
    }

    public var fieldCount: Int { Int(OGR_F_GetFieldCount(handle)) }

    /// The value of field `index`, typed as the layer declares it.
    public func value(at index: Int) -> FieldValue {
        let i = Int32(index)
        guard OGR_F_IsFieldSet(handle, i) != 0 else { return .unset }
        guard OGR_F_IsFieldNull(handle, i) == 0 else { return .null }
        guard let definition = OGR_F_GetFieldDefnRef(handle, i) else { return .unset }
        switch OGR_Fld_GetType(definition) {
        case OFTInteger:
            let value = OGR_F_GetFieldAsInteger(handle, i)
            return OGR_Fld_GetSubType(definition) == OFSTBoolean ? .boolean(value != 0) : .integer(Int64(value))
        case OFTInteger64:
            return .integer(Int64(OGR_F_GetFieldAsInteger64(handle, i)))
        case OFTReal:
            return .real(OGR_F_GetFieldAsDouble(handle, i))
        case OFTDate:
            return .date(dateTime(at: i))
        case OFTTime:
            return .time(dateTime(at: i))
        case OFTDateTime:
            return .dateTime(dateTime(at: i))
        case OFTBinary:
            var count: Int32 = 0
            guard let bytes = OGR_F_GetFieldAsBinary(handle, i, &count) else { return .binary([]) }
            return .binary(Array(UnsafeBufferPointer(start: bytes, count: Int(count))))
        case OFTIntegerList, OFTInteger64List:
            var count: Int32 = 0
            guard let values = OGR_F_GetFieldAsInteger64List(handle, i, &count) else { return .integerList([]) }
            return .integerList(UnsafeBufferPointer(start: values, count: Int(count)).map { Int64($0) })
        case OFTRealList:
            var count: Int32 = 0
            guard let values = OGR_F_GetFieldAsDoubleList(handle, i, &count) else { return .realList([]) }
            return .realList(Array(UnsafeBufferPointer(start: values, count: Int(count))))
        case OFTStringList:
            return .stringList(CStringList.strings(OGR_F_GetFieldAsStringList(handle, i)))
        default:
            return .string(string(at: index) ?? "")
        }
    }

    /// The value of field `index` as text, as GDAL formats it; nil when null or unset.
    /// Invalid UTF-8 is repaired with U+FFFD; use `bytes(at:)` to see the raw bytes.
    public func string(at index: Int) -> String? {
        let i = Int32(index)
        guard OGR_F_IsFieldSetAndNotNull(handle, i) != 0, let text = OGR_F_GetFieldAsString(handle, i) else { return nil }
        return String(cString: text)
    }

    /// The raw bytes GDAL holds for a string field (before any decoding), for encoding detection.
    public func bytes(at index: Int) -> [UInt8]? {
        let i = Int32(index)
        guard OGR_F_IsFieldSetAndNotNull(handle, i) != 0, let text = OGR_F_GetFieldAsString(handle, i) else { return nil }
        return Array(UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: strlen(text)))
    }

    private func dateTime(at i: Int32) -> DateTimeValue {
        var year: Int32 = 0, month: Int32 = 0, day: Int32 = 0, hour: Int32 = 0, minute: Int32 = 0, tz: Int32 = 0
        var second: Float = 0
        _ = OGR_F_GetFieldAsDateTimeEx(handle, i, &year, &month, &day, &hour, &minute, &second, &tz)
        return DateTimeValue(
            year: Int(year), month: Int(month), day: Int(day), hour: Int(hour), minute: Int(minute),
            second: Double(second), timeZoneFlag: Int(tz)
        )
    }

    /// Sets field `index`. `unset` clears it; other values are converted by GDAL to the field's type.
    public func set(_ value: FieldValue, at index: Int) {
        let i = Int32(index)
        switch value {
        case .unset: OGR_F_UnsetField(handle, i)
        case .null: OGR_F_SetFieldNull(handle, i)
        case .integer(let v): OGR_F_SetFieldInteger64(handle, i, GIntBig(v))
        case .real(let v): OGR_F_SetFieldDouble(handle, i, v)
        case .string(let v): OGR_F_SetFieldString(handle, i, v)
        case .boolean(let v): OGR_F_SetFieldInteger(handle, i, v ? 1 : 0)
        case .date(let v), .time(let v), .dateTime(let v):
            OGR_F_SetFieldDateTimeEx(
                handle, i, Int32(v.year), Int32(v.month), Int32(v.day), Int32(v.hour), Int32(v.minute),
                Float(v.second), Int32(v.timeZoneFlag)
            )
        case .binary(let bytes):
            bytes.withUnsafeBytes { OGR_F_SetFieldBinary(handle, i, Int32($0.count), $0.baseAddress) }
        case .integerList(let values):
            let list = values.map { GIntBig($0) }
            list.withUnsafeBufferPointer { OGR_F_SetFieldInteger64List(handle, i, Int32($0.count), $0.baseAddress) }
        case .realList(let values):
            values.withUnsafeBufferPointer { OGR_F_SetFieldDoubleList(handle, i, Int32($0.count), $0.baseAddress) }
        case .stringList(let values):
            CStringList.with(values) { OGR_F_SetFieldStringList(handle, i, $0) }
        }
    }

    /// The geometry, borrowed: it keeps this feature alive. Nil when the feature has none.
    public var geometry: Geometry? {
        guard let geometry = OGR_F_GetGeometryRef(handle) else { return nil }
        return Geometry(borrowing: geometry, from: self)
    }

    /// Sets a copy of `geometry` (or none). See `OGR_F_SetGeometry`.
    public func setGeometry(_ geometry: Geometry?) throws {
        let error = withExtendedLifetime(geometry) { OGR_F_SetGeometry(handle, geometry?.handle) }
        try GDALError.check(error, function: "OGR_F_SetGeometry")
    }
}
