import Foundation
import LumpiniCatalogue

/// Columns of text for a terminal, aligned by what people see: Thai vowel and tone marks take no
/// column of their own, so they are not counted.
///
/// Cells are kept as bytes, one after another, each with its width: a listing of 10,000 datasets is
/// 80,000 cells, and a `String` and an array per row cost more than the query that found them.
public struct TextTable {
    public let headers: [String]
    /// Columns wider than this are cut with "…".
    public let maximumWidth: Int
    private var text: [UInt8] = []
    /// Where each cell ends in `text`, and the columns it takes, row after row (32 bits each: half the
    /// memory a listing touches).
    private var cells: [(end: UInt32, width: UInt32)] = []
    /// Where the cell being written starts: where the last one ended.
    private var cellStart: Int { cells.last.map { Int($0.end) } ?? 0 }

    public init(headers: [String], rows: [[String]] = [], maximumWidth: Int = 48) {
        self.headers = headers
        self.maximumWidth = maximumWidth
        for row in rows { append(row: row) }
    }

    /// The rows added so far.
    public var rowCount: Int { cells.count / headers.count }

    public mutating func append(row: [String]) {
        for cell in row {
            append(text: cell)
            endCell()
        }
    }

    /// Adds bytes to the cell being written.
    public mutating func append(_ utf8: UnsafeBufferPointer<UInt8>) {
        text.append(contentsOf: utf8)
    }

    public mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { append($0) }
    }

    public mutating func append(text value: String) {
        var value = value
        value.withUTF8 { append($0) }
    }

    /// Ends the cell being written (the next bytes start the next cell, the first of a row after the last),
    /// with its control characters made visible (cells hold titles, names and values from agencies' files)
    /// and cut to `maximumWidth`.
    public mutating func endCell() {
        let start = cellStart
        if text[start...].withUnsafeBufferPointer(String.needsPrintable(utf8:)) {
            text.replaceSubrange(start..., with: String(decoding: text[start...], as: UTF8.self).printable.utf8)
        }
        let width = text[start...].withUnsafeBufferPointer(TextTable.width(utf8:))
        if width > maximumWidth {
            let fitted = TextTable.fitted(String(decoding: text[start...], as: UTF8.self), to: maximumWidth)
            text.replaceSubrange(start..., with: fitted.text.utf8)
            cells.append((UInt32(text.count), UInt32(fitted.width)))
        } else {
            cells.append((UInt32(text.count), UInt32(width)))
        }
    }

    /// The table with its header row in bold (on a terminal), one line per row.
    public func render() -> String {
        var bytes: [UInt8] = []
        write(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes the table as `render()` gives it.
    public func write<Output: ByteOutput & ~Copyable>(to output: inout Output) throws(Output.Failure) {
        let columns = headers.count
        let headerWidths = headers.map { TextTable.fitted($0.printable, to: maximumWidth) }
        var widths = headerWidths.map(\.width)
        for (index, cell) in cells.enumerated() { widths[index % columns] = max(widths[index % columns], Int(cell.width)) }

        var header = ""
        for (index, cell) in headerWidths.enumerated() {
            header += cell.text
            if index < columns - 1 { header += String(repeating: " ", count: widths[index] - cell.width + 2) }
        }
        output.append(text: Terminal.styled(header, .bold) + "\n")
        try output.endItem()
        text.withUnsafeBufferPointer { text in
            var start = 0
            for (index, cell) in cells.enumerated() {
                let column = index % columns
                output.append(UnsafeBufferPointer(rebasing: text[start..<Int(cell.end)]))
                start = Int(cell.end)
                if column < columns - 1 {
                    output.append(repeating: 0x20, count: widths[column] - Int(cell.width) + 2)
                } else {
                    output.append(0x0A)
                }
            }
        }
    }

    /// Columns a terminal gives the text: combining marks and format characters take none.
    public static func width(_ text: String) -> Int {
        var text = text
        return text.withUTF8(width(utf8:))
    }

    /// The width of UTF-8 text, read as bytes: ASCII and Thai (most of what the tables hold) without
    /// decoding, anything else a scalar at a time; a byte that is not UTF-8 takes a column.
    static func width(utf8: UnsafeBufferPointer<UInt8>) -> Int {
        var columns = 0
        var index = 0
        while index < utf8.count {
            let lead = utf8[index]
            if lead < 0x80 {
                columns += 1
                index += 1
                continue
            }
            if lead == 0xE0, index + 2 < utf8.count, utf8[index + 1] & 0xFE == 0xB8, utf8[index + 2] & 0xC0 == 0x80 {
                // Thai (U+0E00–0E7F), without decoding.
                columns += isThaiMark(UInt32(utf8[index + 1] & 0x01) << 6 | UInt32(utf8[index + 2] & 0x3F)) ? 0 : 1
                index += 3
                continue
            }
            let length = lead >= 0xF8 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            guard length > 1, index + length <= utf8.count,
                  (1..<length).allSatisfy({ utf8[index + $0] & 0xC0 == 0x80 }) else {
                columns += 1
                index += 1
                continue
            }
            var value = UInt32(lead) & (0xFF >> (length + 1))
            for offset in 1..<length { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
            columns += Unicode.Scalar(value).map(width) ?? 1
            index += length
        }
        return columns
    }

    private static func width(_ scalar: Unicode.Scalar) -> Int {
        if scalar.isASCII { return 1 }
        if (0x0E00...0x0E7F).contains(scalar.value) { return isThaiMark(scalar.value & 0x7F) ? 0 : 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: return scalar.properties.isEmojiPresentation ? 2 : 1
        }
    }

    /// Whether the Thai letter U+0E00 + `offset` is a vowel sign above or below or a tone mark (U+0E31,
    /// U+0E34–0E3A, U+0E47–0E4E), which take no column: Thai, most of what the tables hold, is measured
    /// without a Unicode property lookup per letter.
    private static func isThaiMark(_ offset: UInt32) -> Bool {
        offset == 0x31 || (0x34...0x3A).contains(offset) || (0x47...0x4E).contains(offset)
    }

    /// The text cut with "…" to at most `limit` columns, and its width.
    static func fitted(_ text: String, to limit: Int) -> (text: String, width: Int) {
        let total = width(text)
        guard total > limit else { return (text, total) }
        var result = ""
        var used = 0
        for character in text {
            let columns = character.unicodeScalars.reduce(0) { $0 + width($1) }
            if used + columns > limit - 1 { break }
            result.append(character)
            used += columns
        }
        return (result + "…", used + 1)
    }
}
