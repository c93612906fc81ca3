import Foundation
import XCTest

/// The shipped sample datasets released by the real binary into a temporary public tree, and
/// `lumpini serve` started on it on 127.0.0.1 (a free port), as a user would run them.
final class ServedTree {
    let directory: URL
    var publicRoot: URL { directory.appendingPathComponent("public") }
    let log: URL
    private(set) var process: Process!
    private(set) var port = 0

    var base: String { "http://127.0.0.1:\(port)" }

    init() throws {
        directory = try CLIRunner.temporaryDirectory()
        log = directory.appendingPathComponent("serve.log")
        let release = try CLIRunner.run(
            ["release", "--json", "--root", CLIRunner.packageRoot.path, "--public", publicRoot.path], timeout: 600)
        XCTAssertEqual(release.status, 0, release.stderr)
        try start()
    }

    /// `lumpini serve` on the public tree a test released into `<directory>/public`.
    init(serving directory: URL) throws {
        self.directory = directory
        log = directory.appendingPathComponent("serve.log")
        try start()
    }

    /// Starts `lumpini serve` and waits for its "listening on" line.
    func start() throws {
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["serve", "--root", CLIRunner.packageRoot.path, "--public", publicRoot.path, "--port", "0"]
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = process.standardOutput
        process.standardInput = FileHandle.nullDevice
        try process.run()
        self.process = process
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, process.isRunning {
            let text = logText
            if let range = text.range(of: "listening on http://127.0.0.1:"),
                let port = Int(text[range.upperBound...].prefix { $0.isNumber }) {
                self.port = port
                return
            }
            usleep(20_000)
        }
        XCTFail("lumpini serve did not start: \(logText)")
    }

    var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Stops the server with SIGTERM, as systemd does, and returns its exit status.
    @discardableResult
    func stop() -> Int32 {
        guard let process, process.isRunning else { return process?.terminationStatus ?? 0 }
        process.terminate()
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    func remove() {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }

    func get(_ target: String, headers: [String: String] = [:]) throws -> RawHTTP.Answer {
        try XCTUnwrap(try RawHTTP.request(port: port, "GET", target, headers: headers), "no answer to GET \(target)")
    }

    func json(_ target: String) throws -> [String: Any] {
        let answer = try get(target)
        XCTAssertEqual(answer.status, 200, "\(target): \(answer.text)")
        return try XCTUnwrap(try answer.json() as? [String: Any], target)
    }

    /// Runs a tool of the reference environment (ckanapi, python) and returns its standard output.
    func runTool(_ tool: URL, _ arguments: [String]) throws -> CLIRunner.Result {
        try CLIRunner.run(arguments, in: directory, timeout: 300, executable: tool)
    }
}
