import GeoTypes

/// `manifest.json`: what one released version holds, how it was made and the checksum of every
/// file. Written last in a version, it is the source of truth for `verify` and the catalogue.
/// The keys are those of `docs/ARCHITECTURE.md` and stay stable.
public struct Manifest: Codable, Sendable, Equatable {
    public static let fileName = "manifest.json"
    public static let currentVersion = 1

    public var manifestVersion: Int
    public var id: String
    public var version: Int
    /// ISO 8601 UTC, to the second.
    public var releasedAt: String
    public var lumpiniVersion: String
    public var inputHash: String
    public var inputs: InputHashes
    public var counts: Counts
    /// Null for datasets without geometry.
    public var extent: Envelope?
    /// The GeoJSON geometry type of every feature, "Mixed" when they differ, null without geometry.
    public var geometryType: String?
    public var quality: Quality
    public var files: [File]
    public var metadata: DatasetMetadata
    /// For a derived dataset, the published files it was computed from (`inputs.derivedFrom`); absent otherwise.
    public var derivedFrom: [DerivedSource]? { inputs.derivedFrom }

    public struct Counts: Codable, Sendable, Equatable {
        public var rowsIn: Int
        public var rowsPublished: Int
        public var rowsQuarantined: Int
        public var features: Int
        /// `rowsQuarantined` by stage and reason; absent from manifests written before it was recorded.
        public var quarantineReasons: QuarantineReasons?

        public init(rowsIn: Int, rowsPublished: Int, rowsQuarantined: Int, features: Int, quarantineReasons: QuarantineReasons? = nil) {
            self.rowsIn = rowsIn
            self.rowsPublished = rowsPublished
            self.rowsQuarantined = rowsQuarantined
            self.features = features
            self.quarantineReasons = quarantineReasons
        }
    }

    public struct Quality: Codable, Sendable, Equatable {
        public var valid: Bool
        public var errorCount: Int
        public var warningCount: Int
        /// Values the cleansing recipe changed.
        public var changedValues: Int

        public init(valid: Bool, errorCount: Int, warningCount: Int, changedValues: Int) {
            self.valid = valid
            self.errorCount = errorCount
            self.warningCount = warningCount
            self.changedValues = changedValues
        }
    }

    /// One file of the version, relative to its folder.
    public struct File: Codable, Sendable, Equatable {
        public enum Role: String, Codable, Sendable {
            case data, metadata, report, documentation
        }

        public var path: String
        public var format: String
        public var mediaType: String
        public var size: Int
        public var sha256: String
        public var role: Role

        public init(path: String, format: String, mediaType: String, size: Int, sha256: String, role: Role) {
            self.path = path
            self.format = format
            self.mediaType = mediaType
            self.size = size
            self.sha256 = sha256
            self.role = role
        }
    }

    public init(
        id: String, version: Int, releasedAt: String, inputs: InputHashes, counts: Counts, extent: Envelope?,
        geometryType: String?, quality: Quality, files: [File], metadata: DatasetMetadata,
        lumpiniVersion: String = LumpiniVersion.current
    ) {
        manifestVersion = Manifest.currentVersion
        self.id = id
        self.version = version
        self.releasedAt = releasedAt
        self.lumpiniVersion = lumpiniVersion
        inputHash = inputs.inputHash(lumpiniVersion: lumpiniVersion)
        self.inputs = inputs
        self.counts = counts
        self.extent = extent
        self.geometryType = geometryType
        self.quality = quality
        self.files = files
        self.metadata = metadata
    }

    private enum CodingKeys: String, CodingKey {
        case manifestVersion, id, version, releasedAt, lumpiniVersion, inputHash, inputs, counts
        case extent, geometryType, quality, files, metadata
    }

    /// Written, never read: `derivedFrom` is decoded where it is kept, in `inputs`.
    private enum AuditKeys: String, CodingKey {
        case derivedFrom
    }

    /// Encodes `extent` and `geometryType` as `null` when absent, so every manifest has every key
    /// (`derivedFrom` only for derived datasets).
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(manifestVersion, forKey: .manifestVersion)
        try container.encode(id, forKey: .id)
        try container.encode(version, forKey: .version)
        try container.encode(releasedAt, forKey: .releasedAt)
        try container.encode(lumpiniVersion, forKey: .lumpiniVersion)
        try container.encode(inputHash, forKey: .inputHash)
        try container.encode(inputs, forKey: .inputs)
        try container.encode(counts, forKey: .counts)
        try container.encode(extent, forKey: .extent)
        try container.encode(geometryType, forKey: .geometryType)
        try container.encode(quality, forKey: .quality)
        try container.encode(files, forKey: .files)
        try container.encode(metadata, forKey: .metadata)
        // Top-level too, where auditors and the independent checks look for it.
        var audit = encoder.container(keyedBy: AuditKeys.self)
        try audit.encodeIfPresent(derivedFrom, forKey: .derivedFrom)
    }
}

/// Only the inputs of a manifest: what the incremental check reads, and nothing more.
public struct ManifestInputHash: Decodable, Sendable {
    public var inputHash: String
    public var version: Int
    public var inputs: InputHashes
}
