import Foundation

/// A dataset's folder frozen for one release: every file hard-linked (or, across file systems or
/// where links are not allowed, copied) into `<root>/.lumpini/snapshots/<id>-<pid>-<random>/`, which
/// only this run writes. The release hashes and reads the snapshot, never the folder itself.
///
/// Without it, the inputs were hashed by path and read by path a moment later: a source swapped for
/// a symbolic link in between was published while the manifest recorded the good file's hash, so
/// `verify` passed. A hard link names the file's inode, so what is hashed is what is read; a link
/// (`link(2)` does not follow one) or anything that turns out not to be a regular file is refused.
struct DatasetSnapshot {
    let id: String
    /// The real folder, `datasets/<id>/`.
    let source: URL
    /// The snapshot of it.
    let folder: URL

    /// Freezes dataset `id` of `workspace`.
    /// - Throws: `source-path-refused` (exit 2) for a symbolic link leading outside the dataset's folder
    ///   or to a folder, or an entry that is not a regular file or folder; a file-system error otherwise.
    static func take(_ id: String, of workspace: Workspace) throws -> DatasetSnapshot {
        let source = workspace.datasetDirectory(id)
        let parent = workspace.workDirectory.appendingPathComponent("snapshots", isDirectory: true)
        let folder = parent.appendingPathComponent("\(id)-\(getpid())-\(UUID().uuidString.prefix(8).lowercased())", isDirectory: true)
        try makeDirectory(parent, intermediate: true)
        let snapshot = DatasetSnapshot(id: id, source: source, folder: folder)
        do {
            try snapshot.freeze(source, into: folder)
        } catch {
            snapshot.remove()
            throw error
        }
        return snapshot
    }

    /// `workspace` reading this dataset from the snapshot.
    func workspace(_ workspace: Workspace) -> Workspace {
        workspace.reading(id, from: folder)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// `error` naming the dataset's real files instead of their snapshot.
    func restoringPaths(_ error: LumpiniError) -> LumpiniError {
        var restored = error
        restored.file = error.file.map(restoringPaths)
        restored.message = restoringPaths(error.message)
        return restored
    }

    private func restoringPaths(_ text: String) -> String {
        text.replacingOccurrences(of: folder.path, with: source.path)
    }

    /// Links or copies every non-hidden entry of `directory` into `target`, recursively.
    private func freeze(_ directory: URL, into target: URL) throws {
        try Self.makeDirectory(target, intermediate: false)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        for name in names where !name.hasPrefix(".") {
            let entry = directory.appendingPathComponent(name)
            let copy = target.appendingPathComponent(name)
            switch FileSystemEntry.kind(of: entry.path) {
            case S_IFDIR:
                try freeze(entry, into: copy)
            case S_IFREG:
                try link(entry.path, to: copy.path)
            case S_IFLNK:
                try link(resolving: entry, to: copy.path)
            case nil:
                continue
            default:
                throw refusal(entry, "is not a regular file (a pipe or a device)")
            }
        }
    }

    /// A link inside the dataset's folder is frozen as the file it leads to; one leading outside, or to
    /// a folder, is refused.
    private func link(resolving entry: URL, to copy: String) throws {
        guard FileSystemEntry.resolves(entry, inside: source) else { throw refusal(entry, "is a symbolic link leading outside the dataset's folder") }
        let resolved = entry.resolvingSymlinksInPath().path
        switch FileSystemEntry.kind(of: resolved) {
        case S_IFREG: try link(resolved, to: copy)
        case nil: return
        default: throw refusal(entry, "is a symbolic link to a folder or to something that is not a regular file")
        }
    }

    /// Hard-links `path` at `copy`, or copies it where a hard link cannot be made. Either way the result
    /// is checked to be a regular file: `link(2)` links a symbolic link itself, so a file swapped for a
    /// link since it was looked at is caught here.
    private func link(_ path: String, to copy: String) throws {
        if Foundation.link(path, copy) != 0 {
            let code = errno
            guard [EXDEV, EPERM, EMLINK].contains(code) else { throw FileSystemError.make("link into the snapshot", path: path, errno: code) }
            try Self.copy(path, to: copy)
        }
        guard FileSystemEntry.kind(of: copy) == S_IFREG else {
            throw refusal(URL(fileURLWithPath: path), "was replaced by a symbolic link while it was being read")
        }
    }

    /// Copies a regular file, opened without following a link.
    private static func copy(_ path: String, to copy: String) throws {
        let input = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard input >= 0 else { throw FileSystemError.make("read", path: path) }
        defer { close(input) }
        var status = stat()
        guard fstat(input, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { throw FileSystemError.make("read", path: path, errno: EINVAL) }
        let output = open(copy, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard output >= 0 else { throw FileSystemError.make("write", path: copy) }
        defer { close(output) }
        let capacity = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(input, buffer, capacity)
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw FileSystemError.make("read", path: path) }
            if count == 0 { return }
            var written = 0
            while written < count {
                let result = write(output, buffer + written, count - written)
                if result < 0, errno == EINTR { continue }
                guard result > 0 else { throw FileSystemError.make("write", path: copy) }
                written += result
            }
        }
    }

    private static func makeDirectory(_ url: URL, intermediate: Bool) throws {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: intermediate)
        } catch {
            let code = mkdir(url.path, 0o700) == 0 ? EIO : errno
            throw FileSystemError.make("create the snapshot folder", path: url.path, errno: code)
        }
    }

    private func refusal(_ entry: URL, _ reason: String) -> LumpiniError {
        let relative = entry.path.hasPrefix(source.path + "/") ? String(entry.path.dropFirst(source.path.count + 1)) : entry.lastPathComponent
        return LumpiniError(
            "source-path-refused", "\(relative) \(reason)", kind: .input, file: "datasets/\(id)/\(relative)",
            hint: "copy the real file into the dataset's folder instead of linking to it"
        )
    }
}
