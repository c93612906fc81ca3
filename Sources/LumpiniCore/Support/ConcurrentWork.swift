import Dispatch
import Synchronization

/// Independent pieces of work run on every core at once (`DispatchQueue.concurrentPerform`), the caller's
/// thread among them. When some fail, the error of the lowest index is rethrown once all have finished,
/// so runs agree whichever thread failed first.
package enum ConcurrentWork {
    /// Calls `body` with each index in `0..<iterations`.
    package static func perform(iterations: Int, _ body: @Sendable (Int) throws -> Void) throws {
        let first = Mutex<(index: Int, error: any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: iterations) { index in
            do {
                try body(index)
            } catch {
                first.withLock { if $0 == nil || index < $0!.index { $0 = (index, error) } }
            }
        }
        if let failure = first.withLock({ $0 }) { throw failure.error }
    }
}
