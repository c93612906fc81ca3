import Foundation

/// Blocks of a file handed from the thread writing it to the thread reading it. At most `capacity`
/// wait at once: a reader that falls behind holds the writer back instead of letting memory grow.
final class BlockQueue: @unchecked Sendable {
    private let capacity: Int
    private let condition = NSCondition()
    private var blocks: [Data] = []
    /// The writer gave the last block.
    private var closed = false
    /// The reader stopped, or the writer gave up: blocks are dropped and `take` throws.
    private var abandoned = false

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Adds a block, waiting while the queue is full; dropped once the queue is abandoned.
    func put(_ block: Data) {
        condition.lock()
        defer { condition.unlock() }
        while blocks.count >= capacity && !abandoned { condition.wait() }
        guard !abandoned else { return }
        blocks.append(block)
        condition.broadcast()
    }

    /// The next block, waiting for one; empty once the writer closed the queue and every block was taken.
    /// - Throws: `CancellationError` once the queue is abandoned.
    func take() throws -> Data {
        condition.lock()
        defer { condition.unlock() }
        while blocks.isEmpty && !closed && !abandoned { condition.wait() }
        if abandoned { throw CancellationError() }
        guard !blocks.isEmpty else { return Data() }
        condition.broadcast()
        return blocks.removeFirst()
    }

    /// No more blocks will come.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Drops every block, now and later, and wakes both sides.
    func abandon() {
        condition.lock()
        abandoned = true
        blocks.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
