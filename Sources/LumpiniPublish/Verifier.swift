import Foundation

/// `lumpini verify`: re-hashes every version in the public tree against its manifest.
public struct Verifier: Sendable {
    public let tree: ReleaseTree

    public init(tree: ReleaseTree) {
        self.tree = tree
    }

    /// A file (or link) that does not match what its manifest says.
    public struct Problem: Codable, Sendable, Equatable {
        public enum Kind: String, Codable, Sendable {
            /// Listed in the manifest, not on disk.
            case missing
            /// On disk with other bytes than the manifest's checksum or size.
            case changed
            /// On disk, not listed in the manifest.
            case unlisted
            /// The version has no readable manifest.
            case manifestUnreadable = "manifest-unreadable"
            /// `latest` is missing or leads nowhere.
            case latestBroken = "latest-broken"
        }

        public var kind: Kind
        public var path: String
        public var detail: String?
    }

    public struct VersionReport: Codable, Sendable, Equatable {
        public var version: Int
        public var files: Int
        public var problems: [Problem]
    }

    public struct DatasetReport: Codable, Sendable, Equatable {
        public var id: String
        public var latest: Int?
        public var versions: [VersionReport]
        public var problems: [Problem]

        public var ok: Bool { problems.isEmpty && versions.allSatisfy(\.problems.isEmpty) }
    }

    public struct Report: Codable, Sendable, Equatable {
        public var publicRoot: String
        public var ok: Bool
        public var datasets: [DatasetReport]
    }

    /// Verifies `ids` (every dataset in the tree when nil).
    /// - Throws: `LumpiniError` (exit 2) for an id that has never been published.
    public func verify(ids: [String]? = nil) throws -> Report {
        let published = tree.datasetIDs()
        if let unknown = ids?.first(where: { !published.contains($0) }) {
            throw LumpiniError(
                "dataset-not-published", "no dataset \"\(unknown)\" in the public tree \(tree.root.path)", kind: .input,
                hint: "run `lumpini release \(unknown)` first, or pass --public with the tree it was published to"
            )
        }
        let reports = (ids ?? published).map(verifyDataset)
        return Report(publicRoot: tree.root.path, ok: reports.allSatisfy(\.ok), datasets: reports)
    }

    private func verifyDataset(_ id: String) -> DatasetReport {
        var problems: [Problem] = []
        let latest = tree.latestVersion(id)
        if latest == nil {
            problems.append(Problem(kind: .latestBroken, path: "\(id)/\(ReleaseTree.latestName)", detail: "no link to an existing version"))
        }
        let versions = tree.versions(id).map { verifyVersion(id, $0) }
        return DatasetReport(id: id, latest: latest, versions: versions, problems: problems)
    }

    private func verifyVersion(_ id: String, _ version: Int) -> VersionReport {
        let folder = tree.versionDirectory(id, version: version)
        let prefix = "\(id)/v\(version)/"
        let manifest: Manifest
        do {
            manifest = try tree.manifest(id, version: version)
        } catch {
            return VersionReport(version: version, files: 0, problems: [
                Problem(kind: .manifestUnreadable, path: prefix + Manifest.fileName, detail: (error as? LumpiniError)?.message),
            ])
        }
        var problems: [Problem] = []
        for file in manifest.files {
            let path = folder.appendingPathComponent(file.path).path
            guard FileManager.default.fileExists(atPath: path) else {
                problems.append(Problem(kind: .missing, path: prefix + file.path, detail: nil))
                continue
            }
            guard let actual = try? FileDigest.sha256(ofFile: path) else {
                problems.append(Problem(kind: .changed, path: prefix + file.path, detail: "cannot be read"))
                continue
            }
            if actual.sha256 != file.sha256 || actual.size != file.size {
                problems.append(Problem(
                    kind: .changed, path: prefix + file.path,
                    detail: "sha256 \(actual.sha256) (\(actual.size) bytes), manifest says \(file.sha256) (\(file.size) bytes)"
                ))
            }
        }
        let listed = Set(manifest.files.map(\.path) + [Manifest.fileName])
        for path in (try? InputHashes.regularFiles(under: folder)) ?? [] where !listed.contains(path) {
            problems.append(Problem(kind: .unlisted, path: prefix + path, detail: nil))
        }
        return VersionReport(version: version, files: manifest.files.count, problems: problems)
    }
}
