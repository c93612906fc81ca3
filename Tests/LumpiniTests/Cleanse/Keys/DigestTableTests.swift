@testable import LumpiniCleanse
import XCTest

/// The table that remembers unique and primary-key values: every repeat found with the row it
/// repeats, no value mistaken for another, across many growths.
final class DigestTableTests: XCTestCase {
    func testRepeatsAreFoundWithTheirFirstRowAcrossGrowth() {
        var table = DigestTable(capacity: 16)
        let keys = (0..<300_000).map { index -> KeyDigest in
            index.isMultiple(of: 2) ? KeyDigest.of(integer: index) : KeyDigest.of("สถานี-\(index)")
        }
        for (index, key) in keys.enumerated() {
            XCTAssertNil(table.updateValue(index + 1, forKey: key), "key \(index) reported as a repeat")
        }
        XCTAssertEqual(table.count, keys.count)
        for index in stride(from: 0, to: keys.count, by: 997) {
            XCTAssertEqual(table.updateValue(keys.count + index + 1, forKey: keys[index]), index + 1)
        }
        XCTAssertEqual(table.count, keys.count)
        XCTAssertTrue(table.contains(keys[12_345]))
        XCTAssertFalse(table.contains(KeyDigest.of(integer: 300_001)))
        XCTAssertFalse(table.contains(KeyDigest.of("สถานี-2")))
    }

    /// Consecutive integers (ids, the commonest key) share all but six bits of their digests' high
    /// word: they must still spread over the table, not queue behind each other's slots.
    func testConsecutiveIntegerKeysStayNearTheirFirstSlot() {
        var table = DigestTable(capacity: 16)
        let keys = (1...200_000).map { KeyDigest.of(integer: $0 * 64) } + (1...200_000).map { KeyDigest.of(integer: $0) }
        for (index, key) in keys.enumerated() { _ = table.updateValue(index + 1, forKey: key) }
        let distances = keys.map { table.probeDistance(of: $0) }
        XCTAssertFalse(distances.contains(nil))
        let mean = Double(distances.reduce(0) { $0 + $1! }) / Double(keys.count)
        XCTAssertLessThan(mean, 4, "linear probing at four-fifths full averages about 3 slots for random keys")
        XCTAssertNil(table.probeDistance(of: KeyDigest.of(integer: 200_001)))
    }
}
