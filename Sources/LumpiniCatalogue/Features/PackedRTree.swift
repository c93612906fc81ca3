import Foundation
import GRDB

/// The spatial part of a feature index: a static R-tree packed in Hilbert order (the layout of
/// FlatGeobuf's index), stored as node blobs in the index's SQLite file.
///
/// A published file never changes, so its tree is built once, bottom-up, from one sort of the
/// features' envelopes: SQLite's own R-tree module inserts entries one at a time and spent most of a
/// catalogue update on a large version that way. Sorting by the Hilbert value of each envelope's centre
/// keeps features that are near each other in the same nodes, so a small box reads a few nodes per level.
///
/// Nodes are rows of `box_node(id, leaf, entries)`: `entries` holds up to `nodeSize` entries of five
/// little-endian 8-byte values — `minX`, `minY`, `maxX`, `maxY` (IEEE 754 doubles, so a box is
/// never widened or narrowed by rounding) and the child: a feature's number in a leaf, a node's id
/// above. The root is the node with the largest id.
struct PackedRTree {
    /// A feature's (or a node's) envelope and what it points to.
    struct Entry {
        var box: Envelope
        var child: Int64
    }

    static let nodeSize = 64
    fileprivate static let entryBytes = 40

    /// Builds the tree of one file inside the transaction that writes its index: `add` each feature's
    /// envelope, then `finish`. Memory holds 8 bytes a feature (its sort key) and the nodes above the
    /// leaves; the entries wait in a scratch file, written in order and read back in the tree's.
    final class Builder {
        private let db: Database
        private let scratch: EntryFile
        /// The Hilbert value in the high half, the entry's place in the scratch file in the low half: one
        /// sort of plain integers orders the entries (ties in the order of the file).
        private var keys: [UInt64] = []

        init(db: Database, scratch: URL) throws {
            self.db = db
            self.scratch = try EntryFile(url: scratch)
            try db.execute(sql: "CREATE TABLE box_node (id INTEGER PRIMARY KEY, leaf INTEGER NOT NULL, entries BLOB NOT NULL)")
        }

        deinit { scratch.remove() }

        func add(_ box: Envelope, number: Int64) throws {
            guard keys.count < 1 << 32 else {
                throw LumpiniError(
                    "feature-index-too-large", "a GeoJSON of more than 4,294,967,295 features cannot be indexed", kind: .input,
                    hint: "publish the data in smaller datasets")
            }
            keys.append(UInt64(hilbertValue(of: box)) << 32 | UInt64(keys.count))
            try scratch.append(Entry(box: box, child: number))
        }

        /// Writes the nodes, leaves first.
        func finish() throws {
            try scratch.flush()
            keys.sort()
            let insertNode = try db.makeStatement(sql: "INSERT INTO box_node (id, leaf, entries) VALUES (?, ?, ?)")
            var nextID: Int64 = 1
            func write(_ node: [Entry], leaf: Bool, into parents: inout [Entry]) throws {
                try insertNode.execute(arguments: [nextID, leaf, Data(encode(node))])
                parents.append(Entry(box: node.dropFirst().reduce(node[0].box) { $0.union($1.box) }, child: nextID))
                nextID += 1
            }
            var parents: [Entry] = []
            for start in stride(from: 0, to: keys.count, by: nodeSize) {
                let node = try keys[start..<min(start + nodeSize, keys.count)].map { try scratch.entry(at: Int($0 & 0xFFFF_FFFF)) }
                try write(node, leaf: true, into: &parents)
            }
            while parents.count > 1 {
                var above: [Entry] = []
                for start in stride(from: 0, to: parents.count, by: nodeSize) {
                    try write(Array(parents[start..<min(start + nodeSize, parents.count)]), leaf: false, into: &above)
                }
                parents = above
            }
        }
    }

    /// The numbers of the features whose envelope intersects `box`, in the tree's order (the same on
    /// every call), skipping the first `offset` and stopping at `limit`. Reads only the nodes whose
    /// envelope intersects the box, and keeps one path of the tree in memory.
    static func numbers(intersecting box: Envelope, offset: Int, limit: Int, in db: Database) throws -> [Int64] {
        guard limit > 0, let root = try Int64.fetchOne(db, sql: "SELECT max(id) FROM box_node") else { return [] }
        let read = try db.cachedStatement(sql: "SELECT leaf, entries FROM box_node WHERE id = ?")
        var pending: [Int64] = [root]
        var skipped = 0
        var found: [Int64] = []
        while let id = pending.popLast() {
            guard let row = try Row.fetchOne(read, arguments: [id]) else { continue }
            let leaf: Bool = row["leaf"]
            let entries = decode(row["entries"] as Data)
            if leaf {
                for entry in entries where entry.box.intersects(box) {
                    if skipped < offset {
                        skipped += 1
                        continue
                    }
                    found.append(entry.child)
                    if found.count == limit { return found }
                }
            } else {
                // Last pushed, first read: children are visited in their stored order.
                pending += entries.reversed().filter { $0.box.intersects(box) }.map(\.child)
            }
        }
        return found
    }

    fileprivate static func encode(_ node: [Entry]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(node.count * entryBytes)
        for entry in node { encode(entry, into: &bytes) }
        return bytes
    }

    fileprivate static func encode(_ entry: Entry, into bytes: inout [UInt8]) {
        func append(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        append(entry.box.minX.bitPattern)
        append(entry.box.minY.bitPattern)
        append(entry.box.maxX.bitPattern)
        append(entry.box.maxY.bitPattern)
        append(UInt64(bitPattern: entry.child))
    }

    fileprivate static func decode<Bytes: ContiguousBytes>(_ bytes: Bytes) -> [Entry] {
        bytes.withUnsafeBytes { raw in
            stride(from: 0, to: raw.count - entryBytes + 1, by: entryBytes).map { start in
                func value(_ field: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start + field * 8, as: UInt64.self)) }
                return Entry(
                    box: Envelope(
                        minX: Double(bitPattern: value(0)), minY: Double(bitPattern: value(1)),
                        maxX: Double(bitPattern: value(2)), maxY: Double(bitPattern: value(3))),
                    child: Int64(bitPattern: value(4)))
            }
        }
    }

    /// The position of the envelope's centre along a Hilbert curve over the whole world (published GeoJSON
    /// is in longitude and latitude) on a 2¹⁶ × 2¹⁶ grid: cells of about 600 × 300 m, near enough for
    /// the features of a node to be neighbours.
    static func hilbertValue(of box: Envelope) -> UInt32 {
        let side: UInt32 = 1 << 16
        func cell(_ value: Double, _ low: Double, _ high: Double) -> UInt32 {
            let scaled = ((value - low) / (high - low) * Double(side - 1)).rounded(.down)
            return scaled.isNaN ? 0 : UInt32(min(Double(side - 1), max(0, scaled)))
        }
        var x = cell((box.minX + box.maxX) / 2, -180, 180)
        var y = cell((box.minY + box.maxY) / 2, -90, 90)
        var distance: UInt32 = 0
        var half = side / 2
        while half > 0 {
            let right: UInt32 = x & half > 0 ? 1 : 0
            let up: UInt32 = y & half > 0 ? 1 : 0
            distance += half * half * ((3 * right) ^ up)
            // Rotate the quadrant so the curve's pieces join.
            if up == 0 {
                if right == 1 {
                    x = side - 1 - x
                    y = side - 1 - y
                }
                swap(&x, &y)
            }
            half /= 2
        }
        return distance
    }
}

/// The entries of a tree being built, in a scratch file: appended in the order of the published file,
/// read back one by one in the tree's order.
private final class EntryFile {
    private let url: URL
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var readBuffer = [UInt8](repeating: 0, count: PackedRTree.entryBytes)
    private static let bufferSize = 1 << 20

    init(url: URL) throws {
        self.url = url
        descriptor = open(url.path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Self.error("cannot create") }
        buffer.reserveCapacity(Self.bufferSize)
    }

    func remove() {
        close(descriptor)
        unlink(url.path)
    }

    func append(_ entry: PackedRTree.Entry) throws {
        PackedRTree.encode(entry, into: &buffer)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    func flush() throws {
        let written = buffer.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == buffer.count else { throw Self.error("cannot write") }
        buffer.removeAll(keepingCapacity: true)
    }

    func entry(at position: Int) throws -> PackedRTree.Entry {
        let read = readBuffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(position * PackedRTree.entryBytes)) }
        guard read == PackedRTree.entryBytes else { throw Self.error("cannot read") }
        return PackedRTree.decode(readBuffer)[0]
    }

    private static func error(_ what: String) -> LumpiniError {
        LumpiniError(
            "feature-index-unwritable", "\(what) the feature index's scratch file: \(String(cString: strerror(errno)))",
            kind: .input, hint: "check that the catalogue's folder is writable and has room")
    }
}
