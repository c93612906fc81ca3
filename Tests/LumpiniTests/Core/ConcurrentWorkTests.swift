import Synchronization
import XCTest
@testable import LumpiniCore

/// Work spread over every core (the site's pages, the two read-back checks): every piece runs, and of
/// several failures the one of the lowest index is the one reported, whichever thread failed first.
final class ConcurrentWorkTests: XCTestCase {
    struct Failed: Error, Equatable {
        let index: Int
    }

    func testEveryPieceRunsAndTheLowestFailureIsRethrown() {
        let ran = Mutex<Set<Int>>([])
        for _ in 0..<20 {
            ran.withLock { $0 = [] }
            XCTAssertThrowsError(try ConcurrentWork.perform(iterations: 64) { index in
                ran.withLock { _ = $0.insert(index) }
                if index % 9 == 5 { throw Failed(index: index) }
            }) { error in
                XCTAssertEqual(error as? Failed, Failed(index: 5))
            }
            XCTAssertEqual(ran.withLock { $0.count }, 64)
        }
        XCTAssertNoThrow(try ConcurrentWork.perform(iterations: 8) { _ in })
    }
}
