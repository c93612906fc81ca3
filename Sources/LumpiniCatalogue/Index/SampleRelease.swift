import Foundation

/// Writes a release into a public tree exactly as the manifest contract describes it
/// (files, then `manifest.json` with their sizes and SHA-256, then the `latest` link), for
/// generated catalogues and tests of the catalogue. Real releases are written by `lumpini release`.
public struct SampleRelease: Sendable {
    /// A file of the release and its bytes.
    public struct File: Sendable {
        public var name: String
        public var format: String
        public var mediaType: String
        public var role: Manifest.File.Role
        public var contents: Data

        public init(name: String, format: String, mediaType: String, role: Manifest.File.Role = .data, contents: Data) {
            self.name = name
            self.format = format
            self.mediaType = mediaType
            self.role = role
            self.contents = contents
        }
    }

    public var metadata: DatasetMetadata
    public var version: Int
    public var releasedAt: Date
    public var files: [File]
    public var counts: Manifest.Counts
    public var extent: Envelope?
    public var geometryType: String?
    public var quality: Manifest.Quality

    public init(
        metadata: DatasetMetadata, version: Int, releasedAt: Date, files: [File], counts: Manifest.Counts,
        extent: Envelope?, geometryType: String?, quality: Manifest.Quality = .init(valid: true, errorCount: 0, warningCount: 0, changedValues: 0)
    ) {
        self.metadata = metadata
        self.version = version
        self.releasedAt = releasedAt
        self.files = files
        self.counts = counts
        self.extent = extent
        self.geometryType = geometryType
        self.quality = quality
    }

    /// The manifest of this release, with the files' sizes and SHA-256. The inputs are the metadata alone:
    /// a sample release has no source files.
    public var manifest: Manifest {
        get throws {
            let entries = files.map { file in
                Manifest.File(
                    path: file.name, format: file.format, mediaType: file.mediaType, size: file.contents.count,
                    sha256: FileDigest.sha256(file.contents), role: file.role)
            }
            let inputs = InputHashes(
                sources: [], datasetYAML: FileDigest.sha256(try JSONOutput.data(metadata, pretty: false)), schema: nil, vocabularies: nil)
            return Manifest(
                id: metadata.id, version: version, releasedAt: Timestamp.format(releasedAt), inputs: inputs, counts: counts,
                extent: extent, geometryType: geometryType, quality: quality, files: entries, metadata: metadata)
        }
    }

    /// Writes the release into `publicRoot/<id>/v<version>/` (its files, then `manifest.json`) and points `latest` at it.
    /// - Returns: the manifest's location.
    @discardableResult
    public func write(into publicRoot: URL, pointLatest: Bool = true) throws -> URL {
        let fileManager = FileManager.default
        let datasetFolder = publicRoot.appendingPathComponent(metadata.id, isDirectory: true)
        let folder = datasetFolder.appendingPathComponent("v\(version)", isDirectory: true)
        try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in files {
            try file.contents.write(to: folder.appendingPathComponent(file.name))
        }
        let manifestURL = folder.appendingPathComponent("manifest.json")
        try JSONOutput.data(try manifest).write(to: manifestURL)
        if pointLatest {
            let link = datasetFolder.appendingPathComponent("latest")
            let temporary = datasetFolder.appendingPathComponent(".latest-\(UUID().uuidString)")
            try fileManager.createSymbolicLink(atPath: temporary.path, withDestinationPath: "v\(version)")
            guard rename(temporary.path, link.path) == 0 else {
                throw LumpiniError("latest-unwritable", "cannot point latest at v\(version)", kind: .internal, file: link.path)
            }
        }
        return manifestURL
    }
}
