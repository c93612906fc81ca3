import GDAL
import Lumpini
import LumpiniCommandLine
import LumpiniCore

/// GDAL's own errors are reported as their kind (`GDALError.kind`) says.
extension GDALError: ReportableError {}
