@testable import LumpiniIngest
import XCTest

/// The CSV reader's UTF-8 check agrees with the standard library's on text made of Thai, ASCII and
/// the bytes that come close to them (a Thai lead byte without its continuation, overlongs, stray
/// continuation bytes): the same texts are valid, and a failure comes after a valid prefix.
final class UTF8ValidatorTests: XCTestCase {
    func testThaiAndTheBytesAroundItAreJudgedAsTheStandardLibraryJudgesThem() {
        let pieces: [[UInt8]] = [
            Array("สถานี".utf8), Array("ก".utf8), Array("๙".utf8), Array("a,b ".utf8), Array("é€😀".utf8),
            [0xE0], [0xB8], [0xB9], [0x80], [0xBF], [0xE0, 0xB8], [0xE0, 0xB9, 0x41], [0xE0, 0x80, 0x80], [0xE0, 0xBA, 0x80], [0xC0, 0x80], [0xFF],
        ]
        var generator = SystemRandomNumberGenerator()
        var failures = 0
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 1...12, using: &generator) {
                bytes += Int.random(in: 0..<3, using: &generator) == 0 ? pieces.randomElement(using: &generator)! : pieces[Int.random(in: 0..<4, using: &generator)]
            }
            var validator = UTF8Validator()
            let failure = bytes.withUnsafeBufferPointer { validator.validate($0) }
            let valid = String(validating: bytes, as: UTF8.self) != nil
            XCTAssertEqual(failure == nil && validator.pending == 0, valid, "\(bytes)")
            if let failure {
                failures += 1
                XCTAssertNotNil(String(validating: bytes[..<failure.offset], as: UTF8.self), "\(bytes): the bytes before the failure are valid")
                XCTAssertEqual(failure.byte, bytes[failure.offset])
            } else if validator.pending > 0 {
                XCTAssertNotNil(String(validating: bytes.dropLast(validator.pending), as: UTF8.self), "\(bytes): all but the unfinished end is valid")
            }
        }
        XCTAssertGreaterThan(failures, 1_000)
    }
}
