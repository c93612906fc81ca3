@testable import LumpiniCleanse
import XCTest

/// The key memory that spills to disk answers exactly as a dictionary would: every repeat with the
/// latest row that held the key (or, inserting, the first), however long ago it was spilled, and no
/// false repeat.
final class SpillingDigestTableTests: XCTestCase {
    func testRepeatsNearAndFarAreFoundWithTheirLatestRow() {
        let table = SpillingDigestTable(capacity: 16, spillThreshold: 1_000)
        var latest: [Int: Int] = [:]
        var generator = SystemRandomNumberGenerator()
        for row in 1...60_000 {
            // Mostly new keys; one row in ten repeats a key from anywhere earlier, spilled or not.
            let key = 1_000_000 + (row % 10 == 0 ? Int.random(in: 1..<row, using: &generator) : row)
            let digest = KeyDigest.of("สถานี-\(key)")
            XCTAssertEqual(table.updateValue(row, forKey: digest), latest[key], "row \(row)")
            latest[key] = row
        }
        XCTAssertGreaterThan(latest.count, 50_000)
    }

    /// Keys that share their high word (a run is sorted by the 96 bits a slot keeps, not the high word
    /// alone) are each found in the runs they were spilled to, and no other key with it.
    func testKeysSharingTheirHighWordAreFoundInTheirRuns() {
        let table = SpillingDigestTable(capacity: 16, spillThreshold: 500)
        var generator = SystemRandomNumberGenerator()
        // Distinct upper halves in no order (a multiple modulo a prime), the lower half not kept.
        let lows = (0..<3_000).map { UInt64($0 * 2_654_435_761 % 4_294_967_291) << 32 | UInt64.random(in: 0...UInt64(UInt32.max), using: &generator) }
        func digest(_ index: Int) -> KeyDigest { KeyDigest(high: UInt64(index % 5), low: lows[index]) }
        for index in lows.indices { XCTAssertNil(table.insert(index + 1, forKey: digest(index)), "key \(index)") }
        for index in lows.indices.shuffled(using: &generator) { XCTAssertEqual(table.insert(10_000, forKey: digest(index)), index + 1, "key \(index)") }
    }

    func testAKeyRepeatedAcrossManyRunsGivesTheNewestRow() {
        let table = SpillingDigestTable(capacity: 16, spillThreshold: 100)
        let repeated = KeyDigest.of("PM-001")
        var previous: Int?
        for row in 1...5_000 {
            if row % 250 == 0 {
                XCTAssertEqual(table.updateValue(row, forKey: repeated), previous)
                previous = row
            } else {
                XCTAssertNil(table.updateValue(row, forKey: KeyDigest.of("row-\(row)")))
            }
        }
    }

    func testInsertingKeepsTheFirstRowOfAKeyAcrossRuns() {
        let table = SpillingDigestTable(capacity: 16, spillThreshold: 100)
        let repeated = KeyDigest.of("PM-001")
        XCTAssertNil(table.insert(7, forKey: repeated))
        for row in 8...5_000 {
            let digest = row % 250 == 0 ? repeated : KeyDigest.of("row-\(row)")
            XCTAssertEqual(table.insert(row, forKey: digest), row % 250 == 0 ? 7 : nil, "row \(row)")
        }
    }

    /// The latest keys' table spills instead of growing to room for more keys than the threshold, so
    /// its memory stops at one size however many keys pass, and every key is still found.
    func testTheLatestKeysTableStopsGrowingBeforeTheThreshold() {
        let table = SpillingDigestTable(capacity: 16, spillThreshold: 10_000)
        var largest = 0
        for row in 1...100_000 {
            XCTAssertNil(table.insert(row, forKey: KeyDigest.of("row-\(row)")), "row \(row)")
            largest = max(largest, table.tableSlots)
        }
        // Room for 10,000 keys is 12,500 slots at four-fifths full: the table stops at the last step below.
        XCTAssertLessThanOrEqual(largest, 12_500)
        XCTAssertGreaterThan(largest, 12_500 * 2 / 3)
        for row in stride(from: 1, through: 100_000, by: 997) {
            XCTAssertEqual(table.insert(200_000 + row, forKey: KeyDigest.of("row-\(row)")), row)
        }
    }

    /// A run that cannot be written (here: a temporary folder that does not exist) leaves the keys
    /// in memory, sorted for the run but stored again, so repeats of them are still found.
    func testKeysStayInMemoryWhenARunCannotBeWritten() {
        let saved = ProcessInfo.processInfo.environment["TMPDIR"]
        setenv("TMPDIR", "/nonexistent-lumpini-\(UUID().uuidString)", 1)
        defer { if let saved { setenv("TMPDIR", saved, 1) } else { unsetenv("TMPDIR") } }
        let table = SpillingDigestTable(capacity: 16, spillThreshold: 100)
        for row in 1...1_000 { XCTAssertNil(table.updateValue(row, forKey: KeyDigest.of("row-\(row)")), "row \(row)") }
        for row in 1...1_000 { XCTAssertEqual(table.updateValue(1_000 + row, forKey: KeyDigest.of("row-\(row)")), row) }
    }

    /// Ids that rise (by steps of every size, from below zero) with repeats next to their first row and
    /// far from it, ids below the highest that were never seen, and text keys, through tables that spill
    /// every 100 keys: each answer is the dictionary's, the latest row updating and the first inserting.
    func testAscendingIdsMixedWithOtherKeysAnswerAsADictionary() {
        var generator = SystemRandomNumberGenerator()
        let steps = [1, 1, 1, 2, 127, 128, 16_384, 1 << 40]
        for inserting in [false, true] {
            let table = SpillingDigestTable(capacity: 16, spillThreshold: 100)
            var stored: [String: Int] = [:]
            var integers: [Int] = []
            var next = -1_000
            for row in 1...30_000 {
                let key: String
                switch Int.random(in: 0..<100, using: &generator) {
                case 0..<70:
                    key = String(next)
                    integers.append(next)
                    next += steps.randomElement(using: &generator)!
                case 70..<80: key = String(integers.last ?? 0)
                case 80..<88: key = String(integers.randomElement(using: &generator) ?? 0)
                case 88..<92: key = String(Int.random(in: -2_000...max(next, -2_000), using: &generator))
                default: key = "station-\(Int.random(in: 0..<3_000, using: &generator))"
                }
                let digest = KeyDigest.of(key)
                if inserting {
                    XCTAssertEqual(table.insert(row, forKey: digest), stored[key], "row \(row), key \(key)")
                    if stored[key] == nil { stored[key] = row }
                } else {
                    XCTAssertEqual(table.updateValue(row, forKey: digest), stored[key], "row \(row), key \(key)")
                    stored[key] = row
                }
            }
        }
    }

    /// A million ids numbering a million rows take the ascending keys' two bytes or so each, and never
    /// the table: it stays at its smallest, not at the capacity asked for, until another key comes.
    func testAMillionAscendingIdsStayOutOfTheTable() {
        let table = SpillingDigestTable(capacity: 100_000, spillThreshold: 200_000)
        for row in 1...1_000_000 {
            XCTAssertNil(table.insert(row + 1, forKey: KeyDigest.of(integer: row)))
            if row % 100 == 0 { XCTAssertEqual(table.insert(row + 2, forKey: KeyDigest.of(integer: row)), row + 1) }
        }
        XCTAssertEqual(table.tableSlots, 64)
        XCTAssertEqual(table.insert(1, forKey: KeyDigest.of(integer: 654_321)), 654_322)
        XCTAssertNil(table.insert(1, forKey: KeyDigest.of(integer: 0)))
        XCTAssertEqual(table.tableSlots, 125_000)
        XCTAssertEqual(table.insert(2, forKey: KeyDigest.of(integer: 0)), 1)
    }
}

/// The ascending keys' own bookkeeping: blocks, differences of every size, rows that go back.
final class AscendingIntegerKeysTests: XCTestCase {
    func testEveryKeyIsFoundWithItsRowAndNoOther() {
        var keys = AscendingIntegerKeys()
        var kept: [Int: Int] = [:]
        var key = Int.min + 5
        for index in 0..<5_000 {
            // Rows that rise, then start again (a second source file); steps of one byte to nine.
            let row = index < 2_500 ? index + 2 + index / 3 * 5 : index - 2_400
            keys.append(key, row: row)
            kept[key] = row
            key += [1, 3, 16, 17, 127, 128, 300, 1 << 20, 1 << 40][index % 9]
        }
        // A step wider than the largest Int: from below zero to near the top.
        keys.append(Int.max - 1, row: 7)
        kept[Int.max - 1] = 7
        for (key, row) in kept {
            XCTAssertEqual(keys.row(for: key), row)
            XCTAssertEqual(keys.row(for: key + 1), kept[key + 1])
            XCTAssertEqual(keys.row(for: key - 1), kept[key - 1])
        }
        XCTAssertFalse(keys.isAbove(Int.max - 1))
        XCTAssertTrue(keys.isAbove(Int.max))
        XCTAssertNil(keys.row(for: Int.max))
        XCTAssertNil(keys.row(for: Int.min))
    }

    /// Ids that number their rows take a byte and a fifth each, with a gap in the ids or the rows
    /// now and then (a row set aside, a number skipped) as without.
    func testIdsNumberingTheirRowsTakeAboutAByteEach() {
        var keys = AscendingIntegerKeys()
        var id = 0, row = 1
        var middle = (id: 0, row: 0)
        for index in 1...1_000_000 {
            id += index % 89 == 0 ? 2 : 1
            row += index % 97 == 0 ? 3 : 1
            keys.append(id, row: row)
            if index == 500_000 { middle = (id, row) }
        }
        XCTAssertLessThan(keys.byteCount, 1_200_000)
        XCTAssertEqual(keys.row(for: middle.id), middle.row)
        XCTAssertEqual(keys.row(for: id), row)
    }
}

/// An integer's digest gives the integer back; no other value's digest gives one.
final class KeyDigestIntegerTests: XCTestCase {
    func testIntegersComeBackFromTheirDigestsAndTextsDoNot() {
        var generator = SystemRandomNumberGenerator()
        let integers = [0, 1, -1, 63, 64, Int.max, Int.min] + (0..<10_000).map { _ in Int.random(in: .min ... .max, using: &generator) }
        for integer in integers {
            XCTAssertEqual(KeyDigest.of(integer: integer).integer, integer)
        }
        XCTAssertEqual(KeyDigest.of("1001").integer, 1001)
        for text in ["007", "+5", "1.5", "-0", "สถานี 1", "", "12345678901234567890"] {
            XCTAssertNil(KeyDigest.of(text).integer, text)
        }
    }
}
