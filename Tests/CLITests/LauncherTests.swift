import Foundation
import Lumpini
import XCTest

/// `lumpini` answers the catalogue's queries without loading GDAL (start-up is most of a query's time), and
/// hands every other command to `lumpini-engine` beside it, which behaves exactly as `lumpini` always did.
final class LauncherTests: XCTestCase {
    var root: URL!
    var publicRoot: URL { root.appendingPathComponent("public", isDirectory: true) }

    override func setUpWithError() throws {
        for executable in [CLIRunner.binary, CLIRunner.engine] where !FileManager.default.isExecutableFile(atPath: executable.path) {
            throw XCTSkip("build both executables first (`swift build` or `make test`): \(executable.path) is missing")
        }
        root = try CLIRunner.temporaryDirectory()
        let metadata = DatasetMetadata(
            id: "canal-water-quality", title: LocalizedText(th: "คุณภาพน้ำในคลอง", en: "Canal water quality"),
            description: LocalizedText(en: "Water quality of Bangkok's canals."), publisher: "ENV",
            contact: Contact(name: "Data team", email: "data@bangkok.go.th"), theme: "environment",
            keywords: LocalizedKeywords(en: ["water"]), license: "CC-BY-4.0", classification: .public,
            highValue: HighValue(flag: false), updateFrequency: .monthly, spatial: SpatialCoverage(), temporal: nil,
            governance: Governance(status: .approved), indicators: IndicatorLinks())
        try SampleRelease(
            metadata: metadata, version: 1, releasedAt: Date(),
            files: [.init(name: "canal-water-quality.csv", format: "CSV", mediaType: "text/csv", contents: Data("id,do_mg_l\n1,4.2\n".utf8))],
            counts: .init(rowsIn: 1, rowsPublished: 1, rowsQuarantined: 0, features: 0), extent: nil, geometryType: nil
        ).write(into: publicRoot)
    }

    override func tearDown() {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    func testCatalogueQueriesAnswerWithoutLoadingGDAL() throws {
        XCTAssertEqual(try CLIRunner.run(["catalog", "build", "--public", publicRoot.path]).status, 0)
        // The dynamic loader lists every library it loads on stderr; stdout stays the JSON.
        let list = try CLIRunner.run(["catalog", "list", "--json", "--public", publicRoot.path], environment: ["LD_DEBUG": "libs"])
        XCTAssertEqual(list.status, 0, list.stderr)
        let datasets = try XCTUnwrap(try list.json() as? [[String: Any]])
        XCTAssertEqual(datasets.map { $0["id"] as? String }, ["canal-water-quality"])
        XCTAssertTrue(list.stderr.contains("libsqlite3"), "the loader's trace shows what was loaded: \(list.stderr.prefix(500))")
        XCTAssertFalse(list.stderr.contains("libgdal"), "a catalogue query loaded GDAL")

        let inspect = try CLIRunner.run(["inspect", "--count", "--json", root.appendingPathComponent("none.csv").path], environment: ["LD_DEBUG": "libs"])
        XCTAssertTrue(inspect.stderr.contains("libgdal"), "inspect runs in the engine, which loads GDAL")
    }

    func testTheLumpiniExecutableDoesNotLinkGDAL() throws {
        func needed(_ executable: URL) throws -> [String] {
            let readelf = URL(fileURLWithPath: "/usr/bin/readelf")
            guard FileManager.default.isExecutableFile(atPath: readelf.path) else { throw XCTSkip("readelf (binutils) is not installed") }
            let process = Process()
            process.executableURL = readelf
            process.arguments = ["--dynamic", executable.path]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return text.split(separator: "\n").filter { $0.contains("(NEEDED)") }.map(String.init)
        }
        let launcher = try needed(CLIRunner.binary)
        XCTAssertFalse(launcher.isEmpty, "readelf lists the libraries lumpini needs")
        XCTAssertEqual(launcher.filter { $0.contains("libgdal") }, [])
        XCTAssertEqual(try needed(CLIRunner.engine).filter { $0.contains("libgdal") }.count, 1, "the engine links GDAL")
    }

    func testEveryOtherCommandBehavesAsTheEngine() throws {
        let version = try CLIRunner.run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertTrue(version.stdout.hasPrefix("lumpini ") && version.stdout.contains("GDAL "), version.stdout)
        let help = try CLIRunner.run(["--help"])
        for command in ["inspect", "validate", "publish", "release", "verify", "catalog"] {
            XCTAssertTrue(help.stdout.contains("  \(command)"), "help lists \(command)")
        }
        // The same answers, word for word and exit code for exit code, whichever executable parses the line.
        let lines: [[String]] = [
            ["catalog", "list", "--bogus"], ["catalog", "show"], ["catalog", "list", "--json", "--csv"],
            ["catalog", "search", "--help"], ["catalog", "path", "nothing-here", "--public", publicRoot.path, "--catalog", root.appendingPathComponent("none.sqlite").path],
            ["catalog"], ["validate"], ["no-such-command"],
        ]
        for arguments in lines {
            let launched = try CLIRunner.run(arguments)
            let engine = try CLIRunner.run(arguments, executable: CLIRunner.engine)
            XCTAssertEqual(launched.status, engine.status, arguments.joined(separator: " "))
            XCTAssertEqual(launched.stdout, engine.stdout, arguments.joined(separator: " "))
            XCTAssertEqual(launched.stderr, engine.stderr, arguments.joined(separator: " "))
        }
    }

    func testWithoutTheEngineQueriesStillWorkAndOtherCommandsSayWhatIsMissing() throws {
        let alone = root.appendingPathComponent("bin", isDirectory: true)
        try FileManager.default.createDirectory(at: alone, withIntermediateDirectories: true)
        let launcher = alone.appendingPathComponent("lumpini")
        try FileManager.default.copyItem(at: CLIRunner.binary, to: launcher)

        XCTAssertEqual(try CLIRunner.run(["catalog", "build", "--public", publicRoot.path], executable: launcher).status, 0)
        let search = try CLIRunner.run(["catalog", "search", "water", "--json", "--public", publicRoot.path], executable: launcher)
        XCTAssertEqual(search.status, 0, search.stderr)
        XCTAssertEqual((try search.json() as? [[String: Any]])?.count, 1)

        let inspect = try CLIRunner.run(["inspect", "data.csv"], executable: launcher)
        XCTAssertEqual(inspect.status, 3)
        XCTAssertTrue(inspect.stderr.contains("lumpini-engine") && inspect.stderr.contains(alone.path), inspect.stderr)
    }
}
