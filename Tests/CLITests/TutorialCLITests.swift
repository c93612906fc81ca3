import Foundation
import XCTest

/// docs/tutorial.md, run as written: each `sh` block's commands in a copy of the repository's datasets
/// and schemas, with the built `lumpini` first on the PATH; each `text` block after it lists lines the
/// commands must print, in that order (a long line may be part of a printed line); each `yaml` block marked `<!-- tutorial-test: … -->` is the edit
/// the reader makes. So the tutorial cannot go stale without this test failing.
final class TutorialCLITests: XCTestCase {
    private enum Step {
        case run([String])
        case expect([String])
        case replace(from: String, to: String, file: String, text: [String])
        case insert(before: String, file: String, text: [String])
    }

    func testTheTutorialRunsAsWritten() throws {
        let root = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        for folder in ["datasets", "schemas"] {
            try FileManager.default.copyItem(at: CLIRunner.packageRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        let tutorial = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("docs/tutorial.md"), encoding: .utf8)
        let steps = try Self.steps(of: tutorial)
        XCTAssertGreaterThanOrEqual(steps.filter { if case .run = $0 { true } else { false } }.count, 9)
        let path = CLIRunner.binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        var output: [String] = []
        for step in steps {
            switch step {
            case .run(let commands):
                output = []
                for command in commands {
                    let result = try CLIRunner.run(["-c", command], in: root, environment: ["PATH": path], executable: URL(fileURLWithPath: "/bin/sh"))
                    XCTAssertEqual(result.status, 0, "\(command): \(result.stdout)\(result.stderr)")
                    output += result.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                }
            case .expect(let lines):
                var position = output.startIndex
                for line in lines {
                    guard let found = output[position...].firstIndex(where: { $0 == line || (line.count > 20 && $0.contains(line)) }) else {
                        XCTFail("the tutorial says this is printed, in this order: \(line)\nprinted:\n\(output.joined(separator: "\n"))")
                        break
                    }
                    position = found + 1
                }
            case .replace(let from, let to, let file, let text):
                try edit(root.appendingPathComponent(file)) { lines in
                    let start = try XCTUnwrap(lines.firstIndex { $0.hasPrefix(from) }, from)
                    let end = try XCTUnwrap(lines[start...].firstIndex { $0.hasPrefix(to) }, to)
                    lines.replaceSubrange(start..<end, with: text)
                }
            case .insert(let before, let file, let text):
                try edit(root.appendingPathComponent(file)) { lines in
                    lines.insert(contentsOf: text, at: try XCTUnwrap(lines.firstIndex { $0.hasPrefix(before) }, before))
                }
            }
        }
    }

    private func edit(_ file: URL, _ change: (inout [String]) throws -> Void) throws {
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        try change(&lines)
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
    }

    /// The fenced blocks of the tutorial, in order, with the edit each marked `yaml` block makes.
    private static func steps(of markdown: String) throws -> [Step] {
        var steps: [Step] = []
        var edit: [String]?
        var fence: String?
        var block: [String] = []
        for line in markdown.components(separatedBy: "\n") {
            if let kind = fence {
                guard line == "```" else {
                    block.append(line)
                    continue
                }
                switch kind {
                case "sh": steps.append(.run(block.filter { !$0.isEmpty && !$0.hasPrefix("#") }))
                case "text": steps.append(.expect(block.map { $0.trimmingCharacters(in: .whitespaces) }))
                case "yaml":
                    guard let marker = edit else { break }
                    if marker[0] == "replace" {
                        steps.append(.replace(from: marker[1], to: marker[2], file: marker[3], text: block))
                    } else {
                        steps.append(.insert(before: marker[1], file: marker[2], text: block))
                    }
                    edit = nil
                default: break
                }
                fence = nil
                block = []
            } else if line.hasPrefix("```") {
                fence = String(line.dropFirst(3))
            } else if line.hasPrefix("<!-- tutorial-test: ") {
                edit = try marker(line)
            }
        }
        return steps
    }

    /// `replace from "A" to "B" in F` → ["replace", A, B, F]; `insert before "A" in F` → ["insert", A, F].
    private static func marker(_ line: String) throws -> [String] {
        let quoted = line.split(separator: "\"", omittingEmptySubsequences: false)
        let file = try XCTUnwrap(line.components(separatedBy: " in ").last?.replacingOccurrences(of: " -->", with: ""))
        if line.contains("tutorial-test: replace from") { return ["replace", String(quoted[1]), String(quoted[3]), file] }
        XCTAssertTrue(line.contains("tutorial-test: insert before"), line)
        return ["insert", String(quoted[1]), file]
    }
}
