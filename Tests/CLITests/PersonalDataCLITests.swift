import Foundation
import XCTest

/// No personal data reaches the public tree by any path, on the real binary: not through the example
/// values of the reports (from columns the recipe drops, from rows sent to quarantine), not in the
/// forms the scan once missed, not in column names.
final class PersonalDataCLITests: XCTestCase {
    private var space: ReleaseWorkspace!
    private let id = "stations"
    /// A valid national ID number: 1-2345-67890-12 and its check digit 1.
    private let nationalID = "1-2345-67890-12-1"

    override func setUpWithError() throws {
        space = try ReleaseWorkspace()
    }

    override func tearDown() {
        space.remove()
    }

    private func publicReport(_ name: String) throws -> String {
        try String(contentsOf: space.publicRoot.appendingPathComponent("\(id)/v1/\(name)"), encoding: .utf8)
    }

    private func fullReport(_ name: String) throws -> String {
        try String(contentsOf: space.root.appendingPathComponent(".lumpini/reports/\(id)/\(name)"), encoding: .utf8)
    }

    func testTheCleansingReportShowsNoValueOfTheColumnsTheRecipeDrops() throws {
        try space.addDataset(id, extra: """
            recipe:
              - step: clean-text
              - step: drop-columns
                fields: [ผู้ติดต่อ, tel, id_card, email]

            """)
        try space.setRows(id, (0..<3).map { index in
            [("code", "S\(index)"), ("ผู้ติดต่อ", "  นายสมชาย   ใจดี "), ("tel", " 081-234-5678 "), ("id_card", " \(nationalID)"),
             ("email", "somchai.j@example.org  ")]
        })
        let result = try space.lumpini(["publish", id])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)

        let report = try publicReport("cleansing-report.json")
        for raw in ["สมชาย", "ใจดี", "081-234", "234-5678", "67890", "somchai"] {
            XCTAssertFalse(report.contains(raw), "the public cleansing report shows \(raw): \(report)")
        }
        for masked in ["นาย ส***", "08x-xxx-5678", "1-2345-xxxxx-xx-x", "s***@example.org"] {
            XCTAssertTrue(report.contains(masked), "\(masked) missing: \(report)")
        }
        XCTAssertTrue(try fullReport("cleansing-report.json").contains("somchai.j@example.org"), "the full report stays under .lumpini")
    }

    func testTheValidationReportShowsNoCellOfAQuarantinedRow() throws {
        try space.addDataset(id, extra: "schema: stations\n")
        try """
            {"fields": [{"name": "code", "type": "string"}, {"name": "remark", "type": "string", "constraints": {"maxLength": 12}}]}
            """.write(to: space.root.appendingPathComponent("schemas/stations.schema.json"), atomically: true, encoding: .utf8)
        try space.setRows(id, [
            [("code", "S0"), ("remark", "ปกติ")],
            [("code", "S1"), ("remark", "แจ้งโดย somchai.j@example.org")],
            [("code", "S2"), ("remark", "นางสาวสมศรี มีสุข โทร 089-876-5432")],
        ])
        let result = try space.lumpini(["publish", id])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("1 rows published, 2 quarantined"), result.stdout)

        let report = try publicReport("validation-report.json")
        for raw in ["somchai", "สมศรี", "มีสุข", "089-876", "876-5432"] {
            XCTAssertFalse(report.contains(raw), "the public validation report shows \(raw): \(report)")
        }
        for masked in ["s***@example.org", "นางสาว ส***", "08x-xxx-5432"] {
            XCTAssertTrue(report.contains(masked), "\(masked) missing: \(report)")
        }
        XCTAssertTrue(report.contains("is longer than 12 characters"), "the reason stays: \(report)")
        XCTAssertTrue(try fullReport("validation-report.json").contains("somchai.j@example.org"), "the full report stays under .lumpini")
    }

    func testFormsTheScanMissedBlockTheRelease() throws {
        try space.addDataset(id)
        let forms: [(column: String, values: [String])] = [
            ("id_note", ["1–2345–67890–12–1", "1.2345.67890.12.1", "1/2345/67890/12/1", "１２３４５６７８９０１２１", "1-2345-67890-121"]),
            ("phone_note", ["081–234–5678", "081.234.5678", "０８１２３４５６７８", "0066 81 234 5678", "66-2-123-4567", "+66 (0)81 234 5678"]),
            ("mail_note", ["สมชาย@ตัวอย่าง.ไทย", "info@bangkok.xn--o3cw4h", "somchai＠example.org"]),
            ("name_note", ["คุณสมชาย ใจดี", "พ.ต.อ.สมชาย ใจดี", "นส.สมศรี", "MR SOMCHAI JAIDEE", "Ms.Jane"]),
            ("driver", ["สมชาย ใจดี"]),
            ("ชื่อ สกุล", ["สมศรี มีสุข"]),
        ]
        let rows = (0..<6).map { index in
            [("code", "S\(index)")] + forms.map { ($0.column, index < $0.values.count ? $0.values[index] : "") }
        }
        try space.setRows(id, rows)
        let result = try space.lumpini(["publish", id])
        let output = result.stdout + result.stderr
        XCTAssertEqual(result.status, 1, output)
        for expected in ["id_note: 5 Thai national ID numbers", "phone_note: 6 phone numbers", "mail_note: 3 e-mail addresses",
                         "name_note: 5 personal names", "driver: 1 personal names", "ชื่อ สกุล: 1 personal names"] {
            XCTAssertTrue(output.contains(expected), "\(expected) missing: \(output)")
        }
        for raw in forms.flatMap(\.values) { XCTAssertFalse(output.contains(raw), "the output shows \(raw)") }
        XCTAssertFalse(FileManager.default.fileExists(atPath: space.publicRoot.appendingPathComponent("\(id)/v1").path))
    }

    func testAColumnNamedWithPersonalDataBlocksTheReleaseWithoutShowingIt() throws {
        try space.addDataset(id)
        try space.setRows(id, [[("code", "S0"), ("081-234-5678", "x")]])
        let result = try space.lumpini(["publish", id])
        let output = result.stdout + result.stderr
        XCTAssertEqual(result.status, 1, output)
        XCTAssertTrue(output.contains("name of column 2: 1 phone numbers from row 1 (e.g. 08x-xxx-5678)"), output)
        XCTAssertFalse(output.contains("081-234-5678"), output)
    }
}
