/// A least-significant-byte-first radix sort of a scratch file's records by their 64-bit keys: stable,
/// so records with the same key stay in the order they were appended. For keys that are hashes or bit fields it takes a fraction
/// of a comparison sort's time (a pass a byte, and a byte that every key shares costs no pass).
enum RadixSort {
    static func sort<Record: ScratchRecord>(_ records: UnsafeMutableBufferPointer<Record>) {
        let count = records.count
        guard count > 1 else { return }
        // How many keys have each value of each byte.
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: 8 * 256)
        defer { counts.deallocate() }
        counts.initialize(repeating: 0)
        for record in records {
            var key = record.sortKey
            for byte in 0..<8 {
                counts[byte << 8 | Int(key & 0xFF)] += 1
                key >>= 8
            }
        }
        let spare = UnsafeMutableBufferPointer<Record>.allocate(capacity: count)
        defer { spare.deallocate() }
        var source = records, target = spare
        for byte in 0..<8 {
            let shift = UInt64(byte * 8)
            let digits = UnsafeMutableBufferPointer(rebasing: counts[(byte << 8)..<((byte + 1) << 8)])
            // Every key has the same byte here: this pass would leave the order as it is.
            if digits[Int(source[0].sortKey >> shift & 0xFF)] == count { continue }
            var offset = 0
            for digit in 0..<256 {
                let records = digits[digit]
                digits[digit] = offset
                offset += records
            }
            for record in source {
                let digit = Int(record.sortKey >> shift & 0xFF)
                target[digits[digit]] = record
                digits[digit] += 1
            }
            swap(&source, &target)
        }
        if source.baseAddress != records.baseAddress {
            records.baseAddress!.update(from: source.baseAddress!, count: count)
        }
    }
}
