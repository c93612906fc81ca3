import LumpiniCore
import XCTest

/// The one CSV quoter and the one JSON string escaper, on every output they write to.
final class ByteOutputEncodingTests: XCTestCase {
    func testCSVFieldsAreQuotedOnlyWhenTheyMustBe() {
        var bytes: [UInt8] = []
        bytes.csvRecord(["plain", nil, "", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "\"", "ถนน สุขุมวิท"])
        XCTAssertEqual(
            String(decoding: bytes, as: UTF8.self),
            "plain,,,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",\"\"\"\",ถนน สุขุมวิท\r\n")
    }

    func testABufferAndAnArrayWriteTheSameCSV() {
        let fields = ["\"\"", "x\"y\"z", "end\""]
        var array: [UInt8] = []
        var buffer = ByteBuffer(capacity: 2)
        for field in fields {
            array.csvField(field)
            buffer.csvField(field)
        }
        XCTAssertEqual(array, Array(buffer.bytes))
        XCTAssertEqual(String(decoding: array, as: UTF8.self), "\"\"\"\"\"\"\"x\"\"y\"\"z\"\"end\"\"\"")
    }

    func testJSONStringsEscapeQuotesBackslashesAndControlCharacters() {
        var bytes: [UInt8] = []
        bytes.jsonString("ฝุ่น \"PM2.5\" \\ a/b\n\r\t\u{08}\u{0C}\u{01}\u{1F}")
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), #""ฝุ่น \"PM2.5\" \\ a/b\n\r\t\b\f\u0001\u001f""#)
    }

    func testJSONStringsMatchJSONOutput() throws {
        let texts = ["", "plain", "quote \" and \\", "line\nbreak", "\u{00}\u{07}\u{7F}", "สวนลุมพินี / Lumpini"]
        for text in texts {
            var buffer = ByteBuffer()
            buffer.jsonString(text)
            let encoded = try JSONOutput.data([text], pretty: false)
            XCTAssertEqual("[" + buffer.string() + "]\n", String(decoding: encoded, as: UTF8.self), text)
        }
    }
}
