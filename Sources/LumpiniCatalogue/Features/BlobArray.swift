import Foundation
import GRDB

/// An array of fixed-width records in a feature index (the features' locations, the sorted keys of a
/// property): little-endian fields, stored in order in blobs that each fit one 4 KB page of the SQLite
/// file, so record `i` is one page read away (its blob's row id is the array's id and `i`'s page), and a
/// binary search over a million records reads a dozen pages. One row per page of records instead of one
/// row per feature keeps the index a fraction of the size of a table with its b-tree indexes, and cheap
/// to write.
///
/// `feature_array(id, name, record_bytes, count, exact, key_bits)` names the arrays; `feature_page(id, bytes)` holds
/// their pages, `id` being the array's id × 2³² + the page's number.
struct BlobArray: Sendable {
    let id: Int64
    let recordBytes: Int
    let count: Int
    /// For the keys of a property: whether no two different values have the same key, as the writer
    /// found, so a key's records need no check against the feature's line to be counted.
    let exact: Bool
    /// For the hashed keys of a property's values: how many bits of each hash the keys keep (fewer only
    /// in tests, to make values share keys).
    let keyBits: Int

    /// Bytes of records in a blob: with the row's header it stays within one page of SQLite's default size.
    static let pageBytes = 4_000
    var recordsPerPage: Int { Self.pageBytes / recordBytes }

    static func createTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE feature_array (
                id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, record_bytes INTEGER NOT NULL, count INTEGER NOT NULL, exact INTEGER NOT NULL,
                key_bits INTEGER NOT NULL);
            CREATE TABLE feature_page (id INTEGER PRIMARY KEY, bytes BLOB NOT NULL);
            """)
    }

    /// Every array of the index, by name.
    static func all(_ db: Database) throws -> [String: BlobArray] {
        var arrays: [String: BlobArray] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name, record_bytes, count, exact, key_bits FROM feature_array") {
            arrays[row["name"]] = BlobArray(id: row["id"], recordBytes: row["record_bytes"], count: row["count"], exact: row["exact"], keyBits: row["key_bits"])
        }
        return arrays
    }

    /// Writes one array, a page at a time: `append` each record's fields in order, then `finish`.
    final class Writer {
        private let db: Database
        private let name: String
        private let recordBytes: Int
        private let id: Int64
        private let insertPage: Statement
        /// The page being filled: whole records, up to `pageBytes`.
        private let page: UnsafeMutableRawBufferPointer
        private var filled = 0
        private var pages: Int64 = 0
        private var bytes = 0

        init(db: Database, name: String, recordBytes: Int, keyBits: Int = 64) throws {
            self.db = db
            self.name = name
            self.recordBytes = recordBytes
            id = (try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM feature_array")) ?? 1
            try db.execute(sql: "INSERT INTO feature_array (id, name, record_bytes, count, exact, key_bits) VALUES (?, ?, ?, 0, 0, ?)",
                arguments: [id, name, recordBytes, keyBits])
            insertPage = try db.makeStatement(sql: "INSERT INTO feature_page (id, bytes) VALUES (?, ?)")
            page = .allocate(byteCount: BlobArray.pageBytes / recordBytes * recordBytes, alignment: 8)
        }

        deinit {
            page.deallocate()
        }

        func append(_ value: UInt64) throws { try append(bytesOf: value.littleEndian) }
        func append(_ value: UInt32) throws { try append(bytesOf: value.littleEndian) }

        private func append<Value: FixedWidthInteger>(bytesOf value: Value) throws {
            page.storeBytes(of: value, toByteOffset: filled, as: Value.self)
            filled += MemoryLayout<Value>.size
            bytes += MemoryLayout<Value>.size
            if filled == page.count { try flush() }
        }

        private func flush() throws {
            guard filled > 0 else { return }
            try insertPage.execute(arguments: [id << 32 | pages, Data(UnsafeRawBufferPointer(rebasing: page[..<filled]))])
            pages += 1
            filled = 0
        }

        /// Writes the last page and the array's count.
        func finish(exact: Bool = true) throws {
            try flush()
            try db.execute(sql: "UPDATE feature_array SET count = ?, exact = ? WHERE id = ?", arguments: [bytes / recordBytes, exact, id])
        }
    }
}

/// Reads records of a feature index's arrays during one query, keeping the pages it read (a binary
/// search reads the same few pages near its end again and again).
final class BlobPages {
    private let statement: Statement
    private var pages: [Int64: Data] = [:]
    private static let kept = 256

    init(_ db: Database) throws {
        statement = try db.cachedStatement(sql: "SELECT bytes FROM feature_page WHERE id = ?")
    }

    /// The `field`-th 8 bytes of record `index` (from `byte` bytes into the record).
    func uint64(_ array: BlobArray, _ index: Int, byte: Int = 0) throws -> UInt64 {
        try withRecord(array, index) { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: byte, as: UInt64.self)) }
    }

    func uint32(_ array: BlobArray, _ index: Int, byte: Int = 0) throws -> UInt32 {
        try withRecord(array, index) { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: byte, as: UInt32.self)) }
    }

    private func withRecord<Value>(_ array: BlobArray, _ index: Int, _ body: (UnsafeRawBufferPointer) -> Value) throws -> Value {
        guard index >= 0, index < array.count else { throw FeatureIndex.damaged }
        let pageID = array.id << 32 | Int64(index / array.recordsPerPage)
        let page: Data
        if let kept = pages[pageID] {
            page = kept
        } else {
            guard let read = try Data.fetchOne(statement, arguments: [pageID]) else { throw FeatureIndex.damaged }
            if pages.count == Self.kept { pages.removeAll(keepingCapacity: true) }
            pages[pageID] = read
            page = read
        }
        let start = index % array.recordsPerPage * array.recordBytes
        return page.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<(start + array.recordBytes)])) }
    }

    /// The first index in `range` whose record's key (its first 8 bytes) is not below `key`.
    func lowerBound(_ key: UInt64, in array: BlobArray, _ range: Range<Int>? = nil) throws -> Int {
        var low = range?.lowerBound ?? 0
        var high = range?.upperBound ?? array.count
        while low < high {
            let middle = (low + high) / 2
            if try uint64(array, middle) < key { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
