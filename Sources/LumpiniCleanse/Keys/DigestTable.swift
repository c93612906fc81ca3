/// An open-addressing table from key digests to row numbers, for the keys a table must keep
/// unique: one 16-byte slot per key (96 bits of the digest and the row; a false match needs two
/// keys agreeing on 96 bits, about 1 in 10^16 for ten million keys), no hashing beyond the digest
/// itself. It grows by half at four-fifths full rather than doubling at three-quarters, so a
/// million keys take about 24 MB and the copy made while growing stays small.
///
/// A key's first slot comes from every stored bit of its digest (linear probing from there).
/// Consecutive integer keys share all but the low six bits of their digests' high word
/// (`KeyDigest.of(integer:)`), so a slot chosen from the high word alone would put 64 of them in one
/// run of slots and every other run that lands there would probe past all 64.
package struct DigestTable {
    /// A slot, and an entry of the runs `SpillingDigestTable` writes (16 bytes, as they are).
    struct Slot {
        var high: UInt64
        /// The digest's upper 32 low bits, then the row; a row of 0 marks an empty slot (rows start at 1).
        var tail: UInt64

        @inline(__always) var row: UInt32 { UInt32(truncatingIfNeeded: tail) }
        /// The 96 bits of the digest a slot keeps, the order of a run.
        var key: (UInt64, UInt64) { (high, tail >> 32) }

        @inline(__always) func holds(_ digest: KeyDigest) -> Bool {
            high == digest.high && tail >> 32 == digest.low >> 32
        }
    }

    private var slots: [Slot]
    package private(set) var count = 0

    package init(capacity: Int = 1024) {
        slots = Array(repeating: Slot(high: 0, tail: 0), count: max(64, capacity * 5 / 4))
    }

    /// Only the bits a slot keeps (the high word, the low word's upper half) choose it, so that
    /// `grow()` finds the same slot for a key it rebuilds from its slot.
    @inline(__always)
    private func firstSlot(_ digest: KeyDigest) -> Int {
        let mixed = digest.high ^ (digest.low & 0xFFFF_FFFF_0000_0000)
        return Int(truncatingIfNeeded: mixed.multipliedFullWidth(by: UInt64(slots.count)).high)
    }

    /// How many slots past its first one `digest` is stored (0: in its first slot), or nil when it is not.
    func probeDistance(of digest: KeyDigest) -> Int? {
        let first = firstSlot(digest)
        var index = first
        while slots[index].row != 0 {
            if slots[index].holds(digest) { return (index - first + slots.count) % slots.count }
            index = index + 1 == slots.count ? 0 : index + 1
        }
        return nil
    }

    /// Stores `row` for `digest` and returns the row stored before, if any.
    @inline(__always)
    package mutating func updateValue(_ row: Int, forKey digest: KeyDigest) -> Int? {
        if isFull { grow() }
        let stored = UInt64(UInt32(truncatingIfNeeded: max(row, 1)))
        var index = firstSlot(digest)
        return slots.withUnsafeMutableBufferPointer { slots -> Int? in
            while true {
                let previous = slots[index].row
                if previous == 0 {
                    slots[index] = Slot(high: digest.high, tail: (digest.low & 0xFFFF_FFFF_0000_0000) | stored)
                    count += 1
                    return nil
                }
                if slots[index].holds(digest) {
                    slots[index].tail = (slots[index].tail & 0xFFFF_FFFF_0000_0000) | stored
                    return Int(previous)
                }
                index = index + 1 == slots.count ? 0 : index + 1
            }
        }
    }

    /// The row stored for `digest`, if any.
    @inline(__always)
    package func row(for digest: KeyDigest) -> Int? {
        var index = firstSlot(digest)
        return slots.withUnsafeBufferPointer { slots -> Int? in
            while true {
                let row = slots[index].row
                if row == 0 { return nil }
                if slots[index].holds(digest) { return Int(row) }
                index = index + 1 == slots.count ? 0 : index + 1
            }
        }
    }

    @inline(__always)
    package func contains(_ digest: KeyDigest) -> Bool {
        row(for: digest) != nil
    }

    /// Hands every stored key to `body` as its slot holds it, sorted by `Slot.key`, then forgets them
    /// unless `body` returns false (`SpillingDigestTable` writes them to disk as they are, and keeps
    /// them here when it cannot). The keys are gathered and sorted in the slots themselves: a copy of
    /// a spilling table's keys would add 4 MB to the peak memory.
    mutating func removeAllSorted(_ body: (UnsafeBufferPointer<Slot>) -> Bool) {
        var kept: DigestTable?
        slots.withUnsafeMutableBufferPointer { slots in
            var stored = 0
            for index in slots.indices where slots[index].row != 0 {
                slots[stored] = slots[index]
                stored += 1
            }
            var entries = UnsafeMutableBufferPointer(rebasing: slots[..<stored])
            entries.sort { $0.key < $1.key }
            if !body(UnsafeBufferPointer(entries)) {
                var table = DigestTable(capacity: stored)
                for entry in entries { table.insert(entry) }
                kept = table
            }
            slots.update(repeating: Slot(high: 0, tail: 0))
        }
        if let kept { self = kept } else { count = 0 }
    }

    /// The slots the table takes, 16 bytes each, empty or not.
    var slotCount: Int { slots.count }

    /// Whether storing one more key makes the table grow.
    var isFull: Bool { (count + 1) * 5 > slots.count * 4 }

    /// The keys the table has room for once it has grown.
    var roomAfterGrowing: Int { slots.count * 3 / 2 }

    private mutating func grow() {
        var bigger = DigestTable(capacity: roomAfterGrowing)
        for slot in slots where slot.row != 0 { bigger.insert(slot) }
        self = bigger
    }

    /// Stores a key as another table's slot held it.
    private mutating func insert(_ slot: Slot) {
        _ = updateValue(Int(slot.row), forKey: KeyDigest(high: slot.high, low: slot.tail & 0xFFFF_FFFF_0000_0000))
    }
}
