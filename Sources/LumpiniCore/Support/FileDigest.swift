import Crypto
import Foundation

/// SHA-256 of files and bytes, as lowercase hex.
public enum FileDigest {
    /// Hashes a file by streaming it in 1 MB chunks.
    /// - Throws: `LumpiniError` when the file cannot be read.
    public static func sha256(ofFile path: String) throws -> (size: Int, sha256: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileSystemError.make("read", path: path) }
        defer { close(descriptor) }
        let capacity = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var hasher = SHA256()
        var size = 0
        while true {
            let count = read(descriptor, buffer, capacity)
            if count < 0 {
                if errno == EINTR { continue }
                throw FileSystemError.make("read", path: path)
            }
            if count == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(start: buffer, count: count))
            size += count
        }
        return (size, hasher.finalize().hexString)
    }

    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).hexString
    }

    public static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).hexString
    }
}
