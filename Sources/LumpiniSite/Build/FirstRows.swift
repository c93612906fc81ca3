import Foundation

/// The first rows of a published CSV, for the table on a dataset page. Published CSVs are Lumpini's own
/// RFC 4180 output (comma, `"` quotes doubled, CRLF, UTF-8 with or without a BOM), so only the start of
/// the file is read: a page never costs more than its rows, whatever the file's size.
struct FirstRows: Sendable, Equatable {
    var header: [String]
    var rows: [[String]]

    static let bytesRead = 256 * 1024

    init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// Reads the header and up to `limit` rows of `file`, each cut to its first `columns` cells.
    init(csv file: URL, limit: Int, columns: Int = Int.max) throws {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        var bytes = [UInt8](try handle.read(upToCount: Self.bytesRead) ?? Data())
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var records = Self.records(bytes, limit: limit + 1).map { Array($0.prefix(columns)) }
        header = records.isEmpty ? [] : records.removeFirst()
        rows = records
    }

    /// Whole records in `bytes`: a record cut off by the end of what was read is left out.
    private static func records(_ bytes: [UInt8], limit: Int) -> [[String]] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var records: [[String]] = []
        var record: [String] = []
        var cell: [UInt8] = []
        var quoted = false
        var index = 0
        while index < bytes.count && records.count < limit {
            let byte = bytes[index]
            if quoted {
                if byte == quote {
                    if index + 1 < bytes.count && bytes[index + 1] == quote {
                        cell.append(quote)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    cell.append(byte)
                }
            } else if byte == quote {
                quoted = true
            } else if byte == comma {
                record.append(String(decoding: cell, as: UTF8.self))
                cell.removeAll(keepingCapacity: true)
            } else if byte == lf || byte == cr {
                record.append(String(decoding: cell, as: UTF8.self))
                cell.removeAll(keepingCapacity: true)
                records.append(record)
                record = []
                if byte == cr && index + 1 < bytes.count && bytes[index + 1] == lf { index += 1 }
            } else {
                cell.append(byte)
            }
            index += 1
        }
        return records
    }
}
