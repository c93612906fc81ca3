import Foundation

/// Produces elements on a thread of its own, ahead of the one consuming them, so reading and
/// decoding a file overlaps the work done on what was read. Elements travel in batches; at most
/// `maximumBatches` wait, so memory stays bounded when the consumer is the slower side. The
/// producer's error arrives after the elements produced before it, where a direct read would
/// have thrown it. Dropping the `ReadAhead` stops the producer at its next batch.
///
/// ```swift
/// let rows = ReadAhead(produce: { try source.nextRow() })   // `source` now belongs to the producer
/// while let row = try rows.next() { … }
/// ```
///
/// Public, with `next()` inlinable, so that the module using it specializes it for its elements: a
/// package generic runs unspecialized in other modules, copying each element through its type's
/// witnesses.
public final class ReadAhead<Element: Sendable> {
    private let channel: Channel
    private let produce: @Sendable () throws -> Element?
    private var started = false
    /// The batch being handed out: each element is moved out as it goes (no copy to retain and
    /// release, on objects the producer's thread made). Unchecked: the consumer's thread alone
    /// touches it, for every element.
    @exclusivity(unchecked) @usableFromInline var current: [Element?] = []
    @exclusivity(unchecked) @usableFromInline var position = 0

    /// - Parameter produce: the next element, or nil at the end; called on the producer's thread only.
    public init(batchSize: Int = 1_024, maximumBatches: Int = 4, produce: @escaping @Sendable () throws -> Element?) {
        channel = Channel(batchSize: batchSize, maximumBatches: maximumBatches)
        self.produce = produce
    }

    deinit {
        channel.cancel()
    }

    /// The next element, or nil at the end.
    /// - Throws: the producer's error, once every element before it has been returned.
    @inlinable
    public func next() throws -> Element? {
        if position < current.count {
            defer { position += 1 }
            return current[position].take()
        }
        return try nextBatch()
    }

    /// The first element of the next batch, starting the producer on the first call.
    @usableFromInline
    func nextBatch() throws -> Element? {
        if !started {
            started = true
            let channel = channel, produce = produce
            Thread { channel.run(produce) }.start()
        }
        guard let batch = try channel.take() else { return nil }
        current = consume batch
        position = 1
        return current[0].take()
    }

    /// The producer's side: batches of `batchSize` into a queue of at most `maximumBatches`.
    private final class Channel: Sendable {
        let batchSize: Int
        private let batches: BoundedQueue<[Element?]>

        init(batchSize: Int, maximumBatches: Int) {
            self.batchSize = batchSize
            batches = BoundedQueue(capacity: maximumBatches)
        }

        func run(_ produce: () throws -> Element?) {
            var batch: [Element?] = []
            batch.reserveCapacity(batchSize)
            do {
                while let element = try produce() {
                    batch.append(element)
                    if batch.count == batchSize {
                        guard batches.put(batch) else { return }
                        batch.removeAll(keepingCapacity: true)
                    }
                }
            } catch {
                if !batch.isEmpty { batches.put(batch) }
                batches.close(failure: error)
                return
            }
            if !batch.isEmpty { batches.put(batch) }
            batches.close()
        }

        /// The next batch, nil at the end; throws the producer's error after its last batch.
        func take() throws -> [Element?]? {
            try batches.take()
        }

        func cancel() {
            batches.cancel()
        }
    }
}
