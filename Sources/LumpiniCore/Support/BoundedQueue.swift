import Foundation

/// Elements handed from one thread to another under one lock. At most `capacity` wait at once: a
/// consumer that falls behind holds the producer back instead of letting memory grow. The producer
/// ends the queue with `close` (after which the consumer gets what is left, then the producer's error
/// if it gave one, then the end); either side gives up with `cancel`, which drops what is queued and
/// wakes the other.
package final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    private let capacity: Int
    private let condition = NSCondition()
    private var waiting: [Element] = []
    private var closed = false
    private var failure: (any Error)?
    private var cancelled = false

    package init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Waits for room, then queues `element`.
    /// - Returns: false, dropping the element, once the queue is cancelled.
    @discardableResult
    package func put(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        waiting.append(element)
        condition.broadcast()
        return true
    }

    /// The next element, waiting for one; nil once the queue is closed and every element taken.
    /// - Throws: the error the producer closed the queue with, after its last element; `CancellationError`
    ///   once the queue is cancelled.
    package func take() throws -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty && !closed && !cancelled { condition.wait() }
        if cancelled { throw CancellationError() }
        guard !waiting.isEmpty else {
            if let failure {
                self.failure = nil
                throw failure
            }
            return nil
        }
        condition.broadcast()
        return waiting.removeFirst()
    }

    /// No more elements will come; `failure`, if given, reaches the consumer after the last one.
    package func close(failure: (any Error)? = nil) {
        condition.lock()
        closed = true
        self.failure = failure
        condition.broadcast()
        condition.unlock()
    }

    /// Drops every element, now and later, and wakes both sides.
    package func cancel() {
        condition.lock()
        cancelled = true
        waiting.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
