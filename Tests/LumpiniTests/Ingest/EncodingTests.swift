import Foundation
@testable import Lumpini
import XCTest

final class EncodingTests: XCTestCase {
    private func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.path(relative))))
    }

    func testRealFilesAreDetected() throws {
        XCTAssertEqual(EncodingDetector.detect(try bytes("bkk-health-dashboard/community_health_worker.csv")).encoding, .tis620)
        XCTAssertEqual(EncodingDetector.detect(try bytes("bkk-health-dashboard/health_supply.csv")).encoding, .utf8BOM)
        XCTAssertEqual(EncodingDetector.detect(try bytes("bkk-health-dashboard/District Population  - Age 60 and more.csv")).encoding, .utf8)
        XCTAssertEqual(EncodingDetector.detect(try bytes("frictionless/cases/encoding-detect-cp1252/data.csv")).encoding, .windows1252)
    }

    func testTIS620DecodesToThai() throws {
        let csv = try bytes("bkk-health-dashboard/community_health_worker.csv")
        let text = try TextDecoder(.tis620).decode(csv)
        XCTAssertTrue(text.contains("พระนคร"))
        XCTAssertEqual(text.split(separator: "\n").count, 70, "header + 69 rows")
        XCTAssertEqual(try TextDecoder(.tis620).decode([0xA8, 0x2E, 0xAA, 0xC5, 0xBA, 0xD8, 0xC3, 0xD5]), "จ.ชลบุรี")
        XCTAssertThrowsError(try TextDecoder(.tis620).decode([0x41, 0xFC]), "0xFC is unassigned in TIS-620")
        XCTAssertEqual(try TextDecoder(.windows874).decode([0x93, 0xA1, 0x94, 0x85]), "\u{201C}ก\u{201D}…")
    }

    func testUTF16WithAndWithoutBOM() throws {
        let text = "name,ชื่อ\nLumpini,สวนลุมพินี\n"
        let le = Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be = Array(text.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        XCTAssertEqual(EncodingDetector.detect([0xFF, 0xFE] + le).encoding, .utf16LE)
        XCTAssertEqual(EncodingDetector.detect([0xFE, 0xFF] + be).encoding, .utf16BE)
        XCTAssertEqual(EncodingDetector.detect(le).encoding, .utf16LE)
        XCTAssertEqual(EncodingDetector.detect(be).encoding, .utf16BE)
        XCTAssertEqual(try TextDecoder(.utf16LE).decode(le), text)
        let thaiOnly = Array("ชื่อสวน,เขต\nสวนลุมพินี,ปทุมวัน\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        XCTAssertEqual(EncodingDetector.detect(thaiOnly).encoding, .utf16LE, "Thai text has 0x0E, not zero, as its high byte")
        XCTAssertEqual(try TextDecoder(.utf16BE).decode(be), text)
    }

    func testInvalidUTF8IsReportedWithItsOffset() {
        XCTAssertThrowsError(try TextDecoder(.utf8).decode(Array("ok ".utf8) + [0xBE, 0x41])) { error in
            XCTAssertEqual((error as? TextDecoder.InvalidBytes)?.offset, 3)
        }
        XCTAssertEqual(TextDecoder(.utf8).decodeRepairing([0x41, 0xFF]), "A\u{FFFD}")
    }

    func testEncodingNamesInTheirCommonSpellings() {
        for spelling in ["TIS-620", "tis620", "ISO 885911", "ISO-8859-11", "thai"] {
            XCTAssertEqual(TextEncoding(named: spelling), .tis620, spelling)
        }
        for spelling in ["874", "CP874", "windows-874", "x-windows-874"] {
            XCTAssertEqual(TextEncoding(named: spelling), .windows874, spelling)
        }
        XCTAssertEqual(TextEncoding(named: "utf-8-sig"), .utf8BOM)
        XCTAssertEqual(TextEncoding(named: "latin1"), .windows1252)
        XCTAssertNil(TextEncoding(named: "EBCDIC"))
    }
}
