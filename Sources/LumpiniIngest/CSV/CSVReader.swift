import Foundation

/// How a CSV file is written.
public struct CSVDialect: Sendable, Equatable {
    public var delimiter: UInt8
    public var quote: UInt8

    public init(delimiter: UInt8 = UInt8(ascii: ","), quote: UInt8 = UInt8(ascii: "\"")) {
        self.delimiter = delimiter
        self.quote = quote
    }

    /// A dialect from a delimiter written as text (`","`, `";"`, `"\t"`, `"tab"`, `"|"`).
    /// - Throws: `LumpiniError` when the delimiter is not a single ASCII character.
    public init(delimiter text: String) throws {
        let resolved = text == "tab" || text == "\\t" ? "\t" : text
        guard resolved.utf8.count == 1, let byte = resolved.utf8.first, byte < 0x80, byte != 0x0A, byte != 0x0D else {
            throw LumpiniError("csv-bad-delimiter", "the CSV delimiter \"\(text)\" is not a single ASCII character",
                               hint: "use one character such as \",\", \";\", \"|\" or \"tab\"")
        }
        self.init(delimiter: byte)
    }
}

/// A fast streaming CSV reader: bytes in large chunks → rows of cells (RFC 4180 quoting, any
/// delimiter, CRLF/LF/CR line ends, UTF-8 BOM), decoding the text to UTF-8 as it goes.
///
/// Rows are numbered as Frictionless does: each record is one row (a quoted cell may span lines),
/// the first is row 1, and an empty line is a row without cells. Rows are returned as they are
/// written, so rows with extra or missing cells can be reported by the caller.
///
/// ```swift
/// let reader = try CSVReader(path: "data.csv")
/// var row = CellRow()
/// while try reader.next(into: &row) { print(row.number, row.strings) }
/// ```
public final class CSVReader {
    /// The encoding the file is read with, as the report names it ("utf-8", "tis-620", …).
    /// The encoding the file is read with.
    public var encoding: TextEncoding { decoder.encoding }
    /// The encoding's name as the reference tool spells it ("utf-8", "tis-620").
    public var encodingName: String { decoder.name }
    /// The bytes read from the file so far.
    public private(set) var byteCount = 0
    /// The row whose quoted cell was still open at the end of the file (its quote never closed, so
    /// it took in the rest of the file); nil when every quote closed.
    public private(set) var unclosedQuoteRow: Int?
    /// How the encoding was chosen: declared (confidence 1) or detected from the file's start.
    public private(set) var encodingDetection = EncodingDetector.Detection(encoding: .utf8, confidence: 1, reason: "declared")
    public let path: String

    private let dialect: CSVDialect
    /// The bytes that end an unquoted run: the delimiter and line ends.
    private let cellEnds: [Bool]
    private var decoder: CSVTextDecoder
    private let file: FileHandle
    private static let chunkSize = 1 << 20
    /// How much of the file's start decides the encoding (the reference reads 100 000 bytes).
    private static let sampleSize = 100_000

    private var raw: [UInt8] = []
    private var rawEnd = 0
    private var atEndOfFile = false
    private var text: [UInt8] = []
    private var position = 0
    private var pendingFailure: CSVTextDecoder.Failure?
    private var decodedOffset = 0
    private var rowsRead = 0
    private var skipLineFeed = false
    private var bomChecked = false

    /// Opens `path` for reading.
    /// - Parameter encoding: the declared encoding, or nil to detect it from the file's start.
    /// - Throws: `LumpiniError` when the file cannot be opened or the encoding is unknown.
    public init(path: String, dialect: CSVDialect = CSVDialect(), encoding: String? = nil) throws {
        self.path = path
        self.dialect = dialect
        var cellEnds = [Bool](repeating: false, count: 256)
        for byte in [dialect.delimiter, 0x0A, 0x0D] { cellEnds[Int(byte)] = true }
        self.cellEnds = cellEnds
        guard let file = FileHandle(forReadingAtPath: path) else {
            throw LumpiniError("file-not-found", "cannot open the file", file: path, hint: "check the path")
        }
        self.file = file
        decoder = CSVTextDecoder(.utf8)
        text.reserveCapacity(Self.chunkSize + Self.chunkSize / 2)
        try fill(minimum: Self.sampleSize)
        if let encoding {
            guard let declared = TextEncoding(named: encoding) else {
                throw LumpiniError("unknown-encoding", "unknown text encoding \"\(encoding)\"", file: path,
                                   hint: "use UTF-8, TIS-620, CP874, CP1252 or UTF-16")
            }
            decoder = CSVTextDecoder(declared)
            encodingDetection = .init(encoding: declared, confidence: 1, reason: "declared")
        } else {
            encodingDetection = EncodingDetector.detect(Array(raw[0..<min(rawEnd, Self.sampleSize)]))
            decoder = CSVTextDecoder(encodingDetection.encoding)
        }
        let mark = decoder.encoding == .utf8 ? TextEncoding.utf8BOM.byteOrderMark : decoder.encoding.byteOrderMark
        if !mark.isEmpty, rawEnd >= mark.count, raw[0..<mark.count].elementsEqual(mark) {
            dropRaw(mark.count)
            decodedOffset = mark.count
        }
    }

    deinit {
        try? file.close()
    }

    /// Reads raw bytes, straight into the buffer, until at least `minimum` are buffered or the
    /// file ends. `raw[0..<rawEnd]` holds the bytes not decoded yet.
    private func fill(minimum: Int) throws {
        while rawEnd < minimum && !atEndOfFile {
            if raw.count < rawEnd + Self.chunkSize {
                raw += [UInt8](repeating: 0, count: rawEnd + Self.chunkSize - raw.count)
            }
            let descriptor = file.fileDescriptor
            let start = rawEnd
            let count = raw.withUnsafeMutableBufferPointer { read(descriptor, $0.baseAddress! + start, Self.chunkSize) }
            if count < 0 {
                if errno == EINTR { continue }
                throw LumpiniError("file-read-failed", "cannot read the file: \(String(cString: strerror(errno)))", kind: .input, file: path)
            }
            if count == 0 {
                atEndOfFile = true
                break
            }
            rawEnd += count
            byteCount += count
        }
    }

    /// Drops the first `count` undecoded bytes, moving the rest to the front.
    private func dropRaw(_ count: Int) {
        let remaining = rawEnd - count
        if remaining > 0 {
            raw.withUnsafeMutableBufferPointer { buffer in
                let base = buffer.baseAddress!
                base.update(from: base + count, count: remaining)
            }
        }
        rawEnd = remaining
    }

    /// Decodes the next chunk into `text`. Returns false at the end of the file.
    private func decodeMore() throws -> Bool {
        if pendingFailure != nil { return false }
        if rawEnd == 0 { try fill(minimum: 1) }
        if rawEnd == 0 { return false }
        text.removeSubrange(0..<position)
        position = 0
        let isLast = atEndOfFile
        let result = raw.withUnsafeBufferPointer {
            decoder.decode(UnsafeBufferPointer(rebasing: $0[0..<rawEnd]), isLast: isLast, into: &text)
        }
        switch result {
        case .success(let used):
            dropRaw(used)
            decodedOffset += used
            if used == 0 {
                // Only an incomplete sequence is left: read more so it can complete.
                let before = rawEnd
                try fill(minimum: rawEnd + 1)
                if rawEnd == before { atEndOfFile = true }
            }
        case .failure(let failure):
            pendingFailure = CSVTextDecoder.Failure(offset: decodedOffset + failure.offset, byte: failure.byte, reason: failure.reason)
            rawEnd = 0
        }
        if rawEnd == 0, !atEndOfFile, pendingFailure == nil { try fill(minimum: Self.chunkSize) }
        return true
    }

    /// Reads the next row into `row` (reusing its storage). Returns false after the last row.
    /// - Throws: `CSVEncodingError` at the first byte the encoding cannot decode; rows before it
    ///   were all returned.
    public func next(into row: inout CellRow) throws -> Bool {
        row.removeAll()
        var state = State.fieldStart
        var hasContent = false
        while true {
            if position >= text.count {
                var more = true
                while position >= text.count, more { more = try decodeMore() }
                if position >= text.count {
                    if let failure = pendingFailure {
                        throw CSVEncodingError(encoding: decoder.name, byte: failure.byte, offset: failure.offset, reason: failure.reason, rowNumber: rowsRead + 1)
                    }
                    guard hasContent else { return false }
                    if state == .quoted { unclosedQuoteRow = rowsRead + 1 }
                    row.endCell()
                    return finish(&row)
                }
                continue
            }
            let done: Bool = text.withUnsafeBufferPointer { buffer in
                scan(buffer, state: &state, hasContent: &hasContent, row: &row)
            }
            if done { return finish(&row) }
        }
    }

    private func finish(_ row: inout CellRow) -> Bool {
        rowsRead += 1
        row.number = rowsRead
        return true
    }

    /// Where the scan stands within a row. The invariants the hand-written scan keeps, which
    /// `CSVScannerInvariantTests` checks against Python's `csv` module on generated documents:
    /// - `fieldStart`: no byte of the cell read yet; only here does a quote open a quoted cell.
    /// - `unquoted`: in a cell that began without a quote, or after its closing quote; a quote is text
    ///   (as Python's reader keeps it); the delimiter ends the cell, CR, LF or CRLF the row.
    /// - `quoted`: inside quotes; only a quote leaves, so delimiters and line breaks are text.
    /// - `quoteInQuoted`: a quote was read inside quotes; a second one is a literal quote (back to
    ///   `quoted`), anything else closes the quotes and is read again, or kept, as `unquoted`.
    /// - The scan may stop at the end of any buffer and resume in the state it left: the rows do not
    ///   depend on where chunks end (a CRLF split across two chunks is one line end, `skipLineFeed`).
    /// - Every byte of a cell is appended once, in order; `position` only moves forward.
    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    /// Parses from `position` until a row ends (true) or the buffer does (false).
    @inline(__always)
    private func scan(_ buffer: UnsafeBufferPointer<UInt8>, state: inout State, hasContent: inout Bool, row: inout CellRow) -> Bool {
        let delimiter = dialect.delimiter
        let quote = dialect.quote
        let ends = cellEnds
        let end = buffer.count
        var index = position
        defer { position = index }
        if skipLineFeed {
            skipLineFeed = false
            if index < end, buffer[index] == 0x0A { index += 1 }
        }
        while index < end {
            switch state {
            case .fieldStart, .unquoted:
                let start = index
                if state == .unquoted || buffer[index] != quote {
                    // One table lookup per byte; a quote inside an unquoted cell is only text.
                    while index < end {
                        let byte = buffer[index]
                        if ends[Int(byte)] { break }
                        index += 1
                    }
                }
                if index > start {
                    row.appendBytes(UnsafeBufferPointer(rebasing: buffer[start..<index]))
                    state = .unquoted
                    hasContent = true
                }
                guard index < end else { return false }
                let byte = buffer[index]
                index += 1
                if byte == delimiter {
                    row.endCell()
                    state = .fieldStart
                    hasContent = true
                } else if byte == 0x0A || byte == 0x0D {
                    if byte == 0x0D { skipLineFeed = true }
                    if index < end, skipLineFeed, buffer[index] == 0x0A {
                        index += 1
                        skipLineFeed = false
                    }
                    if hasContent || row.count > 0 { row.endCell() }
                    return true
                } else {
                    state = .quoted
                    hasContent = true
                }
            case .quoted:
                let start = index
                let base = buffer.baseAddress! + index
                if let found = memchr(base, Int32(quote), end - index) {
                    index += base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                } else {
                    index = end
                }
                if index > start { row.appendBytes(UnsafeBufferPointer(rebasing: buffer[start..<index])) }
                guard index < end else { return false }
                index += 1
                state = .quoteInQuoted
            case .quoteInQuoted:
                let byte = buffer[index]
                if byte == quote {
                    row.appendByte(quote)
                    index += 1
                    state = .quoted
                } else if byte == delimiter || byte == 0x0A || byte == 0x0D {
                    state = .unquoted
                } else {
                    // Text after a closing quote is kept, as Python's csv module does.
                    row.appendByte(byte)
                    index += 1
                    state = .unquoted
                }
            }
        }
        return false
    }
}

/// A byte the declared or detected encoding cannot decode.
public struct CSVEncodingError: Error, Sendable, Equatable {
    public var encoding: String
    public var byte: UInt8
    /// The offset of the byte in the file.
    public var offset: Int
    public var reason: String
    /// The row the byte is in.
    public var rowNumber: Int

    /// In the reference tool's words, for example
    /// `'utf-8' codec can't decode byte 0xe9 in position 6733: invalid continuation byte`.
    public var note: String {
        "'\(encoding)' codec can't decode byte 0x\(String(byte, radix: 16)) in position \(offset): \(reason)"
    }
}
