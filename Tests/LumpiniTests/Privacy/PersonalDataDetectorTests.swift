@testable import Lumpini
@testable import LumpiniPrivacy
import XCTest

/// Phone numbers, e-mail addresses and names, found (or rightly not found) in values agencies write.
final class PersonalDataDetectorTests: XCTestCase {
    private func report(_ values: [String], column: String = "remark", allow: [String: [String]] = [:]) throws -> PrivacyReport {
        let records = values.enumerated().map { Record(rowNumber: $0.offset + 2, values: [$0.element]) }
        return try PrivacyGate.scan(records: records, header: [column], allow: allow)
    }

    private func kinds(_ value: String, column: String = "remark") throws -> Set<PersonalDataKind> {
        Set(try report([value], column: column).findings.map(\.kind))
    }

    func testPhoneNumbersInTheFormsThaiAgenciesWriteThem() throws {
        let phones = [
            "0812345678", "081-234-5678", "081 234 5678", "08-1234-5678", "๐๘๑-๒๓๔-๕๖๗๘", "0912345678", "06 1234 5678",
            "02-123-4567", "021234567", "(02) 123 4567", "02 123 4567", "+66 81 234 5678", "+66812345678", "+66-2-123-4567",
            "(+66) 2 123 4567", "โทร. 02-123-4567 ต่อ 12", "ติดต่อ 081-234-5678, 089-876-5432", "543/0812345678",
        ]
        for phone in phones {
            XCTAssertEqual(try kinds(phone), [.phone], phone)
        }
    }

    func testNumbersThatAreNotPhoneNumbers() throws {
        let notPhones = [
            "13.7581890714", "100.500084363", "0.812345678", "12/09/2566", "2566-09-12", "09.30-10.30 น.", "1,234,567,890",
            "081234567", "08123456789", "0312345678", "031234567", "+1 212 555 0100", "10358.3160208", "543/21",
            "รหัส 100107003", "66812345678",
        ]
        for value in notPhones {
            XCTAssertFalse(try kinds(value).contains(.phone), value)
        }
    }

    func testPhoneNumbersWithDashesDotsSlashesWideDigitsAndCountryCodes() throws {
        let phones = [
            "081–234–5678", "081—234—5678", "02 − 123 − 4567", "081\u{00A0}234\u{00A0}5678", "０８１－２３４－５６７８", "０８１２３４５６７８",
            "081.234.5678", "02.123.4567", "081/234/5678", "0066 81 234 5678", "0066812345678", "0066-2-123-4567",
            "66 81 234 5678", "66-2-123-4567", "(66) 81-234-5678", "+66 (0)81 234 5678", "โทร 081–234–5678/9",
        ]
        for phone in phones {
            XCTAssertEqual(try kinds(phone), [.phone], phone)
        }
    }

    func testDecimalsCoordinatesAndDatesStayNumbers() throws {
        let values = [
            "13.758108", "100.501234", "13.758108, 100.501234", "POINT (100.5012345 13.7581089)", "15.01.2567", "2024/01/15 08:30",
            "10.0.0.1", "1.234.567", "0.081234567", "66.81234567", "12/345/6789", "3.1415926535",
        ]
        for value in values {
            XCTAssertTrue(try kinds(value).isEmpty, value)
        }
    }

    func testPhoneExamplesKeepTheLineKindAndTheLastFourDigits() throws {
        let found = try report(["081-234-5678", "+66 2 765 4321", "๐๙๑๒๓๔๕๖๗๘"]).findings
        XCTAssertEqual(found.map(\.count), [3])
        XCTAssertEqual(found.first?.examples, ["08x-xxx-5678", "02-xxx-4321", "09x-xxx-5678"])
    }

    func testEmailAddressesAndTheirMasks() throws {
        let found = try report(["ติดต่อ somchai.j@example.org", "<a.b+tag@mail.bangkok.go.th>", "no mail here", "user@localhost", "a@b.c"]).findings
        XCTAssertEqual(found.map(\.kind), [.email])
        XCTAssertEqual(found.first?.count, 2)
        XCTAssertEqual(found.first?.examples, ["s***@example.org", "a***@mail.bangkok.go.th"])
        XCTAssertEqual(found.first?.firstRow, 2)
    }

    func testInternationalisedEmailAddresses() throws {
        let found = try report(["ติดต่อ สมชาย@ตัวอย่าง.ไทย", "info@xn--12c1bik6bbd8ab6hd1b5jc6jta.com", "somchai@bangkok.xn--o3cw4h",
                                "somchai＠example.org", "admin@กรุงเทพ.go.th"]).findings
        XCTAssertEqual(found.map(\.kind), [.email])
        XCTAssertEqual(found.first?.count, 5)
        XCTAssertEqual(found.first?.examples, ["ส***@ตัวอย่าง.ไทย", "i***@xn--12c1bik6bbd8ab6hd1b5jc6jta.com", "s***@bangkok.xn--o3cw4h"])
        for value in ["@bangkok", "ราคา @ 100 บาท", "user@localhost", "a@b.c", "x@xn--", "ชื่อ@ที่"] {
            XCTAssertFalse(try kinds(value).contains(.email), value)
        }
    }

    func testNamesAfterKhunRanksAndOtherTitles() throws {
        let names = [
            "คุณสมชาย ใจดี", "คุณ สมศรี มีสุข", "พ.ต.อ.สมชาย ใจดี", "พ.ต.อ. สมชาย ใจดี", "พล.ต.ท. สุรชัย", "ร.ต.อ.หญิง สมศรี", "จ.ส.ต.มานพ",
            "ด.ต. สมบัติ", "พล.อ. ประยุทธ์", "พ.ท.สมชาย ใจดี", "น.อ.สมพงษ์", "นส.สมศรี", "นส. มานี", "นพ.สุรชัย", "MR SOMCHAI JAIDEE", "MRS. MALI JAIDEE",
            "Ms.Jane", "Mr.Smith", "DR. SUDA RAKDEE",
        ]
        for name in names {
            XCTAssertEqual(try kinds(name), [.personName], name)
        }
    }

    func testWordsThatBeginWithKhunOrLookLikeRanksAreNotNames() throws {
        let values = [
            "คุณภาพอากาศ ดี", "คุณค่า ทางอาหาร", "คุณสมบัติ ผู้สมัคร", "คุณแม่ตั้งครรภ์ ทั้งหมด", "ตรวจคุณภาพน้ำ", "ส.ต.ง.", "พ.ศ. 2567", "พ.ท.สีเขียว", "พ.ท. ทั้งหมด (ตร.ม.)",
            "MS Excel", "MS WORD", "MR ROAD", "DRIVE", "Dr.5", "นายกรัฐมนตรี", "ตลาดนางเลิ้ง",
        ]
        for value in values {
            XCTAssertFalse(try kinds(value).contains(.personName), value)
        }
    }

    func testThaiNamesAfterAnHonorific() throws {
        let names = [
            "นายทำนุ  เหล็งขยัน", "นางสุภนิจ ทรงกองนาม", "นางสาวสมศรี ใจดี", "น.ส. สมศรี", "ด.ช.สมชาย", "ด.ญ. มานี", "ดร.สุรชัย",
            "เด็กชายก้อง ใจกล้า", "ผู้ประสานงาน: นาย สมชาย ใจดี", "Mr. Somchai Jaidee", "Mrs Smith", "contact Dr. Suda",
            "Miss Mali", "Ms. Anong",
        ]
        for name in names {
            XCTAssertEqual(try kinds(name), [.personName], name)
        }
    }

    func testPlacesTitlesAndWordsThatBeginLikeHonorifics() throws {
        let notNames = [
            "สวนลุมพินี", "ตลาดนางเลิ้ง", "นางเลิ้ง", "ชุมชนนายเลิศ", "นายกรัฐมนตรี กล่าวเปิดงาน", "นายอำเภอ บางพลี", "นางพยาบาล ประจำศูนย์",
            "นาย", "นายสมชาย", "Drive carefully", "Mrs", "Dr. 5", "MR ROAD", "สำนักงานเขตดินแดง",
        ]
        for value in notNames {
            XCTAssertFalse(try kinds(value).contains(.personName), value)
        }
    }

    func testNameExamplesKeepTheHonorificAndOneLetter() throws {
        let found = try report(["นายทำนุ  เหล็งขยัน", "นางสุภนิจ ทรงกองนาม", "Mr. Somchai Jaidee", "นายทองดี ใจงาม"]).findings
        XCTAssertEqual(found.first?.examples, ["นาย ทำ***", "นาง สุ***", "Mr S***"])
        XCTAssertEqual(found.first?.count, 4)
        XCTAssertEqual(found.first?.rule, "honorific")
    }

    func testColumnNamesThatSayTheyHoldPeople() {
        for name in ["CHAIRMAN", "chairperson", "ประธานชุมชน", "name_person", "owner", "OwnerName", "first_name", "LASTNAME",
                     "ชื่อ-สกุล", "ผู้ติดต่อ", "เจ้าของอาคาร", "contact", "staff_name", "Officer", "reporter", "informant", "driver",
                     "customer_name", "victim", "ชื่อ สกุล", "ชื่อ - สกุล", "ชื่อ / นามสกุล", "ผู้ขับขี่"] {
            XCTAssertTrue(PersonColumn.namesPeople(name), name)
        }
        for name in ["name", "NAME_TH", "ชื่อ", "ชื่อสวน", "DNAME", "SNAME", "COMMU_AD_1", "ownership_type", "chairs_count", "wheelchair"] {
            XCTAssertFalse(PersonColumn.namesPeople(name), name)
        }
    }

    func testAPeopleColumnCountsTextButNotBlanksMarkersOrNumbers() throws {
        let found = try report(["ทำนุ เหล็งขยัน", " ", "-", "ไม่มีข้อมูล", "12", "Somchai"], column: "CHAIRMAN").findings
        XCTAssertEqual(found.map(\.kind), [.personName])
        XCTAssertEqual(found.first?.count, 2)
        XCTAssertEqual(found.first?.examples, ["ทำ***", "S***"])
        XCTAssertEqual(found.first?.rule, "column-name")
        XCTAssertTrue(try report(["สวนลุมพินี", "สวนเบญจกิติ"], column: "name").findings.isEmpty)
    }

    func testDeclaredKindsAreAllowedInTheirColumnOnly() throws {
        let header = ["contact_email", "note"]
        let records = [Record(rowNumber: 2, values: ["info@bangkok.go.th", "ส่งถึง somchai@example.org"])]
        let report = try PrivacyGate.scan(records: records, header: header, allow: ["contact_email": ["email"]])
        XCTAssertEqual(report.allowed.map(\.column), ["contact_email"])
        XCTAssertEqual(report.findings.map(\.column), ["note"])
        XCTAssertTrue(report.isBlocking)
        let error = try XCTUnwrap(report.blockingError(file: "datasets/x/dataset.yaml"))
        XCTAssertEqual(error.code, "personal-data")
        XCTAssertEqual(error.kind, .data)
        XCTAssertEqual(error.field, "note")
        XCTAssertTrue(error.description.contains("s***@example.org"), error.description)
        XCTAssertFalse(error.description.contains("somchai@"), error.description)

        let allowingBoth = try PrivacyGate.scan(records: records, header: header, allow: ["contact_email": ["email"], "note": ["email"]])
        XCTAssertFalse(allowingBoth.isBlocking)
        XCTAssertNil(allowingBoth.blockingError())
    }

    func testAnUnknownKindInAllowIsAnError() {
        XCTAssertThrowsError(try PrivacyScanner(header: ["a"], allow: ["a": ["emails"]])) { error in
            XCTAssertEqual((error as? LumpiniError)?.code, "privacy-unknown-kind")
        }
    }

    /// A text the detectors found nothing in is not scanned again, and that changes nothing: a text
    /// holding personal data counts on every row, and a text quiet in one column is still a person's
    /// name in a column that names people.
    func testRepeatedTextsCountAsOftenAndQuietOnesStayColumnBound() throws {
        var records: [Record] = []
        for row in 2...2_001 {
            records.append(Record(rowNumber: row, values: ["สถานีตรวจวัด เขตจตุจักร \(row % 3)", "โทร 081-234-5678", "สมชาย ใจดี", "สมชาย ใจดี"]))
        }
        let report = try PrivacyGate.scan(records: records, header: ["station", "note", "remark", "CHAIRMAN"])
        XCTAssertEqual(report.findings.map(\.column), ["note", "CHAIRMAN"])
        XCTAssertEqual(report.findings.map(\.count), [2_000, 2_000])
        XCTAssertEqual(report.findings.map(\.firstRow), [2, 2])
        XCTAssertEqual(report.rowsScanned, 2_000)
    }

    func testValuesBeyondTheHeaderAreScannedToo() throws {
        let records = [Record(rowNumber: 2, values: ["ok", "x", "081-234-5678"])]
        let report = try PrivacyGate.scan(records: records, header: ["a"])
        XCTAssertEqual(report.findings.map(\.column), ["column 3"])
    }

    func testColumnNamesAreScannedAndReportedWithoutShowingThem() throws {
        let header = ["code", "081-234-5678", "นายสมชาย ใจดี", "somchai@example.org"]
        let report = try PrivacyGate.scan(records: [Record(rowNumber: 2, values: ["a", "b", "c", "d"])], header: header)
        XCTAssertEqual(report.findings.map(\.column), ["name of column 2", "name of column 3", "name of column 4"])
        XCTAssertEqual(report.findings.map(\.kind), [.phone, .personName, .email])
        XCTAssertEqual(report.findings.map(\.firstRow), [1, 1, 1])
        let json = try JSONOutput.string(report)
        for name in header.dropFirst() { XCTAssertFalse(json.contains(name), name) }
        XCTAssertTrue(try PrivacyGate.scan(records: [], header: ["name", "district", "pm25", "ชื่อ สกุล"]).findings.isEmpty)
    }

    func testWhatTheFastPathRulesOutTheDetectorsWouldNotFind() throws {
        let alphabet = Array("0123456789081066 .-/()+,:")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let value = String((0..<Int.random(in: 9...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            guard value.withUTF8Bytes(PrivacyScanner.cannotHoldPersonalData) else { continue }
            XCTAssertEqual(try kinds(value), [], value)
        }
    }

    func testMeasurementsDatesAndCodesAreRuledOutBeforeTheDetectorsRun() {
        func ruledOut(_ value: String) -> Bool { value.withUTF8Bytes(PrivacyScanner.cannotHoldPersonalData) }
        for value in ["35.2", "-0.5", "2024-01-15", "100.523456", "1001", "12/09/2566", "1,234,567,890", "12345678"] {
            XCTAssertTrue(ruledOut(value), value)
        }
        for value in ["0812345678", "081-234-5678", "(02) 123 4567", "+66 2 123 4567", "1-2345-67890-12-3", "a@b.co", "Mr Smith",
                      "นายสมชาย", "๐๘๑๒๓๔๕๖๗๘", "081.234.5678", "1/2345/67890/12/1", "081–234–5678", "543/0812345678"] {
            XCTAssertFalse(ruledOut(value), value)
        }
    }
}
