import GRDB

/// The features of one property (or the features' ids) sorted by a key of their value (`FeatureKey`),
/// then by number: an equality filter or a `datetime` interval is a range of keys, found by binary
/// search, and the features of one key come in the file's order.
///
/// Two forms, whichever is smaller: where most values differ (ids), the array `name` holds (key, number)
/// for each feature; where values repeat (a district code, a date), `name` holds (key, end) for each
/// distinct key and `name:numbers` the numbers of all the features, a key's from the previous key's end
/// to its own.
struct KeyArray {
    let keys: BlobArray
    let numbers: BlobArray?

    /// Whether no two different values share a key, so a feature with the key needs no check against
    /// its line to be counted.
    var exact: Bool { keys.exact }

    init?(_ name: String, in arrays: [String: BlobArray]) {
        guard let keys = arrays[name] else { return nil }
        self.keys = keys
        numbers = arrays[name + ":numbers"]
    }

    /// The key of a value's text with this hash (`FeatureKey.hash`).
    func key(hash: UInt64) -> UInt64 { Self.key(hash: hash, bits: keys.keyBits) }

    static func key(hash: UInt64, bits: Int) -> UInt64 { hash >> (64 - bits) }

    /// The positions (for `number(at:)`) of the features whose key is in `range`.
    func positions(_ range: ClosedRange<UInt64>, _ pages: BlobPages) throws -> Range<Int> {
        let first = try pages.lowerBound(range.lowerBound, in: keys)
        let last = range.upperBound == .max ? keys.count : try pages.lowerBound(range.upperBound + 1, in: keys, first..<keys.count)
        guard numbers != nil else { return first..<last }
        func end(_ index: Int) throws -> Int { index < 0 ? 0 : Int(try pages.uint32(keys, index, byte: 8)) }
        return try end(first - 1)..<end(last - 1)
    }

    /// The number of the feature at `position`.
    func number(at position: Int, _ pages: BlobPages) throws -> Int64 {
        guard let numbers else { return Int64(try pages.uint32(keys, position, byte: 8)) }
        return Int64(try pages.uint32(numbers, position))
    }

    /// A feature's key, as the writer gathers it, with a second hash of the value's text that tells
    /// apart most values whose keys are equal.
    struct Record: ScratchRecord {
        var key: UInt64
        var number: UInt32
        var check: UInt32

        var sortKey: UInt64 { key }
    }

    /// Writes the records of `scratch` in order, in the smaller form (judged from the distinct keys of
    /// its runs, which may count a key more than once), noting whether two different checks share a key.
    static func write(_ scratch: ScratchFile<Record>, name: String, keyBits: Int, db: Database) throws {
        try scratch.finishRuns()
        let keys = try BlobArray.Writer(db: db, name: name, recordBytes: 12, keyBits: keyBits)
        // 12 bytes a feature in one form, 12 a distinct key and 4 a feature in the other.
        let numbers = scratch.distinctKeysAtMost * 3 < scratch.count * 2 ? try BlobArray.Writer(db: db, name: name + ":numbers", recordBytes: 4) : nil
        var exact = true
        var previous: Record?
        var index: UInt32 = 0
        try scratch.forEachSorted { record in
            if let previous, previous.key == record.key, previous.check != record.check { exact = false }
            if let numbers {
                if let previous, previous.key != record.key {
                    try keys.append(previous.key)
                    try keys.append(index)
                }
                try numbers.append(record.number)
            } else {
                try keys.append(record.key)
                try keys.append(record.number)
            }
            previous = record
            index += 1
        }
        if let numbers {
            if let previous {
                try keys.append(previous.key)
                try keys.append(index)
            }
            try numbers.finish()
        }
        try keys.finish(exact: exact)
    }
}
