import Foundation
import LumpiniCore
import XCTest

/// What a listing writes reaches the file whole and in order, whatever the sizes of its items.
final class BlockOutputTests: XCTestCase {
    func testItemsOfEverySizeArriveInOrder() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("block-output-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        XCTAssertTrue(FileManager.default.createFile(atPath: file.path, contents: nil))
        let handle = try FileHandle(forWritingTo: file)
        var output = BlockOutput(descriptor: handle.fileDescriptor)
        var expected: [UInt8] = []
        for size in [0, 1, 7, 65_535, 65_536, 300_000, 3, 131_072] {
            let item = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ size) }
            item.withUnsafeBufferPointer { output.append($0) }
            output.append("|")
            output.append(0x0A)
            output.append(text: "ฝุ่น")
            expected += item + Array("|\nฝุ่น".utf8)
            try output.endItem()
        }
        try output.flush()
        try handle.close()
        XCTAssertEqual(try Data(contentsOf: file), Data(expected))
    }

    func testAFileIsWrittenWholeOrNotAtAll() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("block-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("catalog.jsonld")
        try Data("the previous export\n".utf8).write(to: file)

        struct Interrupted: Error {}
        XCTAssertThrowsError(try BlockOutput.writingFile(at: file) { output in
            for _ in 0..<10_000 { output.append("{\"@id\": \"https://data.bangkok.go.th/opendata/dataset\"},\n"); try output.endItem() }
            throw Interrupted()
        })
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "the previous export\n", "a failed export leaves the old file")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["catalog.jsonld"], "and nothing partial beside it")

        try BlockOutput.writingFile(at: file) { output in
            for _ in 0..<10_000 { output.append("ฝุ่น\n"); try output.endItem() }
        }
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), String(repeating: "ฝุ่น\n", count: 10_000))

        XCTAssertThrowsError(try BlockOutput.writingFile(at: folder.appendingPathComponent("missing/catalog.jsonld")) { _ in }) { error in
            XCTAssertEqual((error as? LumpiniError)?.code, "output-unwritable")
        }
    }

    func testAFullDiskIsAnErrorNotASilentlyShortFile() throws {
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"))
        var output = BlockOutput(descriptor: handle.fileDescriptor)
        output.append("[]")
        XCTAssertThrowsError(try output.flush()) { error in
            XCTAssertEqual((error as? LumpiniError)?.code, "output-unwritable")
        }
    }
}
