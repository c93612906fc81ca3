import Foundation
@testable import Lumpini
@testable import LumpiniPublish
import XCTest

final class ChangelogTrackerTests: XCTestCase {
    /// Without a primary key whole rows are compared, repeated rows counted one by one.
    func testWholeRowsAreComparedWhenThereIsNoKey() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let table = OutputTable(fields: [OutputField(name: "name"), OutputField(name: "count", type: .integer)])
        let previous = folder.appendingPathComponent("previous.csv").path
        let writer = try CSVWriter(path: previous, encoder: CSVRowEncoder(table: table), byteOrderMark: true)
        for (index, values) in [["สวน A", "1"], ["สวน A", "1"], ["B, \"b\"", "2"]].enumerated() {
            try writer.write(Record(rowNumber: index + 2, values: values))
        }
        _ = try writer.finish()

        let tracker = try ChangelogTracker(table: table, previousCSV: previous)
        let encoder = CSVRowEncoder(table: table)
        for (index, values) in [["B, \"b\"", "2"], ["สวน A", "1"], ["C", "3"]].enumerated() {
            try encoder.encode(Record(rowNumber: index + 2, values: values))
            tracker.observe(encoder)
        }
        let changelog = try tracker.finish(id: "parks", version: 2, previousVersion: 1)
        XCTAssertEqual(changelog.counts, Changelog.Counts(added: 1, removed: 1, changed: 0, unchanged: 2))
        XCTAssertEqual(changelog.examples.added.first?.values?["name"], "C")
        XCTAssertEqual(changelog.examples.removed.first?.values?["name"], "สวน A")
        XCTAssertEqual(changelog.key, [])
    }

    /// Rows are matched by key; a line break inside a cell compares equal whether written CRLF or LF.
    func testRowsAreMatchedByKeyWhateverTheirLineBreaks() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let table = OutputTable(fields: [OutputField(name: "code"), OutputField(name: "note")], primaryKey: ["code"])
        let previous = folder.appendingPathComponent("previous.csv").path
        let writer = try CSVWriter(path: previous, encoder: CSVRowEncoder(table: table), byteOrderMark: false)
        for (index, values) in [["S1", "two\r\nlines"], ["S2", "a"], ["S3", "gone"]].enumerated() {
            try writer.write(Record(rowNumber: index + 2, values: values))
        }
        _ = try writer.finish()

        let tracker = try ChangelogTracker(table: table, previousCSV: previous)
        let encoder = CSVRowEncoder(table: table)
        for (index, values) in [["S2", "b"], ["S1", "two\nlines"], ["S4", "new"]].enumerated() {
            try encoder.encode(Record(rowNumber: index + 2, values: values))
            tracker.observe(encoder)
        }
        let changelog = try tracker.finish(id: "stations", version: 2, previousVersion: 1)
        XCTAssertEqual(changelog.counts, Changelog.Counts(added: 1, removed: 1, changed: 1, unchanged: 1))
        XCTAssertEqual(changelog.examples.changed.first?.key, "S2")
        XCTAssertEqual(changelog.examples.changed.first?.before?["note"], "a")
        XCTAssertEqual(changelog.examples.removed.map(\.key), ["S3"])
        XCTAssertEqual(changelog.examples.added.map(\.key), ["S4"])
    }
}
