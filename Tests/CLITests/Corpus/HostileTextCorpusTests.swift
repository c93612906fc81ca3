import Foundation
import XCTest

/// Text from agencies' files and metadata that would act instead of being shown: terminal escape
/// sequences (window title, clear screen, cursor moves), Markdown and HTML in the published README, and
/// cells a spreadsheet would run as formulas.
final class HostileTextCorpusTests: XCTestCase {
    var workspace: CorpusWorkspace!

    override func setUpWithError() throws {
        workspace = try CorpusWorkspace()
    }

    override func tearDown() {
        workspace = nil
    }

    private let escape = "\u{1B}"

    private func assertShown(_ text: String, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(text.contains(escape), "\(context): an escape character reached the terminal\n\(text.prefix(2_000))", file: file, line: line)
        XCTAssertFalse(text.contains("\u{07}"), "\(context): a bell character reached the terminal", file: file, line: line)
        XCTAssertTrue(text.contains("\\u001b"), "\(context): the escape character is not shown as \\u001b\n\(text.prefix(2_000))", file: file, line: line)
    }

    /// A `dataset.yaml` whose metadata is `title`, `description` and `contact` (YAML flow mappings).
    private func description(id: String, file: String, title: String, description: String, contact: String = "{name: Test Section, email: test@example.org}", extra: String = "") -> String {
        """
        id: \(id)
        title: \(title)
        description: \(description)
        publisher: ENV
        contact: \(contact)
        theme: environment
        license: CC-BY-4.0
        classification: public
        updateFrequency: annual
        governance: {status: approved, approvedBy: Committee, approvedOn: 2024-05-01}
        source:
          paths: ["source/\(file)"]
        \(extra)
        """
    }

    func testEscapeSequencesInDataAndMetadataAreShownNotObeyed() throws {
        // inspect: a column name setting the window title, a cell clearing the screen.
        let hostile = try workspace.write("hostile.csv", Data("name,count\(escape)]0;pwned\u{07}\nPark\(escape)[2J\(escape)[H,1\n".utf8))
        let inspected = try workspace.expect(["inspect", hostile], exit: [0])
        assertShown(inspected.stdout, "inspect")

        // validate: a cell quoted in a type error's message.
        let rows = (1...120).map { "\($0),\($0)" }.joined(separator: "\n")
        let invalid = try workspace.write("invalid.csv", Data("id,count\n\(rows)\n121,2\(escape)[1A\(escape)[2K\n".utf8))
        let validated = try workspace.expect(["validate", invalid], exit: [1])
        assertShown(validated.stdout, "validate")

        // An error line naming a file whose name holds an escape sequence.
        let missing = try workspace.expect(["inspect", workspace.path("gone\(escape)]0;x\u{07}.csv")], exit: [2])
        assertShown(missing.stderr, "the error line")

        // catalog show and list: a title, a description and a contact from dataset.yaml.
        let id = "hostile-metadata"
        try workspace.dataset(id, yaml: description(
            id: id, file: "data.csv", title: "{th: \"สวน\\e]0;pwned\\a\", en: \"Parks\\e[2J\\e[H\"}",
            description: "{th: ข้อมูล, en: \"Cleared\\e[3J\"}", contact: "{name: \"Section\\e[1A\", email: test@example.org}"))
        try workspace.placeSource(id, "data.csv", Data("park,visitors\nLumpini\(escape)[2J,10\n".utf8))
        try workspace.expect(["publish", id], exit: [0])
        try workspace.expect(["catalog", "build"], exit: [0])
        assertShown(try workspace.expect(["catalog", "show", id], exit: [0]).stdout, "catalog show")
        assertShown(try workspace.expect(["catalog", "list"], exit: [0]).stdout, "catalog list")
        // JSON stays exact.
        let json = try workspace.expect(["catalog", "show", id, "--json"], exit: [0]).stdout
        XCTAssertTrue(json.contains("\\u001b[2J") || json.contains("\\u001B[2J"), json.prefix(500).description)
    }

    func testTheReadmeShowsMetadataAsTextNotMarkup() throws {
        let id = "hostile-readme"
        try workspace.dataset(id, yaml: description(
            id: id, file: "data.csv", title: "{th: \"<script>alert(1)</script>\", en: \"<script>alert(2)</script>\"}",
            description: "{th: ข้อมูล, en: \"Read [this](javascript:alert(1))\\n# Injected heading\\n<img src=x onerror=alert(1)>\"}"))
        try workspace.placeSource(id, "data.csv", Data("park,note`<b>x\nLumpini,1\n".utf8))
        try workspace.expect(["publish", id], exit: [0])
        let readme = try String(contentsOf: workspace.publicRoot.appendingPathComponent("\(id)/latest/README.md"), encoding: .utf8)
        // Live only without the backslash that CommonMark reads as "this character as it is".
        for live in [#"(?<!\\)<script>"#, #"(?<!\\)<img"#, #"(?<!\\)\]\(javascript:"#] {
            XCTAssertNil(readme.range(of: live, options: .regularExpression), "\(live) in\n\(readme)")
        }
        XCTAssertFalse(readme.split(separator: "\n").contains { $0.hasPrefix("# Injected") }, readme)
        // Shown as written: escaped for Markdown, the column name as code.
        XCTAssertTrue(readme.contains("# \\<script\\>alert(2)\\</script\\>"), readme)
        XCTAssertTrue(readme.contains("\\# Injected heading"), readme)
        XCTAssertTrue(readme.contains("`` note`<b>x ``"), readme)
    }

    /// Cells a spreadsheet would run as formulas are published exactly, never made live by `clean-text`,
    /// and named in the validation report and the README; plain numbers such as -12.5 are not.
    func testFormulaLikeCellsArePublishedExactlyAndNamed() throws {
        let id = "formula-cells"
        try workspace.dataset(id, yaml: description(
            id: id, file: "data.csv", title: "{th: ทดสอบ, en: Test}", description: "{th: ทดสอบ, en: Test}",
            extra: "recipe:\n  - step: clean-text\n"))
        let csv = "id,formula,amount\n1,\"=HYPERLINK(\"\"http://example.org\"\",\"\"x\"\")\",-12.5\n2,@SUM(A1),+66\n3,\t=1+2,3\n4,plain,4\n"
        try workspace.placeSource(id, "data.csv", Data(csv.utf8))
        try workspace.expect(["publish", id], exit: [0])
        let version = workspace.publicRoot.appendingPathComponent("\(id)/latest")

        let published = try String(contentsOf: version.appendingPathComponent("\(id).csv"), encoding: .utf8)
        XCTAssertTrue(published.contains("3,\t=1+2,3"), "clean-text removed the tab that kept the formula inert:\n\(published)")
        XCTAssertTrue(published.contains("@SUM(A1)"), published)
        XCTAssertTrue(published.contains("=HYPERLINK("), published)

        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: version.appendingPathComponent("validation-report.json"))) as? [String: Any]
        let tasks = try XCTUnwrap(report?["tasks"] as? [[String: Any]])
        let warnings = tasks.flatMap { ($0["warnings"] as? [[String: Any]]) ?? [] }.filter { $0["type"] as? String == "formula-like-cell" }
        XCTAssertEqual(warnings.compactMap { $0["fieldName"] as? String }, ["formula"])

        let readme = try String(contentsOf: version.appendingPathComponent("README.md"), encoding: .utf8)
        let advice = try XCTUnwrap(readme.split(separator: "\n").first { $0.contains("start with =, +, - or @") }, readme)
        XCTAssertTrue(advice.contains("`formula`"), String(advice))
        XCTAssertFalse(advice.contains("amount"), String(advice))
    }
}
