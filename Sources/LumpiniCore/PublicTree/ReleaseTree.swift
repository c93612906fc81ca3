import Foundation

/// The public tree as releases write it: `<public>/<id>/v<N>/` per version, `<public>/<id>/latest`
/// leading to the current one, and `<public>/.lumpini/` (lock, staging) that is never served.
public struct ReleaseTree: Sendable, Equatable {
    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    public static let latestName = "latest"
    /// The public site's own folder (`lumpini site`): assets, search index, pages other than a dataset's.
    /// Dataset ids are slugs, so no dataset can have this name.
    public static let siteDirectoryName = "_site"
    /// The name prefix of the link that is renamed over `latest`.
    public static let temporaryLinkPrefix = ".latest-"

    /// `<public>/.lumpini/`: lock and staging, never served.
    public var internalDirectory: URL { root.appendingPathComponent(".lumpini", isDirectory: true) }
    public var stagingDirectory: URL { internalDirectory.appendingPathComponent("staging", isDirectory: true) }
    public var lockFile: URL { internalDirectory.appendingPathComponent("lock") }

    public func datasetDirectory(_ id: String) -> URL {
        root.appendingPathComponent(id, isDirectory: true)
    }

    public func versionDirectory(_ id: String, version: Int) -> URL {
        datasetDirectory(id).appendingPathComponent("v\(version)", isDirectory: true)
    }

    public func latestLink(_ id: String) -> URL {
        datasetDirectory(id).appendingPathComponent(Self.latestName)
    }

    /// The version `latest` leads to, nil when the dataset was never released (or the link is broken).
    public func latestVersion(_ id: String) -> Int? {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: latestLink(id).path),
              let version = Self.versionNumber(target),
              FileManager.default.fileExists(atPath: versionDirectory(id, version: version).path) else { return nil }
        return version
    }

    /// Every `v<N>` folder of the dataset, ascending.
    public func versions(_ id: String) -> [Int] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: datasetDirectory(id).path)) ?? []
        return names.compactMap(Self.versionNumber).sorted()
    }

    /// The ids of every dataset in the tree (folders not starting with `.`, and not the site's), sorted.
    public func datasetIDs() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".") && name != Self.siteDirectoryName && FileManager.default.fileExists(atPath: datasetDirectory(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }

    /// The latest version's manifest.
    /// - Throws: `LumpiniError` when it exists but cannot be read.
    public func latestManifest(_ id: String) throws -> Manifest? {
        guard let version = latestVersion(id) else { return nil }
        return try manifest(id, version: version)
    }

    public func manifest(_ id: String, version: Int) throws -> Manifest {
        try readJSON(Manifest.self, from: versionDirectory(id, version: version).appendingPathComponent(Manifest.fileName))
    }

    /// Only the input hash and version of the latest manifest: the cheap read behind incremental releases.
    public func latestInputHash(_ id: String) -> ManifestInputHash? {
        guard let version = latestVersion(id) else { return nil }
        let url = versionDirectory(id, version: version).appendingPathComponent(Manifest.fileName)
        return try? readJSON(ManifestInputHash.self, from: url)
    }

    private func readJSON<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(contentsOf: url))
        } catch {
            throw LumpiniError(
                "manifest-unreadable", "the manifest cannot be read: \(error.localizedDescription)", kind: .data,
                file: url.path, hint: "run `lumpini verify`; release again with --force to rebuild the dataset"
            )
        }
    }

    public static func versionNumber(_ name: String) -> Int? {
        guard name.hasPrefix("v"), let number = Int(name.dropFirst()), number > 0, "v\(number)" == name else { return nil }
        return number
    }
}
