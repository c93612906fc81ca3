import CGDAL

/// Refuses paths that would make GDAL reach the network.
///
/// GDAL opens URLs and network virtual file systems transparently; an agency's file must
/// never make Lumpini fetch anything. The check runs before GDAL sees the path.
public enum RemotePathPolicy {
    static let remotePrefixes = [
        "/vsicurl", "/vsis3", "/vsigs", "/vsiaz", "/vsiadls", "/vsioss", "/vsiswift",
        "/vsiwebhdfs", "/vsihdfs",
    ]
    static let remoteSchemes = ["http:", "https:", "ftp:", "ftps:", "s3:", "gs:", "az:", "file:"]

    /// Whether `path` names something remote, anywhere in a chain such as `/vsizip//vsicurl/…`.
    public static func isRemote(_ path: String) -> Bool {
        let lowered = path.lowercased()
        if remoteSchemes.contains(where: { lowered.hasPrefix($0) }) || lowered.contains("://") {
            return true
        }
        return remotePrefixes.contains { lowered.contains($0 + "/") || lowered.contains($0 + "_streaming/") }
    }

    /// Throws when `path` is remote.
    public static func requireLocal(_ path: String) throws {
        if isRemote(path) {
            throw GDALError(
                number: CPLE_NotSupported,
                message: "remote sources are refused: copy the file into the dataset's folder and point at it there",
                function: "RemotePathPolicy",
                path: path
            )
        }
    }
}
