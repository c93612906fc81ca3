import Foundation
import GDAL

extension GDALError {
    /// GDAL's own errors are input errors (a file it cannot open or read on): exit code 2 for a command,
    /// a failed dataset (not an internal error) in a release.
    public var kind: FailureKind { .input }
}

extension LumpiniError {
    /// Wraps a GDAL failure with the file it concerns and advice for the common causes.
    public static func gdal(_ error: GDALError, file: String) -> LumpiniError {
        var message = error.message.replacingOccurrences(of: "`\(file)' ", with: "")
            .replacingOccurrences(of: file + ": ", with: "")
        if message.isEmpty { message = "GDAL could not read the file" }
        return LumpiniError(
            "gdal-open-failed", message, kind: .input, file: file,
            hint: "check that the file is complete and is CSV, XLSX, Shapefile, GeoJSON, KML, GeoPackage or FlatGeobuf"
        )
    }
}
