import Crypto
import Foundation
import Synchronization
@testable import LumpiniPublish
import XCTest

/// A file much larger than the stretches the sink syncs while writing: every byte reaches the file and
/// the follower in order, the size and SHA-256 are those of the bytes, and the follower hears of the
/// end once.
final class BufferedFileWriterTests: XCTestCase {
    private final class Collector: FileFollower {
        let state = Mutex<(bytes: [UInt8], sha256: [String])>(([], []))
        func follow(_ bytes: UnsafeRawBufferPointer) { state.withLock { $0.bytes += bytes } }
        func finish(sha256: String) { state.withLock { $0.sha256.append(sha256) } }
        func complete() {}
        func cancel() {}
    }

    func testALargeFileIsWrittenWholeWhileItGoesToDisk() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("large.bin").path
        let follower = Collector()
        let writer = try BufferedFileWriter(path: path, follower: follower)
        var random = SeededRandom(seed: 21)
        let pool = (0..<(1 << 17)).flatMap { _ in withUnsafeBytes(of: UInt64.random(in: 0...UInt64.max, using: &random)) { Array($0) } }
        var expected: [UInt8] = []
        expected.reserveCapacity(81 << 20)
        // 80 MB in pieces of every size from anywhere in the pool, a row at a time as the encoders write.
        try pool.withUnsafeBufferPointer { pool in
            while expected.count < 80 << 20 {
                let start = Int.random(in: 0..<(pool.count - 3_000), using: &random)
                let piece = UnsafeBufferPointer(rebasing: pool[start..<(start + Int.random(in: 1...3_000, using: &random))])
                writer.append(piece)
                try writer.endItem()
                expected.append(contentsOf: piece)
            }
        }
        let (size, sha256) = try writer.finish()
        let expectedSHA = SHA256.hash(data: expected).map { String(format: "%02x", $0) }.joined()
        XCTAssertEqual(size, expected.count)
        XCTAssertEqual(sha256, expectedSHA)
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == expected, true, "the file holds the bytes")
        follower.state.withLock { state in
            XCTAssertEqual(state.bytes == expected, true, "the follower read the bytes in order")
            XCTAssertEqual(state.sha256, [expectedSHA])
        }
    }
}
