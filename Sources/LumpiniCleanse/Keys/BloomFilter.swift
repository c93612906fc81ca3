/// A blocked Bloom filter over 96-bit key digests: each key sets 7 bits in one 512-bit block,
/// 16 bits a key, so a lookup touches one cache line and a key never added is reported as maybe
/// present about once in a thousand.
struct BloomFilter {
    private static let bitsPerKey = 16
    private static let blockWords = 8
    private var words: [UInt64]
    private let blocks: UInt64

    init(keys: Int) {
        let blocks = max(1, (keys * Self.bitsPerKey + 511) / 512)
        self.blocks = UInt64(blocks)
        words = Array(repeating: 0, count: blocks * Self.blockWords)
    }

    mutating func insert(high: UInt64, lowHalf: UInt64) {
        let (base, mixed) = position(high: high, lowHalf: lowHalf)
        for probe in 0..<7 {
            let bit = Int((mixed >> (probe * 9)) & 511)
            words[base + bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }

    func mayContain(_ digest: KeyDigest) -> Bool {
        let (base, mixed) = position(high: digest.high, lowHalf: digest.low >> 32)
        for probe in 0..<7 {
            let bit = Int((mixed >> (probe * 9)) & 511)
            if words[base + bit >> 6] & (1 << UInt64(bit & 63)) == 0 { return false }
        }
        return true
    }

    /// The first word of the key's block, and 63 bits to pick its bits from.
    @inline(__always)
    private func position(high: UInt64, lowHalf: UInt64) -> (Int, UInt64) {
        let block = Int(truncatingIfNeeded: (lowHalf << 32).multipliedFullWidth(by: blocks).high)
        return (block * Self.blockWords, high &* 0x9E37_79B9_7F4A_7C15)
    }
}
