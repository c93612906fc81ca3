import Foundation
import Synchronization
import XCTest
@testable import LumpiniServe

/// The access log's lines when whatever reads the server's standard output (a terminal, the journal's
/// pipe) stops reading: the server holds at most `AccessLogOutput.bound` bytes of them, then makes
/// requests wait rather than grow; once the reader reads again every line arrives, whole and in order.
final class AccessLogOutputTests: XCTestCase {
    func testAStalledReaderHoldsRequestsBackOnceTheBoundIsWaitingAndLosesNoLine() throws {
        var ends: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&ends), 0)
        let (readEnd, writeEnd) = (ends[0], ends[1])
        defer { close(readEnd) }
        let output = AccessLogOutput(descriptor: writeEnd)
        // Three times the bound in lines, far more than the pipe's own buffer holds.
        let lines = (1...45_000).map { "2026-12-07T05:40:00Z GET /ogc/collections/readings/items?offset=\($0) 200 3.2ms\n" }
        let total = lines.reduce(0) { $0 + $1.utf8.count }
        XCTAssertGreaterThan(total, 3 * AccessLogOutput.bound)
        let appended = Atomic<Int>(0)
        let writer = Thread {
            for line in lines {
                output.append(line)
                appended.add(1, ordering: .relaxed)
            }
            output.flush()
            close(writeEnd)
        }
        writer.start()
        // Nobody reads yet: the writer stops once the pipe is full and a bound's worth waits.
        var stalled = -1
        for _ in 0..<100 {
            Thread.sleep(forTimeInterval: 0.05)
            let now = appended.load(ordering: .relaxed)
            if now > 0, now == stalled { break }
            stalled = now
        }
        XCTAssertLessThan(stalled, lines.count, "every line was taken while nothing was read: memory would grow without bound")
        let heldBytes = lines.prefix(stalled).reduce(0) { $0 + $1.utf8.count }
        // The line that crossed the bound is taken, its caller waiting, so it is not counted here.
        XCTAssertGreaterThan(heldBytes + lines[stalled].utf8.count, AccessLogOutput.bound, "the writer waits only once the bound is waiting")
        XCTAssertLessThanOrEqual(heldBytes, AccessLogOutput.bound + 1 << 20, "about the bound plus what the pipe holds")

        // The reader reads again: every line arrives, whole and in order.
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = read(readEnd, &buffer, buffer.count)
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
        }
        XCTAssertEqual(appended.load(ordering: .relaxed), lines.count)
        XCTAssertEqual(String(decoding: received, as: UTF8.self), lines.joined())
    }
}
