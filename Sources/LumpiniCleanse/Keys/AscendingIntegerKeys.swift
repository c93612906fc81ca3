/// Integer keys that came in ascending order, each with its row: the ids most agency files number
/// their rows with (1, 2, 3, …, or any rising sequence). A key above the last one is new without a
/// lookup, and it is kept without hashing, in the order it came: a block of 128 keys at a time, each
/// key and row after a block's first written as its difference from the one before. A key up to 16
/// above the last, on a row up to 7 below it, takes one byte (what ids that number the rows take,
/// gaps and repeats set aside included); any other, a zero byte and the two differences (LEB128; the
/// row's zigzag-encoded, as rows restart with each source file). A block takes 24 bytes more.
struct AscendingIntegerKeys {
    private static let blockKeys = 128

    private struct Block {
        var firstKey: Int
        var firstRow: Int
        /// Where the differences after the first key start in `differences`.
        var offset: Int
    }

    private var blocks: [Block] = []
    private var differences: [UInt8] = []
    private var keysInLastBlock = 0
    private var lastKey = Int.min
    private var lastRow = 0

    /// Whether `key` is above every key kept, and so not one of them.
    @inline(__always)
    func isAbove(_ key: Int) -> Bool {
        blocks.isEmpty || key > lastKey
    }

    /// Keeps `key`, which must be above every key kept, for `row`.
    mutating func append(_ key: Int, row: Int) {
        precondition(isAbove(key), "ascending keys must rise")
        if blocks.isEmpty || keysInLastBlock == Self.blockKeys {
            blocks.append(Block(firstKey: key, firstRow: row, offset: differences.count))
            keysInLastBlock = 1
        } else {
            let keyStep = UInt64(bitPattern: Int64(key &- lastKey))
            let rowStep = Int64(row &- lastRow)
            if keyStep <= 16, rowStep >= 0, rowStep <= 7 {
                differences.append(0x80 | UInt8(keyStep - 1) << 3 | UInt8(rowStep))
            } else {
                differences.append(0)
                appendVarint(keyStep)
                appendVarint(UInt64(bitPattern: (rowStep << 1) ^ (rowStep >> 63)))
            }
            keysInLastBlock += 1
        }
        lastKey = key
        lastRow = row
    }

    /// The row kept for `key`, nil when it is not kept.
    func row(for key: Int) -> Int? {
        guard let first = blocks.first, key >= first.firstKey, key <= lastKey else { return nil }
        if key == lastKey { return lastRow }
        // The last block whose first key is not above `key`.
        var low = 0, high = blocks.count
        while low < high {
            let middle = (low + high) / 2
            if blocks[middle].firstKey <= key { low = middle + 1 } else { high = middle }
        }
        let block = blocks[low - 1]
        let end = low < blocks.count ? blocks[low].offset : differences.count
        var current = block.firstKey, row = block.firstRow, offset = block.offset
        return differences.withUnsafeBufferPointer { bytes -> Int? in
            while current < key, offset < end {
                let first = bytes[offset]
                offset += 1
                if first >= 0x80 {
                    current &+= Int(first >> 3 & 0xF) + 1
                    row &+= Int(first & 7)
                } else {
                    current &+= Int(truncatingIfNeeded: Self.varint(bytes, at: &offset))
                    let rowStep = Self.varint(bytes, at: &offset)
                    row &+= Int(truncatingIfNeeded: Int64(bitPattern: rowStep >> 1) ^ -Int64(bitPattern: rowStep & 1))
                }
            }
            return current == key ? row : nil
        }
    }

    /// The bytes the keys take, for the tests of the memory they need.
    var byteCount: Int { differences.count + blocks.count * MemoryLayout<Block>.stride }

    private mutating func appendVarint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            differences.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        differences.append(UInt8(value))
    }

    @inline(__always)
    private static func varint(_ bytes: UnsafeBufferPointer<UInt8>, at offset: inout Int) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }
}
