import Foundation

/// What a public tree's bookkeeping looks like before a release touches it, read without following
/// a single symbolic link of its own.
///
/// Releases write `v<N>` folders, then switch `latest` (a link to `v<N>`); `.lumpini/` holds the lock
/// and staging. Anything else in those places — a link where a folder belongs, a `latest` that is a
/// folder or leads elsewhere, a version that is a link — was not made by a release, and acting on it
/// could delete or overwrite what it leads to. Such a tree is reported (exit code 2) and changed only
/// by `lumpini repair`.
enum PublicTreeState {
    /// One dataset's versions.
    enum Dataset: Equatable {
        /// Nothing released yet.
        case fresh
        /// `latest` leads to the newest version.
        case current(Int)
        /// A release renamed version `pending` into place and stopped before switching `latest` (which
        /// leads to `latest`, or is absent for a first release): the version is complete, as a version
        /// is synced in staging, manifest last, before it is renamed. The next release completes it.
        case interrupted(latest: Int?, pending: Int)
        /// Something a release never makes; `problem` says what, `path` where.
        case inconsistent(path: String, problem: String)
    }

    /// Throws `public-tree-inconsistent` when `.lumpini`, its staging folder or its lock is a link or
    /// not what it should be.
    static func requireBookkeeping(_ tree: ReleaseTree) throws {
        for (url, directory) in [(tree.internalDirectory, true), (tree.stagingDirectory, true), (tree.lockFile, false)] {
            guard let kind = FileSystemEntry.kind(of: url.path) else { continue }
            if kind == S_IFLNK {
                throw inconsistent(url.path, "is a symbolic link; Lumpini never follows links in its own bookkeeping")
            }
            if kind != (directory ? S_IFDIR : S_IFREG) {
                throw inconsistent(url.path, "is not a \(directory ? "folder" : "file")")
            }
        }
    }

    /// The state of dataset `id`'s folder.
    static func dataset(_ id: String, in tree: ReleaseTree) -> Dataset {
        let folder = tree.datasetDirectory(id)
        guard FileSystemEntry.kind(of: folder.path) == S_IFDIR else {
            return .inconsistent(path: folder.path, problem: "the dataset's folder is not a folder (a symbolic link?)")
        }
        let versions = tree.versions(id)
        for version in versions {
            let path = tree.versionDirectory(id, version: version).path
            if FileSystemEntry.kind(of: path) != S_IFDIR {
                return .inconsistent(path: path, problem: "v\(version) is not a folder (a symbolic link?)")
            }
        }
        let latest = tree.latestLink(id).path
        switch FileSystemEntry.kind(of: latest) {
        case nil:
            if versions.isEmpty { return .fresh }
            if versions == [1] { return pending(1, latest: nil, id: id, tree: tree) }
            return .inconsistent(path: latest, problem: "there are versions but no `latest`")
        case S_IFLNK:
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: latest)) ?? ""
            guard let version = ReleaseTree.versionNumber(target), versions.contains(version) else {
                return .inconsistent(path: latest, problem: "`latest` leads to \"\(target.prefix(120))\", not to a version of this dataset")
            }
            let newest = versions.last ?? version
            return newest == version ? .current(version) : pending(newest, latest: version, id: id, tree: tree)
        default:
            return .inconsistent(path: latest, problem: "`latest` is not a symbolic link (a copied folder?)")
        }
    }

    /// Every inconsistent dataset of the tree.
    /// The versions that interrupted releases renamed into place without switching `latest`, by dataset.
    /// - Throws: `public-tree-inconsistent` (exit code 2) naming the first inconsistency and how many there
    ///   are, when the bookkeeping or any dataset is not as releases leave it.
    static func requireConsistent(_ tree: ReleaseTree) throws -> [(id: String, version: Int)] {
        try requireBookkeeping(tree)
        var problems: [(path: String, problem: String)] = []
        var pending: [(id: String, version: Int)] = []
        for id in tree.datasetIDs() {
            switch dataset(id, in: tree) {
            case .inconsistent(let path, let problem): problems.append((path, problem))
            case .interrupted(_, let version): pending.append((id, version))
            case .fresh, .current: continue
            }
        }
        guard let first = problems.first else { return pending }
        let others = problems.count > 1 ? " (and \(problems.count - 1) more dataset\(problems.count == 2 ? "" : "s"))" : ""
        throw inconsistent(first.path, "\(first.problem)\(others)")
    }

    private static func pending(_ version: Int, latest: Int?, id: String, tree: ReleaseTree) -> Dataset {
        guard (try? tree.manifest(id, version: version)) != nil else {
            return .inconsistent(path: tree.versionDirectory(id, version: version).path, problem: "v\(version) is newer than `latest` and has no readable manifest")
        }
        return .interrupted(latest: latest, pending: version)
    }

    static func inconsistent(_ path: String, _ problem: String) -> LumpiniError {
        LumpiniError(
            "public-tree-inconsistent", "the public tree was not left this way by a release: \(problem)", kind: .input, file: path,
            hint: "nothing was changed; `lumpini repair` sets such entries aside under .lumpini/set-aside/ and points `latest` at the newest complete version"
        )
    }
}
