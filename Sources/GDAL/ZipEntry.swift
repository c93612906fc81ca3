import CGDAL

/// Reads a file inside a local zip archive through GDAL's `/vsizip/` (Office workbooks are zips),
/// for the parts of a format GDAL's driver does not expose, such as an XLSX sheet's merged cells.
///
/// Only for local archives: remote paths are refused by `RemotePathPolicy` before anything opens them.
public struct ZipEntry {
    /// The archive's path on the local file system.
    public let archive: String
    /// The entry's path inside the archive, for example `xl/workbook.xml`.
    public let entry: String

    public init(archive: String, entry: String) {
        self.archive = archive
        self.entry = entry
    }

    private var virtualPath: String { "/vsizip/{\(archive)}/\(entry)" }

    /// The whole entry, or nil when the archive or the entry cannot be read or the entry is
    /// larger than `limit` bytes. See `VSIFOpenL`.
    public func read(limit: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        let complete = forEachChunk { chunk in
            bytes += chunk
            return bytes.count <= limit
        }
        return complete == true ? bytes : nil
    }

    /// Calls `body` with the entry's bytes, a chunk at a time, while it returns true.
    /// - Returns: true when the whole entry was read, false when `body` stopped, nil when it cannot be opened.
    @discardableResult
    public func forEachChunk(size: Int = 1 << 20, _ body: ([UInt8]) -> Bool) -> Bool? {
        guard !RemotePathPolicy.isRemote(archive), let file = VSIFOpenL(virtualPath, "rb") else {
            CPLErrorReset()
            return nil
        }
        defer { VSIFCloseL(file) }
        var buffer = [UInt8](repeating: 0, count: size)
        while true {
            let count = buffer.withUnsafeMutableBytes { VSIFReadL($0.baseAddress, 1, size, file) }
            if count == 0 { return true }
            guard body(Array(buffer.prefix(count))) else { return false }
        }
    }
}
