import CGDAL
import Foundation

/// A coordinate reference system. See `OGRSpatialReference`.
///
/// Every instance uses the traditional GIS axis order (x = easting/longitude,
/// y = northing/latitude), whatever its authority says, so no caller gets swapped coordinates.
public final class SpatialReference {
    let handle: OGRSpatialReferenceH

    private init(owning handle: OGRSpatialReferenceH) {
        self.handle = handle
        OSRSetAxisMappingStrategy(handle, OAMS_TRADITIONAL_GIS_ORDER)
    }

    private convenience init(importing function: String, _ body: (OGRSpatialReferenceH) -> OGRErr) throws {
        GDALLibrary.ensureRegistered()
        guard let handle = OSRNewSpatialReference(nil) else {
            throw GDALError.last(function: "OSRNewSpatialReference")
        }
        self.init(owning: handle)
        try GDALError.check(body(handle), function: function)
    }

    /// A CRS from an EPSG code, for example 32647 for WGS 84 / UTM zone 47N. See `OSRImportFromEPSG`.
    public convenience init(epsg: Int) throws {
        try self.init(importing: "OSRImportFromEPSG(\(epsg))") { OSRImportFromEPSG($0, Int32(epsg)) }
    }

    /// A CRS from any definition GDAL accepts: WKT (1 or 2, ESRI too), PROJJSON, "EPSG:4326",
    /// or a PROJ string. See `OSRSetFromUserInput`. Definitions that would need the network
    /// (a URL or a remote file to read the definition from) are refused.
    public convenience init(definition: String) throws {
        let trimmed = definition.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.hasPrefix("{") && !trimmed.hasPrefix("PROJCS") && !trimmed.hasPrefix("GEOGCS") {
            try RemotePathPolicy.requireLocal(trimmed)
        }
        try self.init(importing: "OSRSetFromUserInput") { OSRSetFromUserInput($0, definition) }
    }

    /// Takes a copy of a CRS that GDAL owns elsewhere (a layer's or a geometry's).
    static func copying(_ handle: OGRSpatialReferenceH?) -> SpatialReference? {
        guard let handle, let clone = OSRClone(handle) else { return nil }
        return SpatialReference(owning: clone)
    }

    deinit {
        OSRRelease(handle)
    }

    /// The WGS 84 geographic CRS (EPSG:4326) in lon/lat order.
    public static func wgs84() throws -> SpatialReference {
        try SpatialReference(epsg: 4326)
    }

    /// The CRS's name, for example "WGS 84 / UTM zone 47N".
    public var name: String? {
        OSRGetName(handle).map { String(cString: $0) }
    }

    /// The EPSG code, from the definition's authority or, failing that, from PROJ's database
    /// when it finds a single match with confidence of at least 90 % (ESRI `.prj` files carry no code).
    public var epsgCode: Int? {
        if let code = authorityCode(root: nil) { return code }
        if let code = authorityCode(root: isProjected ? "PROJCS" : "GEOGCS") { return code }
        var count: Int32 = 0
        var confidences: UnsafeMutablePointer<Int32>? = nil
        guard let matches = OSRFindMatches(handle, nil, &count, &confidences) else { return nil }
        defer {
            OSRFreeSRSArray(matches)
            VSIFree(confidences)
        }
        guard count >= 1, let confidences, confidences[0] >= 90, let best = matches[0] else { return nil }
        let authority = OSRGetAuthorityName(best, nil).map { String(cString: $0) }
        guard authority == "EPSG", let code = OSRGetAuthorityCode(best, nil) else { return nil }
        return Int(String(cString: code))
    }

    private func authorityCode(root: String?) -> Int? {
        guard OSRGetAuthorityName(handle, root).map({ String(cString: $0) }) == "EPSG",
              let code = OSRGetAuthorityCode(handle, root) else { return nil }
        return Int(String(cString: code))
    }

    public var isGeographic: Bool { OSRIsGeographic(handle) != 0 }
    public var isProjected: Bool { OSRIsProjected(handle) != 0 }

    /// Whether both describe the same CRS. See `OSRIsSame`.
    public func isSame(as other: SpatialReference) -> Bool {
        withExtendedLifetime(other) { OSRIsSame(handle, other.handle) != 0 }
    }

    /// WKT2 (2019). See `OSRExportToWktEx`.
    public func wkt() throws -> String {
        var text: UnsafeMutablePointer<CChar>? = nil
        let error = CStringList.with(["FORMAT=WKT2_2019", "MULTILINE=NO"]) { OSRExportToWktEx(handle, &text, CStringList.const($0)) }
        try GDALError.check(error, function: "OSRExportToWktEx")
        return CStringList.take(text) ?? ""
    }

    /// PROJJSON. See `OSRExportToPROJJSON`.
    public func projJSON() throws -> String {
        var text: UnsafeMutablePointer<CChar>? = nil
        let error = CStringList.with(["MULTILINE=NO"]) { OSRExportToPROJJSON(handle, &text, CStringList.const($0)) }
        try GDALError.check(error, function: "OSRExportToPROJJSON")
        return CStringList.take(text) ?? ""
    }
}
