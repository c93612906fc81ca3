import GDAL

/// A CSV read by Lumpini's own streaming `CSVReader`: every field is text, the header may span
/// several rows, and rows are numbered as a spreadsheet numbers them (header = row 1).
final class CSVRecordSource: RecordSource {
    let header: [String]
    let fields: [FieldDefinition]
    let encoding: TextEncoding
    /// How the encoding was chosen: declared, or detected with a confidence.
    let encodingDetection: EncodingDetector.Detection
    var fileSpatialReference: SpatialReference? { nil }
    var geometryType: GeometryType { .none }
    private let rows: CSVRowStream

    /// - Parameter readingAhead: read and decode a batch ahead on a thread of its own (`SourceReader`).
    init(path: String, declared: SourceDeclarations, layout: HeaderRows, readingAhead: Bool) throws {
        let dialect = try declared.delimiter.map { try CSVDialect(delimiter: $0) } ?? CSVDialect()
        let reader = try CSVReader(path: path, dialect: dialect, encoding: declared.encoding?.name)
        encodingDetection = reader.encodingDetection
        encoding = TextEncoding(named: reader.encodingName) ?? declared.encoding ?? .utf8
        let rows = try Self.headerRows(of: reader, layout: layout, path: path)
        header = rows.count == 1 ? rows[0] : layout.join(rows)
        fields = header.map { FieldDefinition(name: $0, type: .string) }
        let dataRows = CSVRows(reader: reader, header: header, path: path)
        self.rows = readingAhead ? .ahead(ReadAhead { try dataRows.next() }) : .direct(dataRows)
    }

    /// The cells of the header rows: the first trimmed, the others as they are (`HeaderRows.join` trims).
    private static func headerRows(of reader: CSVReader, layout: HeaderRows, path: String) throws -> [[String]] {
        var cells = CellRow()
        while try reader.next(into: &cells), cells.number < layout.first {}
        guard cells.number == layout.first else {
            throw LumpiniError("header-row-missing", "the file has no row \(layout.first) to be the header", file: path, hint: "fix source.headerRow in dataset.yaml")
        }
        try CSVRows.refuseNUL(in: cells, names: nil, path: path)
        var rows = [cells.strings.map { ($0 ?? "").trimmingWhitespace }]
        while rows.count < layout.count {
            guard try reader.next(into: &cells) else {
                throw LumpiniError("header-row-missing", "the file ends before row \(layout.last), the last of the declared header rows", file: path, hint: "fix source.headerRows in dataset.yaml")
            }
            try CSVRows.refuseNUL(in: cells, names: nil, path: path)
            rows.append(cells.strings.map { $0 ?? "" })
        }
        return rows
    }

    /// A row keeps every cell it has: fewer than the header are padded with nulls, more are kept past
    /// the header's end for the recipe to quarantine.
    func next() throws -> Record? {
        try rows.next().map { Record(rowNumber: $0.number, values: $0.values) }
    }
}
