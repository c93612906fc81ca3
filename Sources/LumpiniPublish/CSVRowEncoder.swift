import GDAL

/// Encodes records as RFC 4180 CSV rows: comma-separated, CRLF-terminated, a cell quoted when it
/// holds a comma, quote, CR or LF (quotes doubled). Null and the empty string are both an empty cell,
/// as CSV readers (GDAL, Frictionless, spreadsheets) read them alike. Numbers and booleans in
/// canonical form; geometry as `longitude`,`latitude` for points and `wkt` otherwise.
///
/// The encoded row and the byte range of each cell stay available until the next row, for the
/// changelog's fingerprints. Not `Sendable`: one per dataset task.
final class CSVRowEncoder {
    let table: OutputTable
    /// A variable for the CSV appends, which mutate; unchecked like `ByteBuffer`, as it is used for every cell.
    @exclusivity(unchecked) private(set) var row = ByteBuffer(capacity: 1 << 16)
    /// Where each cell of the last encoded row sits in `row` (without the separator). Unchecked
    /// like `row`: two accesses a cell, and this encoder belongs to one dataset's task.
    @exclusivity(unchecked) private(set) var cellRanges: [Range<Int>] = []
    private let encodings: [ValueEncoding]
    private let geometry: GeometryEncoder
    private let scratch = ByteBuffer()

    init(table: OutputTable) {
        self.table = table
        encodings = table.fields.map(ValueEncoding.init)
        geometry = GeometryEncoder(syntax: .wkt, precision: table.precision)
        cellRanges.reserveCapacity(table.csvHeader.count)
    }

    /// Encodes the header row.
    func encodeHeader() {
        encode(cells: table.csvHeader)
    }

    /// Encodes a row of text cells as they are (already canonical: a header, or a row read back).
    func encode(cells: [String?]) {
        var row = startRow()
        for (index, cell) in cells.enumerated() {
            startCell(index, in: row)
            if let cell { row.csvField(cell) }
            endCell(in: row)
        }
        row.append("\r\n")
    }

    /// Encodes a record.
    /// - Throws: `LumpiniError` with the row number for a value that does not fit its type.
    func encode(_ record: Record) throws {
        var row = startRow()
        do {
            for index in encodings.indices {
                startCell(index, in: row)
                if let value = index < record.values.count ? record.values[index] : nil {
                    try encodings[index].appendCSV(value, to: &row, field: table.fields[index].name)
                }
                endCell(in: row)
            }
            try appendGeometry(record.geometry, to: &row)
        } catch var error as LumpiniError {
            error.row = error.row ?? record.rowNumber
            throw error
        }
        row.append("\r\n")
    }

    /// Empties the row and its cells' ranges, and returns the row's buffer to append to: a local, as
    /// appends through the property would retain and release it every time.
    private func startRow() -> ByteBuffer {
        row.removeAll()
        cellRanges.removeAll(keepingCapacity: true)
        return row
    }

    @exclusivity(unchecked) private var cellStart = 0

    @inline(__always)
    private func startCell(_ index: Int, in row: ByteBuffer) {
        if index > 0 { row.append(UInt8(ascii: ",")) }
        cellStart = row.count
    }

    @inline(__always)
    private func endCell(in row: ByteBuffer) {
        cellRanges.append(cellStart..<row.count)
    }

    /// The text of cell `index` of the last row, unquoted; nil for an empty (null) cell.
    func cellText(at index: Int) -> String? {
        let range = cellRanges[index]
        guard !range.isEmpty else { return nil }
        let bytes = UnsafeRawBufferPointer(start: row.base + range.lowerBound, count: range.count)
        guard bytes.first == UInt8(ascii: "\"") else { return String(decoding: bytes, as: UTF8.self) }
        var unquoted: [UInt8] = []
        unquoted.reserveCapacity(bytes.count)
        var index = 1
        while index < bytes.count - 1 {
            unquoted.append(bytes[index])
            index += bytes[index] == UInt8(ascii: "\"") ? 2 : 1
        }
        return String(decoding: unquoted, as: UTF8.self)
    }

    private func appendGeometry(_ shape: Geometry?, to row: inout ByteBuffer) throws {
        let columns = table.csvGeometryColumns.count
        guard columns > 0 else { return }
        let base = encodings.count
        guard let shape, !shape.isEmpty else {
            for offset in 0..<columns {
                startCell(base + offset, in: row)
                endCell(in: row)
            }
            return
        }
        if table.geometryType == .point {
            guard shape.type == .point else {
                throw LumpiniError(
                    "geometry-type-mismatch", "a \(shape.typeName) in a table of points", kind: .data,
                    hint: "declare the geometry type as mixed or make every geometry a point"
                )
            }
            let point = shape.point(at: 0)
            try GeometryEncoder.requireLongitudeLatitude(point.x, point.y)
            startCell(base, in: row)
            geometry.formatter.write(point.x, to: row)
            endCell(in: row)
            startCell(base + 1, in: row)
            geometry.formatter.write(point.y, to: row)
            endCell(in: row)
        } else {
            scratch.removeAll()
            try geometry.append(shape, to: scratch)
            startCell(base, in: row)
            row.csvField(UnsafeBufferPointer(start: scratch.base, count: scratch.count))
            endCell(in: row)
        }
    }
}
