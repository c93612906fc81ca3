import Foundation

/// One published file a derived dataset was computed from: the input's id, the version read, the file
/// (relative to `<public>/<id>/v<version>/`) and its SHA-256. A derived version's manifest lists them as
/// `derivedFrom`, sorted by id then file, and they are part of its input hash: a new version of an input
/// makes the derived dataset build again.
public struct DerivedSource: Codable, Sendable, Equatable {
    public var id: String
    public var version: Int
    public var file: String
    public var sha256: String

    public init(id: String, version: Int, file: String, sha256: String) {
        self.id = id
        self.version = version
        self.file = file
        self.sha256 = sha256
    }

    /// The latest published version of each file, with the SHA-256 its manifest records (the bytes read
    /// are checked against it when the derivation reads them), sorted by id then file.
    /// - Throws: `derive-input-unpublished` for an input never published, `derive-input-file-missing` for
    ///   a version that does not hold the file (a table without GeoJSON, say).
    public static func resolve(_ files: [(id: String, file: String)], in tree: ReleaseTree, for datasetID: String) throws -> [DerivedSource] {
        var manifests: [String: Manifest] = [:]
        var sources: [DerivedSource] = []
        for (id, file) in files {
            let manifest: Manifest
            if let known = manifests[id] {
                manifest = known
            } else {
                guard let latest = try tree.latestManifest(id) else {
                    throw LumpiniError(
                        "derive-input-unpublished", "the input \"\(id)\" has no published version to derive from", kind: .data,
                        file: "datasets/\(datasetID)/\(DatasetDescription.fileName)", field: "derive",
                        hint: "release \(id) first: it must be approved and publish without errors"
                    )
                }
                manifests[id] = latest
                manifest = latest
            }
            guard let entry = manifest.files.first(where: { $0.path == file && $0.role == .data }) else {
                throw LumpiniError(
                    "derive-input-file-missing", "version \(manifest.version) of \"\(id)\" has no \(file)", kind: .data,
                    file: "datasets/\(datasetID)/\(DatasetDescription.fileName)", field: "derive",
                    hint: "publish \(id) with the format this step reads (outputs.formats), or use another input"
                )
            }
            sources.append(DerivedSource(id: id, version: manifest.version, file: file, sha256: entry.sha256))
        }
        return sources.sorted { ($0.id, $0.file) < ($1.id, $1.file) }
    }

    /// The resolved files of a derivation.
    public static func resolve(_ derivation: Derivation, in tree: ReleaseTree, for datasetID: String) throws -> [DerivedSource] {
        try resolve(derivation.filesRead.map { (id: $0.id, file: $0.fileName) }, in: tree, for: datasetID)
    }
}
