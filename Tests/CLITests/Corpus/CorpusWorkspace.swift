import Foundation
import XCTest

/// A workspace for the bad-input corpus: the repository's schemas and vocabularies, one good
/// dataset already published (whose public files must never change), and a folder of loose files.
/// Every case runs the real binary and checks what a user cares about (`expect`).
final class CorpusWorkspace {
    struct SetupFailure: Error, CustomStringConvertible {
        var description: String
    }

    let root: URL
    let publishedID = "pm25-readings-sample"
    private var publishedSnapshot: [String: Data] = [:]

    init() throws {
        root = try CLIRunner.temporaryDirectory()
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: root.appendingPathComponent("datasets"), withIntermediateDirectories: true)
        try fileManager.createDirectory(at: loose, withIntermediateDirectories: true)
        try fileManager.copyItem(at: CLIRunner.packageRoot.appendingPathComponent("schemas"), to: root.appendingPathComponent("schemas"))
        try fileManager.copyItem(
            at: CLIRunner.packageRoot.appendingPathComponent("datasets/\(publishedID)"),
            to: root.appendingPathComponent("datasets/\(publishedID)")
        )
        let result = try CLIRunner.run(["publish", publishedID, "--root", root.path])
        // A failure, not a skip: every corpus case compares the published dataset before and after it.
        guard result.status == 0 else { throw SetupFailure(description: "the sample dataset does not publish: \(result.stdout) \(result.stderr)") }
        publishedSnapshot = try snapshot(of: publicRoot.appendingPathComponent(publishedID))
        XCTAssertFalse(publishedSnapshot.isEmpty)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    var publicRoot: URL { root.appendingPathComponent("public") }
    /// Loose files, for `inspect` and `validate <file>`.
    var loose: URL { root.appendingPathComponent("incoming") }

    /// Writes a loose file and returns its path.
    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let url = loose.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return url.path
    }

    func path(_ name: String) -> String { loose.appendingPathComponent(name).path }

    /// Creates `datasets/<id>/` with a valid description whose source is `source/<file>`; `sourceKeys`
    /// are added under `source:` and `extra` at the end. Returns the dataset folder.
    @discardableResult
    func dataset(_ id: String, file: String? = nil, sourcePaths: [String]? = nil, sourceKeys: String = "", extra: String = "", yaml: String? = nil) throws -> URL {
        let folder = root.appendingPathComponent("datasets/\(id)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("source"), withIntermediateDirectories: true)
        let paths = sourcePaths ?? [file.map { "source/\($0)" } ?? "source/data.csv"]
        let text = yaml ?? Self.description(id: id, paths: paths, sourceKeys: sourceKeys) + extra
        try Data(text.utf8).write(to: folder.appendingPathComponent("dataset.yaml"))
        return folder
    }

    /// A valid `dataset.yaml` (public, approved) reading `paths`.
    static func description(id: String, paths: [String], sourceKeys: String = "") -> String {
        let quoted = paths.map { "\"\($0.replacingOccurrences(of: "\"", with: "\\\""))\"" }.joined(separator: ", ")
        return """
            id: \(id)
            title: {th: ข้อมูลทดสอบ, en: Test data}
            description: {th: ข้อมูลทดสอบที่เสีย, en: Broken test data}
            publisher: ENV
            contact: {name: Test Section, email: test@example.org}
            theme: environment
            license: CC-BY-4.0
            classification: public
            updateFrequency: annual
            governance: {status: approved, approvedBy: Committee, approvedOn: 2024-05-01}
            source:
              paths: [\(quoted)]
            \(sourceKeys.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))

            """
    }

    /// Places a source file into `datasets/<id>/source/`.
    func placeSource(_ id: String, _ name: String, _ data: Data) throws {
        let url = root.appendingPathComponent("datasets/\(id)/source/\(name)")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Copies a loose file into a dataset's source folder.
    func copySource(_ id: String, from loosePath: String, as name: String? = nil) throws {
        let target = root.appendingPathComponent("datasets/\(id)/source/\(name ?? (loosePath as NSString).lastPathComponent)")
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: loosePath, toPath: target.path)
    }

    /// Every file under `url`: relative path → contents (a symbolic link → "-> target").
    func snapshot(of url: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        func walk(_ folder: URL, _ prefix: String) throws {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
                let item = folder.appendingPathComponent(name)
                let type = try FileManager.default.attributesOfItem(atPath: item.path)[.type] as? FileAttributeType
                if type == .typeSymbolicLink {
                    files[prefix + name] = Data(("-> " + (try FileManager.default.destinationOfSymbolicLink(atPath: item.path))).utf8)
                } else if type == .typeDirectory {
                    try walk(item, prefix + name + "/")
                } else {
                    files[prefix + name] = try Data(contentsOf: item)
                }
            }
        }
        try walk(url, "")
        return files
    }

    /// The dataset published at the start is exactly as it was, and no staging folder is left behind.
    func assertPublishedUnchanged(_ context: String, file: StaticString = #filePath, line: UInt = #line) {
        let now = try? snapshot(of: publicRoot.appendingPathComponent(publishedID))
        XCTAssertEqual(now.map { Set($0.keys) }, Set(publishedSnapshot.keys), "\(context): the published files changed", file: file, line: line)
        XCTAssertTrue(now == publishedSnapshot, "\(context): a published file's contents changed", file: file, line: line)
        let staging = publicRoot.appendingPathComponent(".lumpini/staging")
        let left = (try? FileManager.default.contentsOfDirectory(atPath: staging.path)) ?? []
        XCTAssertEqual(left, [], "\(context): staging folders were left behind", file: file, line: line)
    }

    /// Runs a source file through `inspect` and `validate`, and as a dataset's source through
    /// `cleanse` and `publish`, each with the exit codes it may give.
    func runSource(
        _ name: String, _ data: Data, id: String, sourceKeys: String = "", inspect: Set<Int32>, validate: Set<Int32>,
        cleanse: Set<Int32>, publish: Set<Int32>?, mentions: [String]? = nil, validateOptions: [String] = [],
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let path = try write(name, data)
        let named = mentions ?? [(name as NSString).lastPathComponent]
        try expect(["inspect", path], exit: inspect, mentions: named, file: file, line: line)
        try expect(["validate", path] + validateOptions, exit: validate, mentions: named, file: file, line: line)
        try dataset(id, file: (name as NSString).lastPathComponent, sourceKeys: sourceKeys)
        try placeSource(id, (name as NSString).lastPathComponent, data)
        try expect(["cleanse", id], exit: cleanse, mentions: named, file: file, line: line)
        if let publish {
            try expect(["publish", id], exit: publish, mentions: [id], file: file, line: line)
        }
    }

    /// The published CSV of dataset `id`'s latest version, nil when nothing was published.
    func publishedCSV(_ id: String) -> String? {
        try? String(contentsOf: publicRoot.appendingPathComponent("\(id)/latest/\(id).csv"), encoding: .utf8)
    }

    /// The reasons in dataset `id`'s quarantine (`<root>/.lumpini/quarantine/<id>/quarantine.csv`), one per row set aside.
    func quarantineReasons(_ id: String) -> [String] {
        let url = root.appendingPathComponent(".lumpini/quarantine/\(id)/quarantine.csv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[2].description }
    }

    /// Runs `lumpini arguments… --root <root>` (for commands that take one) and checks the outcome:
    /// no crash or signal, an exit code in `expect`, within `timeout`; when it fails, one message naming
    /// everything in `mentions` (the file, and the row, field or key). The published dataset is unchanged.
    @discardableResult
    func expect(
        _ arguments: [String], exit expected: Set<Int32>, mentions: [String] = [],
        timeout: TimeInterval = 180, file: StaticString = #filePath, line: UInt = #line
    ) throws -> CLIRunner.Result {
        let command = "lumpini " + arguments.joined(separator: " ")
        let rooted = arguments.first != "inspect"
        let result = try CLIRunner.run(arguments + (rooted ? ["--root", root.path] : []), in: root, timeout: timeout)
        let output = result.stdout + result.stderr
        if ProcessInfo.processInfo.environment["LUMPINI_CORPUS_LOG"] != nil {
            print("CORPUS \(command) → \(result.status): \(output.split(separator: "\n").first ?? "")")
        }
        let shown = String(output.prefix(2_000))
        XCTAssertFalse(result.signalled, "\(command): ended by signal \(result.status)\n\(shown)", file: file, line: line)
        XCTAssertTrue(expected.contains(result.status), "\(command): exit \(result.status), expected \(expected.sorted())\n\(shown)", file: file, line: line)
        for crash in ["Fatal error", "Segmentation fault", "AddressSanitizer", "Stack dump", "internal error", "Illegal instruction"] {
            XCTAssertFalse(output.contains(crash), "\(command): \(crash)\n\(shown)", file: file, line: line)
        }
        if result.status != 0 {
            for mention in mentions {
                XCTAssertTrue(output.contains(mention), "\(command): the message does not name \"\(mention)\"\n\(shown)", file: file, line: line)
            }
            if arguments.first == "inspect" || arguments.first == "validate" && !result.stderr.isEmpty {
                let lines = result.stderr.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                XCTAssertLessThanOrEqual(lines.count, 1, "\(command): one message expected\n\(shown)", file: file, line: line)
            }
        }
        assertPublishedUnchanged(command, file: file, line: line)
        return result
    }
}
