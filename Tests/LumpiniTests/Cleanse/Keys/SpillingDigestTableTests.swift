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
                XCTAssertNil(table.updateValue(row, forKey: KeyDigest.of(integer: row)))
            }
        }
    }

    func testInsertingKeepsTheFirstRowOfAKeyAcrossRuns() {
        let table = SpillingDigestTable(capacity: 16, spillThreshold: 100)
        let repeated = KeyDigest.of("PM-001")
        XCTAssertNil(table.insert(7, forKey: repeated))
        for row in 8...5_000 {
            let digest = row % 250 == 0 ? repeated : KeyDigest.of(integer: row)
            XCTAssertEqual(table.insert(row, forKey: digest), row % 250 == 0 ? 7 : nil, "row \(row)")
        }
    }

    /// The latest keys' table spills instead of growing to room for more keys than the threshold, so
    /// its memory stops at one size however many keys pass, and every key is still found.
    func testTheLatestKeysTableStopsGrowingBeforeTheThreshold() {
        let table = SpillingDigestTable(capacity: 16, spillThreshold: 10_000)
        var largest = 0
        for row in 1...100_000 {
            XCTAssertNil(table.insert(row, forKey: KeyDigest.of(integer: row)), "row \(row)")
            largest = max(largest, table.tableSlots)
        }
        // Room for 10,000 keys is 12,500 slots at four-fifths full: the table stops at the last step below.
        XCTAssertLessThanOrEqual(largest, 12_500)
        XCTAssertGreaterThan(largest, 12_500 * 2 / 3)
        for row in stride(from: 1, through: 100_000, by: 997) {
            XCTAssertEqual(table.insert(200_000 + row, forKey: KeyDigest.of(integer: row)), row)
        }
    }

    /// A run that cannot be written (here: a temporary folder that does not exist) leaves the keys
    /// in memory, sorted for the run but stored again, so repeats of them are still found.
    func testKeysStayInMemoryWhenARunCannotBeWritten() {
        let saved = ProcessInfo.processInfo.environment["TMPDIR"]
        setenv("TMPDIR", "/nonexistent-lumpini-\(UUID().uuidString)", 1)
        defer { if let saved { setenv("TMPDIR", saved, 1) } else { unsetenv("TMPDIR") } }
        let table = SpillingDigestTable(capacity: 16, spillThreshold: 100)
        for row in 1...1_000 { XCTAssertNil(table.updateValue(row, forKey: KeyDigest.of(integer: row)), "row \(row)") }
        for row in 1...1_000 { XCTAssertEqual(table.updateValue(1_000 + row, forKey: KeyDigest.of(integer: row)), row) }
    }
}
