@testable import Lumpini
@testable import LumpiniCleanse
@testable import LumpiniPrivacy
import XCTest

/// Values quoted by the public reports: personal data masked as the privacy report masks it, the rest kept.
final class PersonalDataMaskerTests: XCTestCase {
    func testEveryItemInATextIsMaskedAndTheRestKept() {
        XCTAssertEqual(PersonalDataMasker.masked("โทร 081-234-5678 หรือ 02–123–4567"), "โทร 08x-xxx-5678 หรือ 02-xxx-4567")
        XCTAssertEqual(PersonalDataMasker.masked("ติดต่อ นายสมชาย ใจดี somchai@example.org"), "ติดต่อ นาย ส*** s***@example.org")
        XCTAssertEqual(PersonalDataMasker.masked("บัตร 1-2345-67890-12-1 ออกที่เขตบางรัก"), "บัตร 1-2345-xxxxx-xx-x ออกที่เขตบางรัก")
        XCTAssertEqual(PersonalDataMasker.masked("Mr. Somchai Jaidee, MR SOMCHAI JAIDEE"), "Mr S***, MR S***")
        XCTAssertEqual(PersonalDataMasker.masked("row 5, field \"remark\": \"x@y.co\" is longer than 5 characters"),
                       "row 5, field \"remark\": \"x***@y.co\" is longer than 5 characters")
    }

    func testTextWithoutPersonalDataIsUnchanged() {
        for text in ["สวนลุมพินี", "13.758108, 100.501234", "2024-01-15", "ตลาดนางเลิ้ง", "นายกรัฐมนตรี กล่าวเปิดงาน", "", "PM2.5 เกิน 37.5"] {
            XCTAssertEqual(PersonalDataMasker.masked(text), text)
        }
    }

    func testAValueOfAPeopleColumnIsMaskedWhole() {
        XCTAssertEqual(PersonalDataMasker.masked("ทำนุ เหล็งขยัน", column: "CHAIRMAN"), "ทำ***")
        XCTAssertEqual(PersonalDataMasker.masked("ทำนุ เหล็งขยัน", column: "remark"), "ทำนุ เหล็งขยัน")
        XCTAssertEqual(PersonalDataMasker.masked("-", column: "CHAIRMAN"), "-")
    }

    func testAReportValueIsMaskedAsTheScanReportsItsExample() throws {
        let values = ["081–234–5678", "somchai＠example.org", "นส.สมศรี มีสุข"]
        let report = try PrivacyGate.scan(records: values.enumerated().map { Record(rowNumber: $0.offset + 2, values: [$0.element]) }, header: ["note"])
        XCTAssertEqual(report.findings.flatMap(\.examples), values.map { PersonalDataMasker.masked($0) })
    }

    func testAValidationErrorKeepsItsReasonAndMasksItsCellWhereverQuoted() {
        let error = ValidationProblem(
            .constraintError, message: "row 4, field \"CHAIRMAN\": \"ทำนุ เหล็งขยัน\" is longer than 5 characters",
            note: "constraint \"maxLength\" is \"5\"", rowNumber: 4, fieldNumber: 2, fieldName: "CHAIRMAN", cell: "ทำนุ เหล็งขยัน"
        ).masked()
        XCTAssertEqual(error.cell, "ทำ***")
        XCTAssertEqual(error.message, "row 4, field \"CHAIRMAN\": \"ทำ***\" is longer than 5 characters")
        XCTAssertEqual(error.note, "constraint \"maxLength\" is \"5\"")
        XCTAssertEqual(error.rowNumber, 4)
        XCTAssertEqual(error.type, "constraint-error")
    }

    func testACleansingReportKeepsItsCountsAndMasksItsExamples() {
        let report = CleansingReport(
            dataset: "x", rowsIn: 2, rowsKept: 2, rowsQuarantined: 0, balanced: true, fields: ["code"],
            steps: [StepChange(step: "clean-text", stepIndex: 0, field: "ประธาน", changed: 2, examples: [
                ChangeExample(row: 2, before: " ทำนุ  เหล็งขยัน", after: "ทำนุ เหล็งขยัน"),
            ]), StepChange(step: "clean-text", stepIndex: 0, field: "tel", changed: 1, examples: [
                ChangeExample(row: 3, before: "081–234–5678 ", after: "081–234–5678"),
            ])],
            quarantineReasons: ["unreadable-geometry": 0], fuzzyMatches: [], repairs: [], repairCount: 0, quarantineFile: nil, outputFile: nil
        ).masked()
        XCTAssertEqual(report.steps.flatMap(\.examples).map(\.before), ["ทำ***", "08x-xxx-5678 "])
        XCTAssertEqual(report.steps.flatMap(\.examples).map(\.after), ["ทำ***", "08x-xxx-5678"])
        XCTAssertEqual(report.steps.map(\.changed), [2, 1])
        XCTAssertEqual(report.steps.map(\.field), ["ประธาน", "tel"])
    }
}
