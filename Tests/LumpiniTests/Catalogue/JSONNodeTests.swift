import Foundation
import LumpiniCatalogue
import XCTest

/// Exports write their JSON directly; it must be what `JSONOutput` (sorted keys, JSONEncoder's layout)
/// gives of the same document, byte for byte, so that an export does not change shape with the writer.
final class JSONNodeTests: XCTestCase {
    func testTheDirectJSONIsJSONOutputByteForByte() throws {
        let document: JSONNode = [
            "@context": ["dct": "http://purl.org/dc/terms/", "dcat": "http://www.w3.org/ns/dcat#"],
            "@graph": [
                ["@id": "https://data.bangkok.go.th/opendata/dataset/pm25", "dct:title": [["@value": "ฝุ่น PM2.5", "@language": "th"]]],
                ["empty array": [], "empty object": .object([:]), "null": .null, "yes": .bool(true), "no": .bool(false)],
                ["size": .integer(-12_345_678_901), "zero": .integer(0)],
                .string("quote \" back\\slash / slash\nline\rreturn\ttab\u{8}bell\u{7}\u{C}\u{1F} é 🌏"),
                [[], [[]], .object(["b": "2", "a": "1", "B": "0", "_": "3", "é": "4"])],
            ],
        ]
        for pretty in [true, false] {
            XCTAssertEqual(
                String(decoding: document.json(pretty: pretty), as: UTF8.self), try JSONOutput.string(document, pretty: pretty),
                pretty ? "pretty" : "compact")
        }
        XCTAssertEqual(String(decoding: JSONNode.array([]).json(pretty: false), as: UTF8.self), "[]\n")
    }
}
