import Foundation

/// Where a city keeps its datasets and schemas, and where releases go.
///
/// `datasets/` and `schemas/` live under the root: `--root DIR`, else `LUMPINI_ROOT`, else the
/// current directory. The public tree is `--public DIR`, else `LUMPINI_PUBLIC`, else `<root>/public`.
public struct Workspace: Sendable, Equatable {
    public let root: URL
    public let publicRoot: URL

    public init(root: String? = nil, publicRoot: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let cwd = FileManager.default.currentDirectoryPath
        let rootPath = root ?? environment["LUMPINI_ROOT"] ?? cwd
        self.root = URL(fileURLWithPath: rootPath, relativeTo: URL(fileURLWithPath: cwd, isDirectory: true)).standardizedFileURL
        if let publicPath = publicRoot ?? environment["LUMPINI_PUBLIC"] {
            self.publicRoot = URL(fileURLWithPath: publicPath, relativeTo: URL(fileURLWithPath: cwd, isDirectory: true)).standardizedFileURL
        } else {
            self.publicRoot = self.root.appendingPathComponent("public", isDirectory: true)
        }
    }

    public var datasetsDirectory: URL { root.appendingPathComponent("datasets", isDirectory: true) }
    public var schemasDirectory: URL { root.appendingPathComponent("schemas", isDirectory: true) }
    /// Working files that are not public: cleansed records, quarantines, reports of dry runs.
    public var workDirectory: URL { root.appendingPathComponent(".lumpini", isDirectory: true) }

    public func datasetDirectory(_ id: String) -> URL {
        datasetsDirectory.appendingPathComponent(id, isDirectory: true)
    }

    /// The ids of every dataset folder holding a `dataset.yaml`, sorted.
    public func datasetIDs() throws -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: datasetsDirectory.path)) ?? []
        return names.filter {
            FileManager.default.fileExists(atPath: datasetsDirectory.appendingPathComponent($0).appendingPathComponent("dataset.yaml").path)
        }.sorted()
    }
}
