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
/// Nodes are rows of `box_node(id, leaf, entries)`: `entries` holds up to `nodeSize` entries of
/// little-endian values — `minX`, `minY`, `maxX`, `maxY` (IEEE 754 doubles, so a box is never widened or
/// narrowed by rounding) and the child, 8 bytes: a node's id. A leaf's children are features' numbers;
/// a leaf of points only (`leaf` 2, the common case of a large file) holds `x`, `y` and a 4-byte number
/// per entry, half the bytes of a leaf of boxes (`leaf` 1). The root is the node with the largest id.
struct PackedRTree {
    /// A feature's (or a node's) envelope and what it points to.
    struct Entry {
        var box: Envelope
        var child: Int64
    }

    static let nodeSize = 64

    /// Builds the tree of one file inside the transaction that writes its index: `add` each feature's
    /// envelope, then `finish`. The entries wait in a scratch file that gives them back in the tree's
    /// order; memory holds a run of them and the nodes above the leaves.
    final class Builder {
        private let db: Database
        private let scratch: ScratchFile<ScratchEntry>

        /// An entry with its Hilbert value, sorted by it (ties in the order of the file).
        fileprivate struct ScratchEntry: ScratchRecord {
            var minX, minY, maxX, maxY: Double
            var number: UInt32
            var hilbert: UInt32

            var sortKey: UInt64 { UInt64(hilbert) }
        }

        init(db: Database, scratch: URL, runBytes: Int) throws {
            self.db = db
            self.scratch = try ScratchFile(url: scratch, runBytes: runBytes)
            try db.execute(sql: "CREATE TABLE box_node (id INTEGER PRIMARY KEY, leaf INTEGER NOT NULL, entries BLOB NOT NULL)")
        }

        func add(_ box: Envelope, number: UInt32) throws {
            try scratch.append(
                ScratchEntry(minX: box.minX, minY: box.minY, maxX: box.maxX, maxY: box.maxY, number: number, hilbert: hilbertValue(of: box)))
        }

        /// Writes the nodes, leaves first.
        func finish() throws {
            let insertNode = try db.makeStatement(sql: "INSERT INTO box_node (id, leaf, entries) VALUES (?, ?, ?)")
            var nextID: Int64 = 1
            func write(_ node: [Entry], kind: NodeKind, into parents: inout [Entry]) throws {
                try insertNode.execute(arguments: [nextID, kind.rawValue, Data(encode(node, kind: kind))])
                parents.append(Entry(box: node.dropFirst().reduce(node[0].box) { $0.union($1.box) }, child: nextID))
                nextID += 1
            }
            var parents: [Entry] = []
            var leaf: [Entry] = []
            func writeLeaf() throws {
                let points = leaf.allSatisfy { $0.box.minX == $0.box.maxX && $0.box.minY == $0.box.maxY }
                try write(leaf, kind: points ? .points : .boxes, into: &parents)
                leaf.removeAll(keepingCapacity: true)
            }
            try scratch.forEachSorted { entry in
                leaf.append(Entry(box: Envelope(minX: entry.minX, minY: entry.minY, maxX: entry.maxX, maxY: entry.maxY), child: Int64(entry.number)))
                if leaf.count == nodeSize { try writeLeaf() }
            }
            if !leaf.isEmpty { try writeLeaf() }
            while parents.count > 1 {
                var above: [Entry] = []
                for start in stride(from: 0, to: parents.count, by: nodeSize) {
                    try write(Array(parents[start..<min(start + nodeSize, parents.count)]), kind: .inner, into: &above)
                }
                parents = above
            }
        }
    }

    /// What a node's entries are: its `leaf` column.
    enum NodeKind: Int {
        case inner = 0, boxes = 1, points = 2

        /// The bytes of one entry.
        var entryBytes: Int { self == .points ? 20 : 40 }
    }

    /// The numbers of the features whose envelope intersects `box`, in the tree's order (the same on
    /// every call), skipping the first `offset` and stopping at `limit`.
    static func numbers(intersecting box: Envelope, offset: Int, limit: Int, in db: Database) throws -> [Int64] {
        var skipped = 0
        var found: [Int64] = []
        guard limit > 0 else { return found }
        try forEach(intersecting: box, in: db) { number in
            if skipped < offset {
                skipped += 1
                return true
            }
            found.append(number)
            return found.count < limit
        }
        return found
    }

    /// Calls `body` with the number of each feature whose envelope intersects `box`, in the tree's order,
    /// until it returns false. Reads only the nodes whose envelope intersects the box, and keeps one path
    /// of the tree in memory.
    static func forEach(intersecting box: Envelope, in db: Database, _ body: (Int64) throws -> Bool) throws {
        guard let root = try Int64.fetchOne(db, sql: "SELECT max(id) FROM box_node") else { return }
        let read = try db.cachedStatement(sql: "SELECT leaf, entries FROM box_node WHERE id = ?")
        var pending: [Int64] = [root]
        while let id = pending.popLast() {
            guard let row = try Row.fetchOne(read, arguments: [id]), let kind = NodeKind(rawValue: row["leaf"]) else { continue }
            let entries = decode(row["entries"] as Data, kind: kind)
            if kind == .inner {
                // Last pushed, first read: children are visited in their stored order.
                pending += entries.reversed().filter { $0.box.intersects(box) }.map(\.child)
                continue
            }
            for entry in entries where entry.box.intersects(box) {
                guard try body(entry.child) else { return }
            }
        }
    }

    fileprivate static func encode(_ node: [Entry], kind: NodeKind) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(node.count * kind.entryBytes)
        func append<Value: FixedWidthInteger>(_ value: Value) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        for entry in node {
            append(entry.box.minX.bitPattern)
            append(entry.box.minY.bitPattern)
            if kind == .points {
                append(UInt32(entry.child))
            } else {
                append(entry.box.maxX.bitPattern)
                append(entry.box.maxY.bitPattern)
                append(UInt64(bitPattern: entry.child))
            }
        }
        return bytes
    }

    fileprivate static func decode<Bytes: ContiguousBytes>(_ bytes: Bytes, kind: NodeKind) -> [Entry] {
        bytes.withUnsafeBytes { raw in
            stride(from: 0, to: raw.count - kind.entryBytes + 1, by: kind.entryBytes).map { start in
                func double(_ field: Int) -> Double {
                    Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start + field * 8, as: UInt64.self)))
                }
                guard kind != .points else {
                    let number = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: start + 16, as: UInt32.self))
                    return Entry(box: Envelope(minX: double(0), minY: double(1), maxX: double(0), maxY: double(1)), child: Int64(number))
                }
                let child = Int64(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start + 32, as: UInt64.self)))
                return Entry(box: Envelope(minX: double(0), minY: double(1), maxX: double(2), maxY: double(3)), child: child)
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
