@testable import LumpiniPublish
import XCTest

/// Hashes computed beside a version's build are there, or their failure is, each time they are asked
/// for, whether the asking comes before the computing ends or after.
final class PendingInputHashesTests: XCTestCase {
    private let hashes = InputHashes(sources: [.init(path: "source/a.csv", sha256: "ab")], datasetYAML: "cd", schema: nil, vocabularies: nil)

    func testTheHashesAreGivenToEveryCaller() throws {
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let pending = PendingInputHashes(computing: { [hashes] in
            started.signal()
            release.wait()
            return hashes
        })
        started.wait()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { release.signal() }
        XCTAssertEqual(try pending.value(), hashes, "asked while computing")
        XCTAssertEqual(try pending.value(), hashes, "asked again")
        XCTAssertEqual(try PendingInputHashes(hashes).value(), hashes)
    }

    func testAFailureIsThrownToEveryCaller() {
        let pending = PendingInputHashes(computing: {
            throw LumpiniError("source-unreadable", "the source cannot be read", kind: .input, hint: "check it")
        })
        for _ in 0..<2 {
            XCTAssertThrowsError(try pending.value()) { XCTAssertEqual(($0 as? LumpiniError)?.code, "source-unreadable") }
        }
    }
}
