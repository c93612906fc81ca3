import XCTest
@testable import Lumpini

/// National ID numbers built in the test with the check digit computed here, independently of
/// `ThaiNationalID.checkDigit`, then written the ways agencies write them.
final class ThaiNationalIDTests: XCTestCase {
    /// The published algorithm: weights 13…2 over the first 12 digits, check = (11 - sum mod 11) mod 10.
    private func checkDigit(_ twelve: [Int]) -> Int {
        let sum = zip(twelve, stride(from: 13, through: 2, by: -1)).map { $0 * $1 }.reduce(0, +)
        return (11 - sum % 11) % 10
    }

    private func randomID(category: Int = Int.random(in: 1...8)) -> [Int] {
        let twelve = [category] + (0..<11).map { _ in Int.random(in: 0...9) }
        return twelve + [checkDigit(twelve)]
    }

    private func dashed(_ digits: [Int], separator: String = "-") -> String {
        var text = ""
        for (index, digit) in digits.enumerated() {
            if [1, 5, 10, 12].contains(index) { text += separator }
            text += String(digit)
        }
        return text
    }

    private func thaiDigits(_ text: String) -> String {
        String(text.unicodeScalars.map { scalar -> Character in
            (0x30...0x39).contains(scalar.value) ? Character(Unicode.Scalar(scalar.value - 0x30 + 0x0E50)!) : Character(scalar)
        })
    }

    private func kinds(_ value: String, column: String = "remark") throws -> Set<PersonalDataKind> {
        let report = try PrivacyGate.scan(records: [Record(rowNumber: 2, values: [value])], header: [column])
        return Set(report.findings.map(\.kind))
    }

    func testTheCheckDigitAgreesWithTheAlgorithmOnManyNumbers() {
        for _ in 0..<2_000 {
            let id = randomID()
            XCTAssertEqual(Int(ThaiNationalID.checkDigit(id.prefix(12).map(UInt8.init))), id[12])
            XCTAssertTrue(ThaiNationalID.isValid(id.map(UInt8.init)))
            var wrong = id
            wrong[12] = (id[12] + Int.random(in: 1...9)) % 10
            XCTAssertFalse(ThaiNationalID.isValid(wrong.map(UInt8.init)), "\(wrong) has a wrong check digit")
        }
    }

    func testAValidIDIsFoundInEveryWrittenForm() throws {
        for _ in 0..<200 {
            let id = randomID()
            let plain = id.map(String.init).joined()
            for written in [plain, dashed(id), dashed(id, separator: " "), thaiDigits(dashed(id)), thaiDigits(plain),
                            "เลขบัตร \(dashed(id)) ออกที่เขตบางรัก", "ID:\(plain);"] {
                XCTAssertEqual(try kinds(written), [.nationalID], written)
            }
        }
    }

    func testAnIDWrittenWithDashesDotsSlashesWideDigitsOrGroupsRunTogether() throws {
        for _ in 0..<200 {
            let id = randomID()
            let plain = id.map(String.init).joined()
            let wide = String(plain.unicodeScalars.map { Character(Unicode.Scalar($0.value - 0x30 + 0xFF10)!) })
            let written = [
                dashed(id, separator: "–"), dashed(id, separator: "—"), dashed(id, separator: "."), dashed(id, separator: "/"),
                dashed(id, separator: "\u{00A0}"), dashed(id, separator: " - "), dashed(id, separator: "－"), wide,
                "\(plain.prefix(1))-\(plain.dropFirst(1).prefix(4))-\(plain.dropFirst(5).prefix(5))-\(plain.suffix(3))",
                "\(plain.prefix(1)) \(plain.dropFirst())", "\(plain.prefix(5)) \(plain.dropFirst(5))",
            ]
            for text in written {
                XCTAssertEqual(try kinds(text), [.nationalID], text)
            }
        }
    }

    func testInvalidNumbersAreNotIDs() throws {
        for _ in 0..<200 {
            let id = randomID()
            var wrongCheck = id
            wrongCheck[12] = (id[12] + 1) % 10
            let zeroCategory = [0] + Array(id.dropFirst(1).prefix(11))
            let nineCategory = [9] + Array(id.dropFirst(1).prefix(11))
            for digits in [wrongCheck, zeroCategory + [checkDigit(zeroCategory)], nineCategory + [checkDigit(nineCategory)]] {
                XCTAssertFalse(try kinds(digits.map(String.init).joined()).contains(.nationalID), "\(digits)")
            }
            let plain = id.map(String.init).joined()
            // Part of a longer number, a quantity with decimals, or grouped in a way IDs never are.
            for written in ["9" + plain, plain + "4", plain + ".25", "0." + plain, String(plain.prefix(12)),
                            "\(plain.prefix(6))-\(plain.dropFirst(6))"] {
                XCTAssertFalse(try kinds(written).contains(.nationalID), written)
            }
        }
    }

    func testTheExampleIsMaskedAfterTheFifthDigit() throws {
        let twelve = [3, 1, 0, 0, 5, 0, 1, 2, 3, 4, 5, 6]
        let id = twelve + [checkDigit(twelve)]
        let report = try PrivacyGate.scan(records: [Record(rowNumber: 2, values: [dashed(id)])], header: ["เลขบัตร"])
        XCTAssertEqual(report.findings.first?.examples, ["3-1005-xxxxx-xx-x"])
        XCTAssertFalse(try JSONOutput.string(report).contains(id.map(String.init).joined().suffix(8)))
    }
}
