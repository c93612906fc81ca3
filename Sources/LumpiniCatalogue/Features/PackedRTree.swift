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
    private static let entryBytes = 40

    static let createTable = "CREATE TABLE box_node (id INTEGER PRIMARY KEY, leaf INTEGER NOT NULL, entries BLOB NOT NULL)"

    /// Writes the tree of `entries` into `db`, whose `box_node` table is empty. Sorts `entries` in
    /// place (the tree's leaves are its runs of `nodeSize`) rather than holding a sorted copy beside it.
    static func write(_ entries: inout [Entry], into db: Database) throws {
        guard let first = entries.first?.box else { return }
        let extent = entries.dropFirst().reduce(first) { $0.union($1.box) }
        // The Hilbert value in the high half, the position in the low half: one sort of plain integers
        // orders the entries (ties in the order of the file) without comparing envelopes.
        let order = entries.indices.map { UInt64(hilbertValue(of: entries[$0].box, in: extent)) << 32 | UInt64($0) }.sorted()
        entries = order.map { entries[Int($0 & 0xFFFF_FFFF)] }
        var level = entries
        let insert = try db.makeStatement(sql: "INSERT INTO box_node (id, leaf, entries) VALUES (?, ?, ?)")
        var nextID: Int64 = 1
        var leaf = true
        while true {
            var parents: [Entry] = []
            parents.reserveCapacity(level.count / nodeSize + 1)
            for start in stride(from: 0, to: level.count, by: nodeSize) {
                let node = level[start..<min(start + nodeSize, level.count)]
                try insert.execute(arguments: [nextID, leaf, encode(node)])
                let box = node.dropFirst().reduce(node[start].box) { $0.union($1.box) }
                parents.append(Entry(box: box, child: nextID))
                nextID += 1
            }
            if parents.count == 1 { return }
            level = parents
            leaf = false
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

    private static func encode(_ node: ArraySlice<Entry>) -> Data {
        var bytes = Data(capacity: node.count * entryBytes)
        for entry in node {
            for value in [entry.box.minX.bitPattern, entry.box.minY.bitPattern, entry.box.maxX.bitPattern, entry.box.maxY.bitPattern, UInt64(bitPattern: entry.child)] {
                withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
            }
        }
        return bytes
    }

    private static func decode(_ bytes: Data) -> [Entry] {
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

    /// The position of the envelope's centre along a Hilbert curve over `extent`, on a 2¹⁶ × 2¹⁶ grid.
    static func hilbertValue(of box: Envelope, in extent: Envelope) -> UInt32 {
        let side = UInt32(1 << 16)
        func cell(_ value: Double, _ low: Double, _ high: Double) -> UInt32 {
            guard high > low else { return 0 }
            return UInt32(min(Double(side - 1), max(0, ((value - low) / (high - low) * Double(side - 1)).rounded(.down))))
        }
        var x = cell((box.minX + box.maxX) / 2, extent.minX, extent.maxX)
        var y = cell((box.minY + box.maxY) / 2, extent.minY, extent.maxY)
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
