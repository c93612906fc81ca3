import Foundation

/// Moving a staged version into public view, atomically, and cleaning up after crashes.
///
/// The order is what makes a crash at any moment harmless: the version is complete and synced in
/// staging; one `rename(2)` makes `v<N>` appear whole; a new symlink is created beside `latest` and
/// renamed over it, so `latest` always leads to a complete version, the old one or the new one.
/// Must run under the `ReleaseLock`.
struct VersionCommit {
    let tree: ReleaseTree

    /// A new, empty staging folder for dataset `id`.
    func makeStaging(for id: String) throws -> URL {
        let folder = tree.stagingDirectory.appendingPathComponent("\(id)-\(UUID().uuidString.prefix(8).lowercased())", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw FileSystemError.make("create the staging folder", path: folder.path, errno: (error as NSError).underlyingErrorCode)
        }
        return folder
    }

    /// Removes a staging folder that will not be published.
    func discard(_ staging: URL) {
        try? FileManager.default.removeItem(at: staging)
    }

    /// Publishes `staging` as version `version` of `id` and points `latest` at it.
    func commit(_ staging: URL, id: String, version: Int) throws {
        let datasetFolder = tree.datasetDirectory(id)
        let target = tree.versionDirectory(id, version: version)
        try Durability.syncTree(staging)
        if !FileManager.default.fileExists(atPath: datasetFolder.path) {
            do {
                try FileManager.default.createDirectory(at: datasetFolder, withIntermediateDirectories: true)
            } catch {
                throw FileSystemError.make("create the dataset's folder", path: datasetFolder.path, errno: (error as NSError).underlyingErrorCode)
            }
            try Durability.sync(tree.root.path)
        }
        guard !FileManager.default.fileExists(atPath: target.path) else {
            throw LumpiniError(
                "version-exists", "version \(version) of \(id) already exists", kind: .internal, file: target.path,
                hint: "another process wrote to the public tree without the lock; run `lumpini verify`"
            )
        }
        PausePoint.staged.reach()
        try Durability.rename(staging.path, to: target.path)
        try Durability.sync(datasetFolder.path)
        PausePoint.renamed.reach()
        try switchLatest(id: id, to: version)
        PausePoint.switched.reach()
    }

    /// Points `latest` at `v<version>`: a temporary symlink renamed over the old one.
    func switchLatest(id: String, to version: Int) throws {
        let folder = tree.datasetDirectory(id)
        let temporary = folder.appendingPathComponent("\(ReleaseTree.temporaryLinkPrefix)\(getpid())-\(UUID().uuidString.prefix(8))").path
        guard symlink("v\(version)", temporary) == 0 else {
            throw FileSystemError.make("create the link to v\(version)", path: temporary)
        }
        try Durability.rename(temporary, to: tree.latestLink(id).path)
        try Durability.sync(folder.path)
    }

    /// Clears what an interrupted release left in its own bookkeeping (staging folders, temporary
    /// links) and completes a commit that stopped between renaming a version into place and switching
    /// `latest` (`interrupted`, as `PublicTreeState.requireConsistent` found them). Never deletes a
    /// version, so no version number is used twice. Runs after that check, which refuses a staging
    /// folder or `.lumpini` that is a link, so nothing here is removed through one.
    func completeInterrupted(_ interrupted: [(id: String, version: Int)]) throws {
        let manager = FileManager.default
        for name in (try? manager.contentsOfDirectory(atPath: tree.stagingDirectory.path)) ?? [] {
            try? manager.removeItem(at: tree.stagingDirectory.appendingPathComponent(name))
        }
        for id in tree.datasetIDs() {
            let folder = tree.datasetDirectory(id)
            for name in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix(ReleaseTree.temporaryLinkPrefix) {
                let link = folder.appendingPathComponent(name).path
                if FileSystemEntry.kind(of: link) == S_IFLNK { unlink(link) }
            }
        }
        for (id, version) in interrupted {
            try switchLatest(id: id, to: version)
        }
    }
}

private extension NSError {
    /// The POSIX error behind a Foundation file error, for the message.
    var underlyingErrorCode: Int32 {
        (userInfo[NSUnderlyingErrorKey] as? NSError).map { Int32($0.code) } ?? EIO
    }
}
