/// The data rows of a CSV after its header, as values: what `SourceReader` streams for a CSV.
/// When read ahead, it is built by the opener and then used only by the read-ahead thread.
final class CSVRows: @unchecked Sendable {
    struct Row: Sendable {
        var number: Int
        var values: [String?]
    }

    private let reader: CSVReader
    private let header: [String]
    private let path: String
    private var row = CellRow()

    init(reader: CSVReader, header: [String], path: String) {
        self.reader = reader
        self.header = header
        self.path = path
    }

    /// The next row, or nil at the end. A row keeps every cell it has: fewer than the header are
    /// padded with nulls, more are kept past the header's end for the recipe to quarantine.
    /// - Throws: `LumpiniError` for a quote that never closes, bytes not valid in the encoding, or a NUL byte.
    func next() throws -> Row? {
        do {
            guard try reader.next(into: &row) else { return nil }
        } catch let error as CSVEncodingError {
            throw LumpiniError(
                "encoding-error", "byte 0x\(String(error.byte, radix: 16, uppercase: true)) at offset \(error.offset) is not valid \(error.encoding) (\(error.reason))",
                file: path, row: error.rowNumber,
                hint: "declare the file's real encoding as source.encoding in dataset.yaml (UTF-8, TIS-620, CP874, CP1252), or ask the agency for a UTF-8 copy"
            )
        }
        if let opened = reader.unclosedQuoteRow {
            throw LumpiniError(
                "csv-unclosed-quote", "the quote that opens a cell on row \(opened) is never closed, so that cell takes in the rest of the file",
                kind: .input, file: path, row: opened, hint: "close the quote (write \"\" for a quote inside a quoted cell) and run again"
            )
        }
        try Self.refuseNUL(in: row, names: header, path: path)
        var values = row.strings
        if values.count < header.count {
            values += Array(repeating: nil, count: header.count - values.count)
        }
        return Row(number: row.number, values: values)
    }

    /// A NUL byte never belongs in text: it marks a damaged file or one in another encoding (UTF-16
    /// read as bytes), and many readers (GDAL's CSV driver among them) end a cell at it. Refused,
    /// not stripped, so the agency's file is looked at instead of silently changed.
    static func refuseNUL(in row: CellRow, names: [String]?, path: String) throws {
        guard let cell = row.firstCellHoldingNUL() else { return }
        let name = names.flatMap { cell < $0.count ? $0[cell] : nil }
        throw LumpiniError(
            "csv-nul-byte", "\(name == nil ? "column \(cell + 1)" : "the cell") holds a NUL byte (0x00), which text never contains",
            kind: .input, file: path, row: row.number, field: name,
            hint: "ask the agency for a clean export (NUL bytes mean a damaged file, or UTF-16 text: then declare source.encoding), or remove them (tr -d '\\000')"
        )
    }
}

/// A CSV's data rows, read where they are asked for or a batch ahead on a thread of their own.
enum CSVRowStream {
    case direct(CSVRows)
    case ahead(ReadAhead<CSVRows.Row>)

    func next() throws -> CSVRows.Row? {
        switch self {
        case .direct(let rows): return try rows.next()
        case .ahead(let rows): return try rows.next()
        }
    }
}
