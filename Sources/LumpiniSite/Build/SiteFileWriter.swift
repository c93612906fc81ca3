import Foundation

/// Writes the site's files: each only when its bytes differ from what is there (a rebuild touches only
/// what changed, and caches and mirrors keep the rest), through a temporary file renamed over the old
/// one, so a reader never sees half a page. Dataset pages are written from several threads at once.
final class SiteFileWriter: @unchecked Sendable {
    private let lock = NSLock()
    private var written: [String] = []
    private var unchanged = 0

    /// The files written, and how many were left as they were.
    var writtenFiles: [String] { lock.withLock { written } }
    var unchangedCount: Int { lock.withLock { unchanged } }

    func write(_ data: Data, to url: URL) throws {
        if let existing = FileManager.default.contents(atPath: url.path), existing == data {
            lock.withLock { unchanged += 1 }
            return
        }
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
            try data.write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                try? FileManager.default.removeItem(at: temporary)
                throw FileSystemError.make("rename the page into place", path: url.path)
            }
        } catch let error as LumpiniError {
            throw error
        } catch {
            throw LumpiniError("site-write-failed", "cannot write \(url.path): \(error.localizedDescription)", kind: .input,
                               hint: "check that the public tree is writable and the disk has room")
        }
        lock.withLock { written.append(url.path) }
    }

    func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }
}
