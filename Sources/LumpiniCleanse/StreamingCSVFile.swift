import Foundation

/// Writes a CSV file record by record through a buffer into `<file>.<pid>-<random>.partial`, renamed
/// over the final name only when `commit()` is called, so a failed run leaves no half-written file.
/// The partial name is unique: two runs writing the same file (two releases sharing a root, with
/// different public trees) each write their own, and the last rename wins whole.
package final class StreamingCSVFile {
    let url: URL
    private let partial: URL
    private let handle: FileHandle
    private var buffer = ByteBuffer(capacity: 1 << 17)

    package init(_ url: URL, byteOrderMark: Bool = false) throws {
        self.url = url
        partial = url.deletingLastPathComponent()
            .appendingPathComponent("\(url.lastPathComponent).\(getpid())-\(UUID().uuidString.prefix(8).lowercased()).partial")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: partial.path, contents: byteOrderMark ? Data([0xEF, 0xBB, 0xBF]) : Data()) else {
            throw LumpiniError("write-failed", "cannot create the file", kind: .internal, file: partial.path, hint: "check that the folder is writable")
        }
        handle = try FileHandle(forWritingTo: partial)
        try handle.seekToEnd()
    }

    /// Writes one RFC 4180 record.
    package func write(record fields: [String?]) throws {
        buffer.csvRecord(fields)
        if buffer.count >= 1 << 16 { try flush() }
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer.bytes)
        buffer.removeAll()
    }

    package func commit() throws {
        try flush()
        try handle.synchronize()
        try handle.close()
        guard rename(partial.path, url.path) == 0 else {
            throw FileSystemError.make("move the finished file into place", path: url.path)
        }
    }

    /// Removes the partial file after a failure.
    package func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(at: partial)
    }
}
