import CGDAL

/// An error reported by GDAL, OGR or PROJ, with the context of the call that failed.
///
/// GDAL's own message is kept as it was (`message`); `function` names the C function and
/// `path`, when known, the file it was working on.
public struct GDALError: Error, Sendable, Equatable, CustomStringConvertible {
    /// GDAL's `CPLErrorNum` (for example `CPLE_OpenFailed` = 4), or 0 when GDAL set none.
    public let number: Int32
    public let message: String
    public let function: String
    public let path: String?

    public init(number: Int32, message: String, function: String, path: String? = nil) {
        self.number = number
        self.message = message
        self.function = function
        self.path = path
    }

    public var description: String {
        let location = path.map { "\($0): " } ?? ""
        let text = message.isEmpty ? "\(function) failed" : message
        return location + text
    }

    /// Builds an error from GDAL's thread-local error state and resets that state.
    static func last(function: String, path: String? = nil, fallback: String? = nil) -> GDALError {
        let number = CPLGetLastErrorNo()
        let message = CPLGetLastErrorMsg().map { String(cString: $0) } ?? ""
        CPLErrorReset()
        return GDALError(
            number: number,
            message: message.isEmpty ? (fallback ?? "") : message,
            function: function,
            path: path
        )
    }

    static func check(_ error: OGRErr, function: String, path: String? = nil) throws {
        guard error != OGRERR_NONE else { return }
        throw last(function: function, path: path, fallback: "OGR error \(error)")
    }

    static func check(_ error: CPLErr, function: String, path: String? = nil) throws {
        guard error.rawValue >= CE_Failure.rawValue else { return }
        throw last(function: function, path: path)
    }
}
