import Dispatch
import Foundation
import Synchronization

/// Where access-log lines go: they are gathered and written to the file descriptor by a queue of their
/// own, a batch per write at most every `interval`, so a request never waits for a slow terminal or a
/// full pipe to the journal, lines are never split or mixed, and a busy server wakes the writer a hundred
/// times a second rather than once per request. Past `bound` bytes waiting, a request waits for the
/// writer, so memory stays bounded.
final class AccessLogOutput: Sendable {
    static let standardOutput = AccessLogOutput(descriptor: STDOUT_FILENO)
    static let bound = 1 << 20
    static let interval = DispatchTimeInterval.milliseconds(10)

    private let descriptor: Int32
    private let pending = Mutex<[UInt8]>([])
    private let queue = DispatchQueue(label: "lumpini-serve.access-log")

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Hands over a line (with its newline) to be written.
    func append(_ line: String) {
        let (first, full) = pending.withLock { pending in
            let first = pending.isEmpty
            pending.append(contentsOf: line.utf8)
            return (first, pending.count > Self.bound)
        }
        if full {
            queue.sync { drain() }
        } else if first {
            queue.asyncAfter(deadline: .now() + Self.interval) { self.drain() }
        }
    }

    /// Writes every line handed over so far, before the server's process ends.
    func flush() {
        queue.sync { drain() }
    }

    private func drain() {
        let bytes = pending.withLock { pending in
            let bytes = pending
            pending.removeAll(keepingCapacity: true)
            return bytes
        }
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + done, buffer.count - done)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return }  // standard output closed: the lines have nowhere to go
                done += written
            }
        }
    }
}
