@testable import LumpiniIngest
import XCTest

/// The start tags an XML parser would see, wherever the chunks are cut: white space of any kind inside
/// tags, namespace prefixes, both quotes, references; nothing from comments, CDATA or end tags.
final class XMLStartTagsTests: XCTestCase {
    static let sheet = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
        <!-- <mergeCell ref="Z1:Z2"/> is a comment --><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData>
        <x:mergeCells count="3"><x:mergeCell\tref="A1:B1"/><mergeCell
          ref='C1:C2' /><![CDATA[<mergeCell ref="Y1:Y2"/>]]><x:mergeCell ref="D&#49;:E&#x31;"></x:mergeCell></x:mergeCells>
        <x:extLst title="a &quot;&gt;&quot; b"/></x:worksheet>
        """

    private func tags(_ xml: String, chunk size: Int) -> [XMLStartTags.Tag] {
        var reader = XMLStartTags()
        var found: [XMLStartTags.Tag] = []
        let bytes = Array(xml.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + size)
            XCTAssertTrue(reader.feed(Array(bytes[start..<end])) { found.append($0); return true })
            start = end
        }
        return found
    }

    func testMergeCellsAreFoundAsAnXMLParserReadsThemWhateverTheChunks() {
        let whole = tags(Self.sheet, chunk: 1 << 20)
        XCTAssertEqual(whole.filter { $0.name == "mergeCell" }.compactMap { $0.attributes["ref"] }, ["A1:B1", "C1:C2", "D1:E1"])
        XCTAssertEqual(whole.first { $0.name == "extLst" }?.attributes["title"], "a \">\" b")
        XCTAssertEqual(whole.first { $0.name == "worksheet" }?.attributes["x"], "http://schemas.openxmlformats.org/spreadsheetml/2006/main")
        for size in 1...40 {
            XCTAssertEqual(tags(Self.sheet, chunk: size), whole, "chunks of \(size) bytes")
        }
    }

    func testAConstructThatNeverEndsStopsTheReading() {
        var reader = XMLStartTags()
        let open = Array("<mergeCell ref=\"".utf8) + [UInt8](repeating: UInt8(ascii: "A"), count: XMLStartTags.longestConstruct)
        XCTAssertFalse(reader.feed(open) { _ in true })
    }
}
