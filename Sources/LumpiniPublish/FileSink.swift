import Crypto
import Dispatch
import Foundation
import Synchronization

/// The end of a `BufferedFileWriter`: hashes (SHA-256) and writes one full buffer at a time on a
/// queue of its own while the writer fills the next one, so checksums and system calls overlap
/// the encoding; a `FileFollower`, if given, reads each buffer there too. Owns the file descriptor.
///
/// The file goes to disk while it is written: every `syncStretch` bytes a `fdatasync` runs on a
/// queue of its own (one at a time), so the `fsync` of `finish` waits for the last stretch only. A
/// machine with much memory would otherwise keep a whole large file in dirty pages until then, and
/// the release would wait for all of it at the end.
final class FileSink: @unchecked Sendable {
    /// Memory for one buffer of the file; the writer and the sink take turns, never both at once.
    final class Chunk: @unchecked Sendable {
        let bytes: UnsafeMutablePointer<UInt8>
        let capacity: Int
        var count = 0

        init(capacity: Int) {
            self.capacity = capacity
            bytes = .allocate(capacity: capacity)
        }

        deinit { bytes.deallocate() }
    }

    let path: String
    /// -1 once closed: a descriptor number closed twice may by then be another file's.
    private var descriptor: Int32
    private let queue = DispatchQueue(label: "lumpini.file-sink")
    /// Signalled when no write is running: the state below then belongs to the caller.
    private let idle = DispatchSemaphore(value: 1)
    private var hasher = SHA256()
    private var failure: LumpiniError?
    private static let syncStretch = 32 << 20
    private let syncQueue = DispatchQueue(label: "lumpini.file-sink.sync")
    /// Bytes written since the last stretch was handed to `syncQueue` (the sink's queue only).
    private var unsynced = 0
    /// Whether a stretch is being synced, and the failure of one: `fsync` reports a write error
    /// once, so one found in the background must not be lost.
    private let syncing = Mutex<(running: Bool, failure: LumpiniError?)>((false, nil))
    /// Told `finish` or `cancel` once, then let go.
    private var follower: (any FileFollower)?

    /// Creates `path`, which must not exist yet.
    init(path: String, follower: (any FileFollower)? = nil) throws {
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            follower?.cancel()
            throw FileSystemError.make("create the file", path: path)
        }
        self.path = path
        self.follower = follower
    }

    deinit {
        syncQueue.sync {}
        if descriptor >= 0 { close(descriptor) }
        // A file given up before it was finished (a failed release) is not followed to its end.
        follower?.cancel()
    }

    /// Queues `chunk` to be hashed and written after the one before it; the caller must not touch
    /// `chunk` until the next `submit` or `finish` returns.
    /// - Throws: the failure of an earlier write (full disk, read-only tree).
    func submit(_ chunk: Chunk) throws(LumpiniError) {
        idle.wait()
        if let failure {
            idle.signal()
            throw failure
        }
        queue.async { [self] in
            write(chunk)
            idle.signal()
        }
    }

    /// Waits for the last write, syncs the file to disk and closes it. The follower is told the file's
    /// end before the sync, to go on with its last part meanwhile (a failure after cancels it).
    /// - Returns: the SHA-256 of every byte submitted (lowercase hex).
    func finish() throws(LumpiniError) -> String {
        idle.wait()
        defer { idle.signal() }
        if let failure { throw failure }
        let sha256 = hasher.finalize().hexString
        follower?.finish(sha256: sha256)
        follower = nil
        syncQueue.sync {}
        if let failure = syncing.withLock({ $0.failure }) { throw failure }
        guard fsync(descriptor) == 0 else { throw FileSystemError.make("fsync", path: path) }
        let closed = close(descriptor)
        descriptor = -1
        guard closed == 0 else { throw FileSystemError.make("close", path: path) }
        return sha256
    }

    private func write(_ chunk: Chunk) {
        let bytes = UnsafeRawBufferPointer(start: chunk.bytes, count: chunk.count)
        hasher.update(bufferPointer: bytes)
        follower?.follow(bytes)
        var offset = 0
        while offset < chunk.count {
            let written = Foundation.write(descriptor, chunk.bytes + offset, chunk.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failure = FileSystemError.make("write", path: path)
                return
            }
            offset += written
        }
        unsynced += chunk.count
        if unsynced >= Self.syncStretch { syncInBackground() }
    }

    /// Hands what was written so far to `syncQueue`, unless a sync is running there still.
    private func syncInBackground() {
        let start = syncing.withLock { state in
            guard !state.running else { return false }
            state.running = true
            return true
        }
        guard start else { return }
        unsynced = 0
        syncQueue.async { [self, descriptor, path] in
            let failure = fdatasync(descriptor) == 0 ? nil : FileSystemError.make("fsync", path: path)
            syncing.withLock { state in
                state.running = false
                if state.failure == nil { state.failure = failure }
            }
        }
    }
}
