import Foundation

/// Builds the changelog while a version is written: the previous version's CSV is indexed first
/// (64 bits of the `KeyDigest` of each row's key and of the whole row in one sorted array: 17 bytes
/// a row), then each new row is matched as it is encoded. Examples of removed and changed rows are fetched from the
/// previous CSV in one more pass, only when there are any.
///
/// Rows are compared in their published CSV form (the same `CSVRowEncoder` encodes both sides),
/// so a change that does not change what is published is not a change. Carriage returns are left
/// out of the hashes, so line breaks inside a cell compare whatever their style.
final class ChangelogTracker {
    private let table: OutputTable
    private let header: [String]
    private let keyColumns: [Int]
    private let previousCSV: String?
    private struct Entry {
        var key: UInt64
        var row: UInt64
    }

    /// The previous version's rows, sorted by key hash.
    private var previous: [Entry] = []
    /// Which of `previous` a new row matched.
    private var matched: [Bool] = []
    private var counts = Changelog.Counts()
    private var examples = Changelog.Examples()
    /// Changed rows whose old values the examples still need: key hash → index in `examples.changed`.
    private var pendingBefore: [UInt64: Int] = [:]
    /// Reused for each row: the digests of its key cells, and a cell's bytes without carriage returns.
    private var keyParts: [KeyDigest?] = []
    private var withoutReturns: [UInt8] = []

    /// - Parameter previousCSV: the CSV of the version before, nil for a first release.
    init(table: OutputTable, previousCSV: String?) throws {
        self.table = table
        header = table.csvHeader
        keyColumns = try table.primaryKeyIndices()
        self.previousCSV = previousCSV
        if let previousCSV {
            try forEachPreviousRow(in: previousCSV) { encoder in
                previous.append(Entry(key: keyHash(encoder), row: rowHash(encoder)))
            }
            previous.sort { $0.key < $1.key }
            matched = [Bool](repeating: false, count: previous.count)
        }
    }

    /// The first entry with `key` not matched yet, preferring one whose row hash is `row`.
    private func unmatchedEntry(key: UInt64, row: UInt64) -> Int? {
        var low = 0, high = previous.count
        while low < high {
            let middle = (low + high) / 2
            if previous[middle].key < key { low = middle + 1 } else { high = middle }
        }
        var candidate: Int?
        var index = low
        while index < previous.count, previous[index].key == key {
            if !matched[index] {
                if previous[index].row == row { return index }
                candidate = candidate ?? index
            }
            index += 1
        }
        return candidate
    }

    /// Matches the row `encoder` just encoded.
    func observe(_ encoder: CSVRowEncoder) {
        guard previousCSV != nil else {
            // A first release (or one after a version without CSV): every row is added, nothing to match.
            counts.added += 1
            if examples.added.count < Changelog.exampleLimit {
                examples.added.append(Changelog.Example(key: keyText(encoder), values: values(encoder)))
            }
            return
        }
        let key = keyHash(encoder)
        let row = rowHash(encoder)
        guard let index = unmatchedEntry(key: key, row: row) else {
            counts.added += 1
            if examples.added.count < Changelog.exampleLimit {
                examples.added.append(Changelog.Example(key: keyText(encoder), values: values(encoder)))
            }
            return
        }
        matched[index] = true
        if previous[index].row == row {
            counts.unchanged += 1
            return
        }
        counts.changed += 1
        if examples.changed.count < Changelog.exampleLimit {
            pendingBefore[key] = examples.changed.count
            examples.changed.append(Changelog.Example(key: keyText(encoder), values: values(encoder)))
        }
    }

    /// The changelog of version `version` against `previousVersion`.
    func finish(id: String, version: Int, previousVersion: Int?) throws -> Changelog {
        counts.removed = matched.lazy.filter { !$0 }.count
        if let previousCSV, counts.removed > 0 || !pendingBefore.isEmpty {
            try forEachPreviousRow(in: previousCSV) { encoder in
                let key = keyHash(encoder)
                let row = rowHash(encoder)
                if examples.removed.count < Changelog.exampleLimit, let index = unmatchedEntry(key: key, row: row), previous[index].row == row {
                    matched[index] = true
                    examples.removed.append(Changelog.Example(key: keyText(encoder), values: values(encoder)))
                }
                if let index = pendingBefore.removeValue(forKey: key) {
                    let before = values(encoder)
                    let after = examples.changed[index].values ?? [:]
                    let changedFields = header.filter { (before[$0] ?? nil) != (after[$0] ?? nil) }
                    examples.changed[index].fields = changedFields
                    examples.changed[index].before = before.filter { changedFields.contains($0.key) }
                    examples.changed[index].values = after.filter { changedFields.contains($0.key) }
                }
            }
        }
        let note = previousVersion != nil && previousCSV == nil
            ? "the previous version has no CSV to compare with: every row is counted as added" : nil
        return Changelog(
            id: id, version: version, previousVersion: previousVersion, key: table.primaryKey,
            counts: counts, examples: examples, note: note
        )
    }

    /// Reads the previous CSV with Lumpini's `CSVReader` (comma, UTF-8: how every version is written)
    /// and encodes each row in the new table's column order, so both versions are compared in one form.
    /// Not GDAL: its CSV driver stops at lines over 10 MB and guesses the separator from the header,
    /// and a version it cannot read would block every later one.
    private func forEachPreviousRow(in path: String, _ body: (CSVRowEncoder) -> Void) throws {
        let encoder = CSVRowEncoder(table: table)
        do {
            let reader = try CSVReader(path: path, dialect: CSVDialect(), encoding: "UTF-8")
            var row = CellRow()
            guard try reader.next(into: &row) else { return }
            var position: [String: Int] = [:]
            for (index, name) in row.strings.enumerated() where position[name ?? ""] == nil { position[name ?? ""] = index }
            let columns = header.map { position[$0] }
            var cells = [String?](repeating: nil, count: header.count)
            while try reader.next(into: &row) {
                for (index, column) in columns.enumerated() {
                    cells[index] = column.flatMap { $0 < row.count && !row.range($0).isEmpty ? row.string($0) : nil }
                }
                encoder.encode(cells: cells)
                body(encoder)
            }
        } catch {
            throw LumpiniError(
                "previous-version-unreadable", "cannot read the previous version's CSV for the changelog: \(error)",
                kind: .internal, file: path, hint: "run `lumpini verify` on the dataset; rebuild with --force if it is damaged"
            )
        }
    }

    private func keyHash(_ encoder: CSVRowEncoder) -> UInt64 {
        guard !keyColumns.isEmpty else { return rowHash(encoder) }
        keyParts.removeAll(keepingCapacity: true)
        for column in keyColumns { keyParts.append(digest(of: encoder, encoder.cellRanges[column])) }
        return KeyDigest.combining(keyParts).low
    }

    /// The row's hash, without the CRLF that ends every row.
    private func rowHash(_ encoder: CSVRowEncoder) -> UInt64 {
        digest(of: encoder, 0..<(encoder.row.count - 2)).low
    }

    /// The digest of the bytes in `range` of the encoded row, carriage returns left out.
    private func digest(of encoder: CSVRowEncoder, _ range: Range<Int>) -> KeyDigest {
        let bytes = UnsafeBufferPointer(start: encoder.row.base + range.lowerBound, count: range.count)
        guard bytes.contains(0x0D) else { return KeyDigest.of(bytes) }
        withoutReturns.removeAll(keepingCapacity: true)
        for byte in bytes where byte != 0x0D { withoutReturns.append(byte) }
        return withoutReturns.withUnsafeBufferPointer { KeyDigest.of($0) }
    }

    private func keyText(_ encoder: CSVRowEncoder) -> String {
        let columns = keyColumns.isEmpty ? Array(header.indices) : keyColumns
        return columns.map { encoder.cellText(at: $0) ?? "" }.joined(separator: "/")
    }

    private func values(_ encoder: CSVRowEncoder) -> [String: String?] {
        var values: [String: String?] = [:]
        for (index, name) in header.enumerated() {
            values[name] = .some(encoder.cellText(at: index))
        }
        return values
    }
}
