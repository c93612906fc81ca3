import Foundation
@testable import LumpiniCatalogue
import XCTest

/// The feature index's scratch files give back every record in the order of its key, records with the
/// same key in the order they were appended, whether they fit in one run or are merged from many.
final class ScratchFileTests: XCTestCase {
    private struct Item: ScratchRecord, Equatable {
        var key: UInt64
        var appended: UInt32
        var sortKey: UInt64 { key }
    }

    private var folder: URL!

    override func setUpWithError() throws {
        folder = try Fixtures.temporaryDirectory()
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Keys of every shape the index makes: hashes using all 64 bits, small keys (few bits kept), keys in
    /// the high bits only (dates' bit fields), and many repeats; runs of one record, a few, many, and one
    /// run holding everything.
    func testRecordsComeBackByKeyThenInTheOrderAppended() throws {
        var random = SeededRandom(seed: 11)
        let shapes: [(String, (inout SeededRandom) -> UInt64)] = [
            ("hashes", { UInt64.random(in: 0...UInt64.max, using: &$0) }),
            ("three bits", { UInt64.random(in: 0..<8, using: &$0) }),
            ("high bits", { UInt64.random(in: 0..<40, using: &$0) << 46 | UInt64.random(in: 0..<3, using: &$0) << 37 }),
            ("one key", { _ in 42 }),
        ]
        for (shape, key) in shapes {
            for count in [0, 1, 2, 1_000, 5_003] {
                let items = (0..<count).map { Item(key: key(&random), appended: UInt32($0)) }
                let expected = items.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }.map(\.element)
                let distinct = Set(items.map(\.key)).count
                for runRecords in [1, 3, 64, 1_000, 10_000] {
                    let file = try ScratchFile<Item>(url: folder.appendingPathComponent("\(shape)-\(count)-\(runRecords)"), runBytes: runRecords * MemoryLayout<Item>.stride)
                    for item in items { try file.append(item) }
                    var found: [Item] = []
                    try file.forEachSorted { found.append($0) }
                    XCTAssertEqual(found, expected, "\(shape), \(count) records, runs of \(runRecords)")
                    XCTAssertEqual(file.count, count)
                    if runRecords >= count {
                        XCTAssertEqual(file.distinctKeysAtMost, distinct, "\(shape), \(count) records in one run")
                    } else {
                        XCTAssertGreaterThanOrEqual(file.distinctKeysAtMost, distinct, "\(shape), \(count) records, runs of \(runRecords)")
                    }
                }
            }
        }
    }
}
