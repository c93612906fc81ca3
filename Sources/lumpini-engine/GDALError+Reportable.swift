import GDAL
import LumpiniCommandLine
import LumpiniCore

/// GDAL's own errors (a file it cannot open) are input errors: exit code 2.
extension GDALError: ReportableError {
    public var kind: FailureKind { .input }
}
