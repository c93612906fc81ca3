import Foundation

/// `lumpini repair`: puts right what `PublicTreeState` reports, the one command that changes an
/// inconsistent public tree, and never by deleting data.
///
/// Links where Lumpini's bookkeeping belongs (`.lumpini`, its staging folder, its lock, a `latest`
/// leading elsewhere) are removed: a link holds no data. Anything else out of place (a `latest` that
/// is a folder, a version or dataset folder that is a link) is moved into
/// `<public>/.lumpini/set-aside/`, never served, for a person to look at. Then `latest` leads to the
/// newest version whose manifest reads. Versions are never deleted, so no number is used again.
public struct PublicTreeRepair: Sendable {
    public let tree: ReleaseTree

    public init(tree: ReleaseTree) {
        self.tree = tree
    }

    var setAsideDirectory: URL { tree.internalDirectory.appendingPathComponent("set-aside", isDirectory: true) }

    /// Repairs the tree under the release lock; returns what was done, one line each (empty: nothing to do).
    public func run(startedAt: String) throws -> [String] {
        var actions: [String] = []
        for url in [tree.internalDirectory, tree.stagingDirectory, tree.lockFile] where FileSystemEntry.kind(of: url.path) == S_IFLNK {
            guard unlink(url.path) == 0 else { throw FileSystemError.make("remove the link", path: url.path) }
            actions.append("removed the symbolic link \(url.path)")
        }
        try PublicTreeState.requireBookkeeping(tree)
        let lock = try ReleaseLock.acquire(tree, startedAt: startedAt)
        defer { lock.release() }
        let commit = VersionCommit(tree: tree)
        for id in tree.datasetIDs() {
            guard case .inconsistent = PublicTreeState.dataset(id, in: tree) else { continue }
            let folder = tree.datasetDirectory(id)
            if FileSystemEntry.kind(of: folder.path) != S_IFDIR {
                actions.append(try setAside(folder, as: id))
                continue
            }
            for version in tree.versions(id) {
                let path = tree.versionDirectory(id, version: version)
                if FileSystemEntry.kind(of: path.path) != S_IFDIR { actions.append(try setAside(path, as: "\(id)-v\(version)")) }
            }
            let latest = tree.latestLink(id)
            switch FileSystemEntry.kind(of: latest.path) {
            case nil: break
            case S_IFLNK:
                guard unlink(latest.path) == 0 else { throw FileSystemError.make("remove the link", path: latest.path) }
                actions.append("removed \(latest.path), which led elsewhere")
            default:
                actions.append(try setAside(latest, as: "\(id)-latest"))
            }
            if let newest = tree.versions(id).last(where: { (try? tree.manifest(id, version: $0)) != nil }) {
                try commit.switchLatest(id: id, to: newest)
                actions.append("\(latest.path) now leads to v\(newest)")
            }
        }
        return actions
    }

    /// Moves `url` (the entry itself, never what a link leads to) into the set-aside folder.
    private func setAside(_ url: URL, as name: String) throws -> String {
        do {
            try FileManager.default.createDirectory(at: setAsideDirectory, withIntermediateDirectories: true)
        } catch {
            throw FileSystemError.make("create the set-aside folder", path: setAsideDirectory.path, errno: EIO)
        }
        let target = setAsideDirectory.appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8).lowercased())")
        try Durability.rename(url.path, to: target.path)
        return "moved \(url.path) aside to \(target.path)"
    }
}
