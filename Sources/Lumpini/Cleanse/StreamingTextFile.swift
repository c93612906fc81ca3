import Foundation

/// Writes a text file line by line through a buffer into `<file>.partial`, renamed over the
/// final name only when `commit()` is called, so a failed run leaves no half-written file.
final class StreamingTextFile {
    let url: URL
    private let partial: URL
    private let handle: FileHandle
    private var buffer = Data()

    init(_ url: URL, byteOrderMark: Bool = false) throws {
        self.url = url
        partial = url.appendingPathExtension("partial")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: partial.path, contents: byteOrderMark ? Data([0xEF, 0xBB, 0xBF]) : Data()) else {
            throw LumpiniError("write-failed", "cannot create the file", kind: .internal, file: partial.path, hint: "check that the folder is writable")
        }
        handle = try FileHandle(forWritingTo: partial)
        try handle.seekToEnd()
    }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    func commit() throws {
        try flush()
        try handle.synchronize()
        try handle.close()
        if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        try FileManager.default.moveItem(at: partial, to: url)
    }

    /// Removes the partial file after a failure.
    func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(at: partial)
    }
}
