import Foundation

/// Counts the records of a written GeoJSON or CSV by scanning its bytes once, and keeps the bytes
/// of the first few, so a large file's read-back does not pay for GDAL parsing all of it (GDAL's GeoJSON driver reads the whole file when it opens it).
///
/// GeoJSON as `GeoJSONWriter` writes it: one feature per line after the opening line, the closing
/// `]` on the last line. CSV as `CSVRowEncoder` writes it: records end with CRLF outside quotes.
///
/// Invariants (checked by `RecordBoundaryScanTests` on generated files larger than the read buffer):
/// - A GeoJSON file has `records` = lines − 2, and `closed` when its last line starts with `]`; quotes
///   are not tracked, as the writer escapes every line break inside a string.
/// - In CSV a quote toggles "inside quotes" (a doubled quote toggles twice), and only an LF outside
///   quotes ends a record; `records` counts those after the header, `closed` says the file did not
///   end inside quotes.
/// - `prefix` ends exactly at the end of the header (or opening line) and the first `keep` records,
///   wherever the read buffers were cut.
struct RecordBoundaryScan {
    enum Layout {
        case geoJSONLines
        case csv
    }

    /// Records found (features, or CSV rows after the header).
    private(set) var records = 0
    /// The opening line (GeoJSON) or header row (CSV) and the first `keep` records, as written; empty
    /// when `sampled` is false.
    private(set) var prefix: [UInt8] = []
    /// Whether `prefix` holds the first `keep` records of more. When the file holds no more records
    /// than that (a few very large features) it is its own sample: its bytes are not kept, and closing
    /// them again as a sample would make a document no reader takes.
    private(set) var sampled = false
    /// For GeoJSON: whether the last line closes the collection.
    private(set) var closed = false

    /// Scans the file at `path`.
    /// - Throws: `LumpiniError` when it cannot be read.
    init(path: String, layout: Layout, keep: Int) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileSystemError.make("read back", path: path) }
        defer { close(descriptor) }
        let capacity = 1 << 20
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var lines = 0, inQuotes = false, ended = 0
        var lastLineStart: UInt8 = 0, atLineStart = true
        var keeping = true
        while true {
            let count = read(descriptor, buffer, capacity)
            if count < 0 {
                if errno == EINTR { continue }
                throw FileSystemError.make("read back", path: path)
            }
            if count == 0 { break }
            var keptEnd = count
            var index = 0
            while index < count {
                if atLineStart {
                    lastLineStart = buffer[index]
                    atLineStart = false
                }
                if layout == .geoJSONLines {
                    // Quotes never span lines in this layout: only newlines matter, found by memchr.
                    guard let newline = memchr(buffer + index, 0x0A, count - index) else { break }
                    index = newline.assumingMemoryBound(to: UInt8.self) - buffer
                } else {
                    // Each quote before the next line feed toggles "inside quotes". memchr finds both, so a
                    // line without quotes (most of them) costs two calls rather than a test per byte.
                    let lineEnd = memchr(buffer + index, 0x0A, count - index).map { $0.assumingMemoryBound(to: UInt8.self) - buffer } ?? count
                    var next = index
                    while let quote = memchr(buffer + next, Int32(UInt8(ascii: "\"")), lineEnd - next) {
                        inQuotes.toggle()
                        next = quote.assumingMemoryBound(to: UInt8.self) - buffer + 1
                    }
                    index = lineEnd
                    guard index < count else { break }
                }
                lines += 1
                atLineStart = true
                if !inQuotes { ended += 1 }
                let boundaries = layout == .csv ? ended : lines
                if keeping && !inQuotes && boundaries == keep + 1 {
                    keeping = false
                    sampled = true
                    keptEnd = index + 1
                    prefix.append(contentsOf: UnsafeBufferPointer(start: buffer, count: keptEnd))
                }
                index += 1
            }
            if keeping { prefix.append(contentsOf: UnsafeBufferPointer(start: buffer, count: keptEnd)) }
        }
        if !sampled { prefix = [] }
        switch layout {
        case .geoJSONLines:
            // The opening line, one line per feature, then the closing line.
            records = max(0, lines - 2)
            closed = lastLineStart == UInt8(ascii: "]")
        case .csv:
            records = max(0, ended - 1)
            closed = !inQuotes
        }
    }

    /// The kept records as a complete document GDAL can open: for GeoJSON the kept feature lines
    /// with the collection closed after them, for CSV the header and kept rows as they are.
    func sampleDocument(_ layout: Layout) -> [UInt8] {
        guard layout == .geoJSONLines else { return prefix }
        var document = prefix
        while let last = document.last, last == 0x0A || last == UInt8(ascii: ",") { document.removeLast() }
        document.append(contentsOf: Array("\n]}\n".utf8))
        return document
    }
}
