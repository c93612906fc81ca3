import Foundation

/// What the catalogue reads from `public/<id>/v<N>/manifest.json` (the shape is defined in
/// `docs/ARCHITECTURE.md`, "The public tree"). `metadata` is the dataset's own `DatasetMetadata`,
/// decoded with the same model that `dataset.yaml` is loaded into.
public struct PublishedManifest: Codable, Sendable, Equatable {
    public struct Counts: Codable, Sendable, Equatable {
        public var rowsIn: Int?
        public var rowsPublished: Int?
        public var rowsQuarantined: Int?
        public var features: Int?

        public init(rowsIn: Int? = nil, rowsPublished: Int? = nil, rowsQuarantined: Int? = nil, features: Int? = nil) {
            self.rowsIn = rowsIn
            self.rowsPublished = rowsPublished
            self.rowsQuarantined = rowsQuarantined
            self.features = features
        }
    }

    /// A bounding box in WGS 84 longitude and latitude.
    public struct Extent: Codable, Sendable, Equatable {
        public var minX: Double
        public var minY: Double
        public var maxX: Double
        public var maxY: Double

        public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
            self.minX = minX
            self.minY = minY
            self.maxX = maxX
            self.maxY = maxY
        }
    }

    public struct Quality: Codable, Sendable, Equatable {
        public var valid: Bool?
        public var errorCount: Int?
        public var warningCount: Int?
        public var changedValues: Int?

        public init(valid: Bool? = nil, errorCount: Int? = nil, warningCount: Int? = nil, changedValues: Int? = nil) {
            self.valid = valid
            self.errorCount = errorCount
            self.warningCount = warningCount
            self.changedValues = changedValues
        }
    }

    /// One file of the release, relative to the version directory.
    public struct File: Codable, Sendable, Equatable {
        public var path: String
        public var format: String
        public var mediaType: String
        public var size: Int64
        public var sha256: String
        /// `data`, `metadata`, `report` or `documentation`.
        public var role: String

        public init(path: String, format: String, mediaType: String, size: Int64, sha256: String, role: String) {
            self.path = path
            self.format = format
            self.mediaType = mediaType
            self.size = size
            self.sha256 = sha256
            self.role = role
        }

        public var isData: Bool { role == "data" }
    }

    public var manifestVersion: Int
    public var id: String
    public var version: Int
    /// ISO 8601 date and time of the release.
    public var releasedAt: String
    public var lumpiniVersion: String?
    public var inputHash: String?
    public var counts: Counts
    public var extent: Extent?
    public var geometryType: String?
    public var quality: Quality?
    public var files: [File]
    public var metadata: DatasetMetadata

    public init(
        manifestVersion: Int = 1, id: String, version: Int, releasedAt: String, lumpiniVersion: String? = LumpiniVersion.current,
        inputHash: String? = nil, counts: Counts, extent: Extent?, geometryType: String?, quality: Quality?,
        files: [File], metadata: DatasetMetadata
    ) {
        self.manifestVersion = manifestVersion
        self.id = id
        self.version = version
        self.releasedAt = releasedAt
        self.lumpiniVersion = lumpiniVersion
        self.inputHash = inputHash
        self.counts = counts
        self.extent = extent
        self.geometryType = geometryType
        self.quality = quality
        self.files = files
        self.metadata = metadata
    }

    /// The files people download: those with role `data`.
    public var dataFiles: [File] { files.filter(\.isData) }

    /// Reads and decodes a `manifest.json`, with a message that names the file and the key when it does not fit.
    public static func read(at url: URL) throws -> PublishedManifest {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw LumpiniError(
                "manifest-unreadable", "cannot read the manifest", kind: .input, file: url.path,
                hint: "check that the release finished; `lumpini verify` re-checks the public tree")
        }
        do {
            return try JSONDecoder().decode(PublishedManifest.self, from: data)
        } catch let error as DecodingError {
            throw LumpiniError(
                "manifest-invalid", "the manifest does not have the expected shape: \(error.plainDescription)",
                kind: .data, file: url.path, hint: "publish the dataset again with this version of lumpini")
        }
    }
}

extension DecodingError {
    /// The key path and the problem, in words.
    var plainDescription: String {
        func path(_ context: Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "the top level" : "\"" + keys.joined(separator: ".").replacingOccurrences(of: ".[", with: "[") + "\""
        }
        switch self {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "missing key \"\(key.stringValue)\"" + (context.codingPath.isEmpty ? "" : " in \(parent)")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "\(self)"
        }
    }
}
