import Foundation
@testable import Lumpini
@testable import LumpiniIngest
import XCTest

/// Reading ahead on another thread changes nothing a reader sees: every element in order, the
/// error where it happened, and a consumer that stops early leaves no producer behind.
final class ReadAheadTests: XCTestCase {
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
        var current: Int {
            lock.lock()
            defer { lock.unlock() }
            return value
        }
    }

    private struct Broken: Error, Equatable { var at: Int }

    func testElementsArriveInOrderThenTheErrorWhereItHappened() {
        let counter = Counter()
        let rows = ReadAhead(batchSize: 7, maximumBatches: 2) { () throws -> Int? in
            let value = counter.next()
            if value == 1_000 { throw Broken(at: value) }
            return value
        }
        var seen: [Int] = []
        XCTAssertThrowsError(try { while let value = try rows.next() { seen.append(value) } }()) { error in
            XCTAssertEqual(error as? Broken, Broken(at: 1_000))
        }
        XCTAssertEqual(seen, Array(1..<1_000))
        XCTAssertNil(try rows.next())
    }

    /// Lets go of the producer's closure (and with it the file it reads) when it ends.
    private final class Release: @unchecked Sendable {
        let released: DispatchSemaphore
        init(_ released: DispatchSemaphore) { self.released = released }
        deinit { released.signal() }
    }

    func testAConsumerThatStopsEarlyStopsTheProducer() throws {
        let counter = Counter()
        let released = DispatchSemaphore(value: 0)
        var rows: ReadAhead<Int>? = { (source: Release) in
            ReadAhead(batchSize: 10, maximumBatches: 2) { withExtendedLifetime(source) { counter.next() } }
        }(Release(released))
        XCTAssertEqual(try rows?.next(), 1)
        rows = nil
        XCTAssertEqual(released.wait(timeout: .now() + 60), .success, "the producer still holds its source")
        XCTAssertLessThanOrEqual(counter.current, 10 * 4, "the producer ran past its bounded batches")
    }
}
