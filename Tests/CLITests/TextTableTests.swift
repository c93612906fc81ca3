import LumpiniCatalogue
@testable import LumpiniCommandLine
import XCTest

/// Tables line up by what a terminal shows: Thai vowel signs and tone marks sit on their letter,
/// an emoji takes two columns, and long cells are cut with "…".
final class TextTableTests: XCTestCase {
    func testWidthsAreColumnsOnATerminal() {
        XCTAssertEqual(TextTable.width("PM2.5"), 5)
        XCTAssertEqual(TextTable.width("คุณภาพน้ำ"), 7, "sara u and mai tho sit on their letters")
        XCTAssertEqual(TextTable.width("ฝุ่นละออง"), 7)
        XCTAssertEqual(TextTable.width("Cafe\u{301}"), 4, "a combining accent takes no column")
        XCTAssertEqual(TextTable.width("🌏 map"), 6, "an emoji takes two")
        XCTAssertEqual([0xFF, 0x41, 0xE0, 0xB8].withUnsafeBufferPointer(TextTable.width(utf8:)), 4, "bytes that are not UTF-8 take a column each")
    }

    func testColumnsLineUpAndLongCellsAreCut() {
        let long = String(repeating: "สวนสาธารณะ ", count: 8)
        let table = TextTable(headers: ["ID", "TITLE", "N"], rows: [
            ["a", "คุณภาพน้ำในคลอง", "1"],
            ["bb", "Canal water", "22"],
            ["ccc", long, "333"],
        ])
        let lines = table.render().split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4)
        let titles = ["คุณภาพน้ำในคลอง", "Canal water", "สวนสาธารณะ"]
        let lastCells = ["1", "22", "333"]
        for (line, (title, last)) in zip(lines.dropFirst(), zip(titles, lastCells)) {
            XCTAssertEqual(TextTable.width(line.components(separatedBy: title)[0]), 5, "the title starts after ID's 3 columns and 2 spaces: \(line)")
            XCTAssertEqual(TextTable.width(line) - TextTable.width(last), 3 + 2 + 48 + 2, "N starts after the widest title: \(line)")
            XCTAssertTrue(line.hasSuffix(last))
        }
        XCTAssertTrue(lines[3].contains("…"), lines[3])
        XCTAssertEqual(table.rowCount, 3)
    }

    func testWritingInBlocksGivesTheRenderedText() {
        var table = TextTable(headers: ["ID", "TITLE"])
        for index in 0..<5_000 {
            table.append(text: "dataset-\(index)")
            table.endCell()
            table.append("ฝุ่น ")
            table.append(text: String(index))
            table.endCell()
        }
        var bytes: [UInt8] = []
        table.write(to: &bytes)
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), table.render())
        XCTAssertEqual(table.render().split(separator: "\n").count, 5_001)
    }
}
