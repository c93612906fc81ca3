import Foundation
import XCTest

/// A workspace for end-to-end release tests: datasets whose source is a GeoJSON of points written
/// by the test, released by the real binary into `<root>/public`.
struct ReleaseWorkspace {
    let root: URL
    var publicRoot: URL { root.appendingPathComponent("public") }

    /// A fresh root with the repository's vocabularies (the recipe's district list and the others).
    init() throws {
        root = try CLIRunner.temporaryDirectory()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("schemas"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: CLIRunner.packageRoot.appendingPathComponent("schemas/vocabularies"),
            to: root.appendingPathComponent("schemas/vocabularies")
        )
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// A dataset of `points` stations; `approved: false` leaves it pending approval; `extra` adds keys
    /// to its `dataset.yaml` (a recipe, a schema, `privacy`).
    func addDataset(
        _ id: String, points: Int = 50, approved: Bool = true, source: String = "source/stations.geojson", extra: String = ""
    ) throws {
        let folder = root.appendingPathComponent("datasets/\(id)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("source"), withIntermediateDirectories: true)
        try setPoints(id, points)
        let governance = approved ? "{status: approved, approvedBy: Data Governance Committee, approvedOn: 2026-01-05}" : "{status: pending}"
        try """
            id: \(id)
            title: {th: สถานีตรวจวัด, en: Stations (sample)}
            description: {th: ข้อมูลตัวอย่าง, en: Sample data for tests.}
            publisher: ENV
            contact: {name: Environment Department, email: env@bangkok.go.th}
            theme: environment
            license: CC-BY-4.0
            classification: public
            updateFrequency: monthly
            governance: \(governance)
            source: {paths: [\(source)]}

            """.appending(extra).write(to: folder.appendingPathComponent("dataset.yaml"), atomically: true, encoding: .utf8)
    }

    /// Rewrites the dataset's source with `count` points.
    func setPoints(_ id: String, _ count: Int) throws {
        let features = (0..<count).map { index in
            let x = 100.5 + Double(index % 100) * 0.001, y = 13.7 + Double(index / 100) * 0.001
            return "{\"type\":\"Feature\",\"properties\":{\"code\":\"S\(index)\",\"name\":\"สถานี \(index)\",\"pm25\":\(Double(index) / 4)},\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(x),\(y)]}}"
        }
        let text = "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n"
        try text.write(to: root.appendingPathComponent("datasets/\(id)/source/stations.geojson"), atomically: true, encoding: .utf8)
    }

    /// Rewrites the dataset's source with one point per row, holding the row's properties (all text) in order.
    func setRows(_ id: String, _ rows: [[(String, String)]]) throws {
        func json(_ text: String) -> String { String(decoding: try! JSONEncoder().encode(text), as: UTF8.self) }
        let features = rows.enumerated().map { index, row in
            let properties = row.map { "\(json($0.0)):\(json($0.1))" }.joined(separator: ",")
            return "{\"type\":\"Feature\",\"properties\":{\(properties)},\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(100.5 + Double(index) * 0.001),13.7]}}"
        }
        let text = "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n"
        try text.write(to: root.appendingPathComponent("datasets/\(id)/source/stations.geojson"), atomically: true, encoding: .utf8)
    }

    @discardableResult
    func lumpini(_ arguments: [String], environment: [String: String] = [:]) throws -> CLIRunner.Result {
        try CLIRunner.run(arguments, in: root, environment: environment)
    }

    func latestTarget(_ id: String) -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: publicRoot.appendingPathComponent("\(id)/latest").path)
    }

    func entries(_ relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: publicRoot.appendingPathComponent(relative).path)) ?? []).sorted()
    }

    /// Starts `lumpini arguments…` stopped at `phase` (LUMPINI_TEST_PAUSE_AT), and returns once it is there.
    func startPaused(_ arguments: [String], at phase: String) throws -> Process {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        environment["LUMPINI_TEST_PAUSE_AT"] = phase
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let errors = root.appendingPathComponent("paused-\(UUID().uuidString).err")
        FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            let text = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            if text.contains("paused at \(phase)") { return process }
            if !process.isRunning {
                XCTFail("lumpini finished before reaching \(phase): \(text)")
                return process
            }
            usleep(20_000)
        }
        XCTFail("lumpini did not reach \(phase)")
        return process
    }

    /// Kills the process with SIGKILL, as a crash or `kill -9` would.
    func crash(_ process: Process) {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
