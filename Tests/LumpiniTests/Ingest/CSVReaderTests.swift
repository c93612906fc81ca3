import Foundation
import Lumpini
import XCTest

final class CSVReaderTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func rows(_ bytes: [UInt8], delimiter: String = ",", encoding: String? = nil) throws -> [[String]] {
        let file = folder.appendingPathComponent("data.csv")
        try Data(bytes).write(to: file)
        let reader = try CSVReader(path: file.path, dialect: try CSVDialect(delimiter: delimiter), encoding: encoding)
        var row = CellRow()
        var result: [[String]] = []
        while try reader.next(into: &row) {
            XCTAssertEqual(row.number, result.count + 1)
            result.append(row.strings.map { $0 ?? "<null>" })
        }
        return result
    }

    private func rows(_ text: String, delimiter: String = ",") throws -> [[String]] {
        try rows(Array(text.utf8), delimiter: delimiter)
    }

    func testQuotingAndLineEnds() throws {
        XCTAssertEqual(try rows("a,b\r\n1,\"x, \"\"y\"\"\"\r\n"), [["a", "b"], ["1", "x, \"y\""]])
        XCTAssertEqual(try rows("a,b\r1,2\r3,4"), [["a", "b"], ["1", "2"], ["3", "4"]])
        XCTAssertEqual(try rows("a\n\"line one\nline two\"\n"), [["a"], ["line one\nline two"]])
        XCTAssertEqual(try rows("a,b\n\n1,\n,,\n"), [["a", "b"], [], ["1", ""], ["", "", ""]], "an empty line is a row without cells")
        XCTAssertEqual(try rows("a,b\n\"q\"tail,2\n"), [["a", "b"], ["qtail", "2"]], "text after a closing quote is kept")
        XCTAssertEqual(try rows("a;b\n1;2,5\n", delimiter: ";"), [["a", "b"], ["1", "2,5"]])
        XCTAssertEqual(try rows("a\tb\n1\t2\n", delimiter: "tab"), [["a", "b"], ["1", "2"]])
    }

    func testBOMIsDroppedAndThaiKept() throws {
        XCTAssertEqual(try rows([0xEF, 0xBB, 0xBF] + Array("รหัส,ชื่อ\n1,สวัสดี\n".utf8)), [["รหัส", "ชื่อ"], ["1", "สวัสดี"]])
    }

    func testRowsSpanningChunksAreWhole() throws {
        var text = "id,name\n"
        for index in 1...40_000 { text += "\(index),\"ชื่อ \(index)\nบรรทัดสอง\"\n" }
        let read = try rows(text)
        XCTAssertEqual(read.count, 40_001)
        XCTAssertEqual(read[40_000], ["40000", "ชื่อ 40000\nบรรทัดสอง"])
        XCTAssertTrue(read.allSatisfy { $0.count == 2 })
    }

    func testTIS620IsDetectedAndDecoded() throws {
        // "ชื่อ" in TIS-620 is 0xAA 0xD7 0xE8 0xCD.
        let header = Array("id,name\n".utf8)
        var body: [UInt8] = []
        for index in 1...50 { body += Array("\(index),".utf8) + [0xAA, 0xD7, 0xE8, 0xCD, 0x0A] }
        let read = try rows(header + body)
        XCTAssertEqual(read.count, 51)
        XCTAssertEqual(read[1], ["1", "ชื่อ"])
    }

    func testUndecodableByteStopsWithItsRowAndOffset() throws {
        let file = folder.appendingPathComponent("late.csv")
        var text = "id,name\n"
        for index in 1...30_000 { text += "\(index),name\(index)\n" }
        var bytes = Array(text.utf8)
        let offset = bytes.count + 2
        bytes += Array("x,".utf8) + [0xE9] + Array("t\u{E9}\n".utf8)
        try Data(bytes).write(to: file)
        let reader = try CSVReader(path: file.path)
        XCTAssertEqual(reader.encodingName, "utf-8")
        var row = CellRow()
        var count = 0
        XCTAssertThrowsError(try { while try reader.next(into: &row) { count += 1 } }()) { error in
            let failure = error as? CSVEncodingError
            XCTAssertEqual(failure?.rowNumber, 30_002)
            XCTAssertEqual(failure?.offset, offset)
            XCTAssertEqual(failure?.note, "'utf-8' codec can't decode byte 0xe9 in position \(offset): invalid continuation byte")
        }
        XCTAssertEqual(count, 30_001, "every row before the bad byte is read")
    }

    func testBadDelimiterIsRefused() {
        XCTAssertThrowsError(try CSVDialect(delimiter: ";;"))
    }
}
