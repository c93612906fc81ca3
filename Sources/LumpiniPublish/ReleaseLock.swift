import Foundation

/// An exclusive lock on a public tree (`flock` on `<public>/.lumpini/lock`), so two releases never
/// write the same tree at once. The holder writes its pid, host and start time into the file; a
/// second release reads them to say who holds the lock. The kernel frees the lock when the holder
/// dies, however it dies.
public final class ReleaseLock {
    private var descriptor: Int32
    public let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit {
        release()
    }

    /// Takes the lock or throws at once, naming the holder.
    /// - Throws: `LumpiniError` `release-locked` (exit code 2) when another process holds it.
    public static func acquire(_ tree: ReleaseTree, startedAt: String) throws -> ReleaseLock {
        let path = tree.lockFile.path
        do {
            try FileManager.default.createDirectory(at: tree.internalDirectory, withIntermediateDirectories: true)
        } catch {
            // FileManager's error hides errno; mkdir once more to learn it (EROFS, ENOSPC, EACCES…).
            let code = mkdir(tree.internalDirectory.path, 0o755) == 0 ? EACCES : errno
            throw FileSystemError.make("create the public tree's folder", path: tree.internalDirectory.path, errno: code)
        }
        // O_NOFOLLOW: the lock is truncated and written below, so a link planted in its place must not
        // lead that write to another file.
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            guard code == ELOOP else { throw FileSystemError.make("open the lock file", path: path, errno: code) }
            throw PublicTreeState.inconsistent(path, "is a symbolic link; Lumpini never follows links in its own bookkeeping")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            let holder = Self.holder(descriptor)
            close(descriptor)
            guard code == EWOULDBLOCK else { throw FileSystemError.make("lock", path: path, errno: code) }
            throw LumpiniError(
                "release-locked", "another release is running on this public tree (\(holder ?? "holder unknown"))",
                kind: .input, file: path, hint: "wait for it to finish; the lock frees itself when that process ends"
            )
        }
        let info = "pid \(getpid()) on host \(ProcessInfo.processInfo.hostName) since \(startedAt)\n"
        ftruncate(descriptor, 0)
        _ = info.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        return ReleaseLock(descriptor: descriptor, path: path)
    }

    /// Frees the lock (also done when the lock is dropped).
    public func release() {
        guard descriptor >= 0 else { return }
        ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    private static func holder(_ descriptor: Int32) -> String? {
        var bytes = [UInt8](repeating: 0, count: 512)
        let count = pread(descriptor, &bytes, bytes.count, 0)
        guard count > 0 else { return nil }
        let text = String(decoding: bytes[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : "held by " + text
    }
}
