import Foundation

/// Where a city keeps its datasets and schemas, and where releases go.
///
/// `datasets/` and `schemas/` live under the root: `--root DIR`, else `LUMPINI_ROOT`, else the
/// current directory. The public tree is `--public DIR`, else `LUMPINI_PUBLIC`, else `<root>/public`.
public struct Workspace: Sendable, Equatable {
    public let root: URL
    public let publicRoot: URL
    /// A dataset read from another folder than `datasets/<id>/` (a release's snapshot of it).
    private var relocatedID: String?
    private var relocatedFolder: URL?

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
        if id == relocatedID, let relocatedFolder { return relocatedFolder }
        return datasetsDirectory.appendingPathComponent(id, isDirectory: true)
    }

    /// This workspace with dataset `id` read from `folder`; every other path is unchanged.
    public func reading(_ id: String, from folder: URL) -> Workspace {
        var workspace = self
        workspace.relocatedID = id
        workspace.relocatedFolder = folder
        return workspace
    }

    /// Throws when the public tree would hold or be held by the workspace's private folders: inside
    /// `datasets/` or `schemas/` (a release would publish into the agencies' files), inside the work folder
    /// `.lumpini/` (never served), or the root itself or a folder above it (the raw sources would be served).
    public func requirePublicTreeApart() throws {
        let publicPath = Self.resolved(publicRoot)
        let rootPath = Self.resolved(root)
        func inside(_ folder: URL) -> Bool {
            let path = Self.resolved(folder)
            return publicPath == path || publicPath.hasPrefix(path + "/")
        }
        let refusal: String? = if inside(datasetsDirectory) || inside(schemasDirectory) {
            "it is inside the datasets or schemas of \(root.path)"
        } else if inside(workDirectory) {
            "it is inside the work folder \(workDirectory.path), which is never public"
        } else if rootPath == publicPath || rootPath.hasPrefix(publicPath == "/" ? "/" : publicPath + "/") {
            "it holds the workspace \(root.path), whose sources would then be served"
        } else {
            nil
        }
        if let refusal {
            throw LumpiniError(
                "public-tree-refused", "the public tree \(publicRoot.path) is refused: \(refusal)", kind: .input,
                hint: "give --public (or LUMPINI_PUBLIC) a folder of its own, such as <root>/public"
            )
        }
    }

    /// `url` with every symbolic link in the part that exists resolved, so two spellings of one folder compare equal.
    private static func resolved(_ url: URL) -> String {
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        var path = existing.resolvingSymlinksInPath().path
        for component in rest { path = (path as NSString).appendingPathComponent(component) }
        return path
    }

    /// The ids of every dataset folder holding a `dataset.yaml`, sorted.
    public func datasetIDs() throws -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: datasetsDirectory.path)) ?? []
        return names.filter {
            FileManager.default.fileExists(atPath: datasetsDirectory.appendingPathComponent($0).appendingPathComponent("dataset.yaml").path)
        }.sorted()
    }
}
