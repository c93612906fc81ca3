import Foundation
@testable import LumpiniIngest
import XCTest
import TestSupport

/// The CSV scanner's invariants (`CSVReader.State`), held against the reference, Python's `csv`
/// module: on generated documents larger than the reader's 1 MiB chunks, with quoted cells holding
/// delimiters, quotes and every kind of line break, quotes inside unquoted cells, text after a closing
/// quote, blank lines and CR, LF and CRLF row ends, both give the same rows.
final class CSVScannerInvariantTests: XCTestCase {
    private func document(seed: UInt64, bytes: Int) -> String {
        var random = SeededRandom(seed: seed)
        let words = ["a", "สวนลุมพินี", "12.5", "x y", "", "ข้อมูล"]
        let inside = ["a", ",", "\"\"", "\n", "\r\n", "\r", "ก", " "]
        let ends = ["\n", "\r\n", "\r"]
        var text = ""
        while text.utf8.count < bytes {
            let cells = Int.random(in: 1...5, using: &random)
            for cell in 0..<cells {
                if cell > 0 { text += "," }
                switch Int.random(in: 0..<10, using: &random) {
                case 0..<5: text += words.randomElement(using: &random)!
                case 5..<8: text += "\"" + (0..<Int.random(in: 0...6, using: &random)).map { _ in inside.randomElement(using: &random)! }.joined() + "\""
                case 8: text += "ab\"c"                   // a quote inside an unquoted cell is text
                default: text += "\"ab\"c"                // text after a closing quote is kept
                }
            }
            text += ends.randomElement(using: &random)!
            if Int.random(in: 0..<50, using: &random) == 0 { text += "\n" }  // a blank line
        }
        return text
    }

    private func lumpiniRows(_ path: String) throws -> [[String]] {
        let reader = try CSVReader(path: path, encoding: "UTF-8")
        var row = CellRow()
        var rows: [[String]] = []
        while try reader.next(into: &row) { rows.append(row.strings.map { $0 ?? "" }) }
        return rows
    }

    private func pythonRows(_ path: String) throws -> [[String]] {
        let process = Process()
        process.executableURL = try ReferenceTools.tool("python")
        process.arguments = ["-c", "import csv, json, sys; json.dump(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8'))), sys.stdout)", path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [[String]])
    }

    func testRowsAreThoseOfPythonsCSVModuleWhereverChunksEnd() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lumpini-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for seed: UInt64 in [1, 2, 3] {
            let path = folder.appendingPathComponent("generated-\(seed).csv").path
            try Data(document(seed: seed, bytes: 2_500_000).utf8).write(to: URL(fileURLWithPath: path))
            let ours = try lumpiniRows(path), reference = try pythonRows(path)
            XCTAssertEqual(ours.count, reference.count, "seed \(seed): row count")
            for (index, (mine, theirs)) in zip(ours, reference).enumerated() where mine != theirs {
                XCTFail("seed \(seed), row \(index + 1): \(mine) ≠ \(theirs)")
                break
            }
        }
    }
}
