import Foundation

/// Making writes survive a crash or power loss: `fsync` of files and of the directories that name them.
enum Durability {
    /// Flushes a file or directory to disk.
    static func sync(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileSystemError.make("open for fsync", path: path) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw FileSystemError.make("fsync", path: path) }
    }

    /// Flushes every file under `directory`, then the directories themselves (deepest first).
    static func syncTree(_ directory: URL) throws {
        let manager = FileManager.default
        var directories = [directory.path]
        if let enumerator = manager.enumerator(at: directory, includingPropertiesForKeys: [.isDirectoryKey]) {
            for case let url as URL in enumerator {
                if (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
                    directories.append(url.path)
                } else {
                    try sync(url.path)
                }
            }
        }
        for path in directories.reversed() {
            try sync(path)
        }
    }

    /// Renames atomically (`rename(2)`), replacing `destination` if it is a file or symlink.
    static func rename(_ source: String, to destination: String) throws {
        guard Foundation.rename(source, destination) == 0 else {
            throw FileSystemError.make("rename to \(destination)", path: source)
        }
    }
}
