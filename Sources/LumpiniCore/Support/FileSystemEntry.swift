import Foundation

/// What is at a path, read without following a link, and whether a path stays inside a folder once
/// every link on the way is followed: the two questions every containment rule asks (a dataset's
/// sources and their parts, its snapshot, the public tree's bookkeeping).
public enum FileSystemEntry {
    /// The file type of `path` itself (`S_IFREG`, `S_IFDIR`, `S_IFLNK`, …); nil when nothing is there.
    public static func kind(of path: String) -> mode_t? {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : nil
    }

    /// Whether `url`, with every symbolic link on the way followed, is `folder` or inside it.
    public static func resolves(_ url: URL, inside folder: URL) -> Bool {
        let root = folder.resolvingSymlinksInPath().standardizedFileURL.path
        let resolved = url.resolvingSymlinksInPath().standardizedFileURL.path
        return resolved == root || resolved.hasPrefix(root + "/")
    }
}
