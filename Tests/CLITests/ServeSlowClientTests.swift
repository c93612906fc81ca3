import Foundation
import XCTest

/// Clients that read or write very slowly: the server keeps answering everyone else, its memory does not
/// grow with the response a slow reader has not taken, and a client that stops sending is let go after
/// the idle time docs/serve.md gives (30 s).
extension ServeCLITests {
    func testASlowReaderOfALargeFileNeitherBlocksOthersNorGrowsTheServersMemory() throws {
        let served = try served
        let folder = served.publicRoot.appendingPathComponent("slow-client-test")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let size = 64 << 20
        try Data(repeating: UInt8(ascii: "x"), count: size).write(to: folder.appendingPathComponent("large.txt"))
        _ = try served.get("/health")
        let before = try residentMegabytes(served.process.processIdentifier)

        let reader = try SlowSocket(port: served.port, receiveBuffer: 4096)
        try reader.send("GET /slow-client-test/large.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        var received = 0
        var peak = before
        let until = Date().addingTimeInterval(4)
        while Date() < until {
            received += try reader.receive(upTo: 4096)
            usleep(50_000)
            let started = Date()
            XCTAssertEqual(try served.get("/health").status, 200)
            XCTAssertEqual(try served.get("/ogc/collections/pm25-readings-sample/items?limit=5").status, 200)
            XCTAssertLessThan(Date().timeIntervalSince(started), 5, "others wait for the slow reader")
            peak = max(peak, try residentMegabytes(served.process.processIdentifier))
        }
        XCTAssertGreaterThan(received, 0, "the slow reader gets its answer as it reads")
        XCTAssertLessThan(received, size / 4, "the test read slowly enough to matter")
        XCTAssertLessThan(peak - before, 32, "the server held the file it could not send: \(before) MB → \(peak) MB")
        reader.close()
        XCTAssertEqual(try served.get("/health").status, 200, "the server still answers once the reader gave up")
    }

    func testHeadersSentByteByByteAreAnsweredAndStalledOrTricklingClientsAreLetGoAfterThirtySeconds() throws {
        let served = try served
        let trickle = try SlowSocket(port: served.port)
        let stalled = try SlowSocket(port: served.port)
        try stalled.send("GET /health HTTP/1.1\r\nHost: 127.")
        let stalledAt = Date()
        let request = Array("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        for (position, byte) in request.enumerated() {
            try trickle.send(bytes: [byte])
            usleep(20_000)
            if position % 10 == 0 {
                XCTAssertEqual(try served.get("/api/3/action/status_show").status, 200, "others are answered meanwhile")
            }
        }
        let answer = String(decoding: try trickle.receiveAll(timeout: 10), as: UTF8.self)
        XCTAssertTrue(answer.hasPrefix("HTTP/1.1 200"), "a slow but complete request is answered: \(answer.prefix(200))")
        trickle.close()

        // The stalled client sent part of a request line and then nothing: closed once idle for 30 s. A
        // slow-loris one that sends a byte of its headers every 3 s is let go too: unfinished headers count
        // as no request, however they trickle in.
        let loris = try SlowSocket(port: served.port)
        try loris.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Loris: ")
        let lorisAt = Date()
        var rest: [UInt8] = [], lorisRest: [UInt8] = []
        var idle: TimeInterval?, lorisLetGo: TimeInterval?
        while idle == nil || lorisLetGo == nil, Date().timeIntervalSince(stalledAt) < 60 {
            if lorisLetGo == nil {
                let sent = (try? loris.send("a")) != nil
                if try !sent || loris.closed(waiting: 0, received: &lorisRest) {
                    lorisLetGo = Date().timeIntervalSince(lorisAt)
                }
            }
            if idle == nil {
                if try stalled.closed(waiting: 3, received: &rest) { idle = Date().timeIntervalSince(stalledAt) }
            } else {
                sleep(3)
            }
        }
        loris.close()
        let closedAfter = try XCTUnwrap(idle, "the stalled client was never let go")
        XCTAssertGreaterThan(closedAfter, 25, "closed after \(closedAfter) s, sooner than the documented 30 s")
        XCTAssertLessThan(closedAfter, 45, "closed after \(closedAfter) s, not after the documented 30 s")
        XCTAssertFalse(String(decoding: rest, as: UTF8.self).contains("200 OK"), "the unfinished request is not answered")
        let lorisAfter = try XCTUnwrap(lorisLetGo, "a client trickling its headers was kept for a minute")
        XCTAssertGreaterThan(lorisAfter, 25, "let go after \(lorisAfter) s")
        XCTAssertLessThan(lorisAfter, 45, "let go after \(lorisAfter) s, not about 30 s")
        XCTAssertFalse(String(decoding: lorisRest, as: UTF8.self).contains("200 OK"), "its unfinished request is not answered")
        stalled.close()
        XCTAssertEqual(try served.get("/health").status, 200)
    }

    private func residentMegabytes(_ pid: Int32) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let line = try XCTUnwrap(status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") })
        return (Int(line.split(separator: " ")[1]) ?? 0) / 1024
    }
}

/// A client socket that sends and reads at the test's pace, with a small receive buffer when asked, so
/// that the server, not the kernel, must hold what the client has not read.
private final class SlowSocket {
    private let socket: Int32

    init(port: Int, receiveBuffer: Int32? = nil) throws {
        socket = try RawHTTP.connect(port: port, receiveBuffer: receiveBuffer)
    }

    func send(_ text: String) throws { try send(bytes: Array(text.utf8)) }

    func send(bytes: [UInt8]) throws {
        let sent = bytes.withUnsafeBytes { Foundation.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == bytes.count else { throw POSIXError(.EPIPE) }
    }

    /// What has arrived, at most `count` bytes, waiting up to a second for the first.
    func receive(upTo count: Int) throws -> Int {
        var time = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: count)
        return max(0, recv(socket, &buffer, count, 0))
    }

    /// Everything until the server closes the connection, or `timeout` seconds without a byte.
    func receiveAll(timeout: Int) throws -> [UInt8] {
        var time = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        return received
    }

    /// Whether the server closes the connection within `seconds`, adding what arrives to `received`.
    func closed(waiting seconds: Int, received: inout [UInt8]) throws -> Bool {
        var time = timeval(tv_sec: seconds, tv_usec: seconds == 0 ? 1_000 : 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count == 0 { return true }
            if count < 0 { return errno != EAGAIN && errno != EWOULDBLOCK }
            received += buffer[0..<count]
        }
    }

    func close() { Foundation.close(socket) }
}
