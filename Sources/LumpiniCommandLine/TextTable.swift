import Foundation
import LumpiniCatalogue

/// Columns of text for a terminal, aligned by what people see: Thai vowel and tone marks take no
/// column of their own, so they are not counted.
public struct TextTable {
    public var headers: [String]
    public var rows: [[String]] = []
    /// Columns wider than this are cut with "…".
    public var maximumWidth = 48

    public init(headers: [String], rows: [[String]] = [], maximumWidth: Int = 48) {
        self.headers = headers
        self.rows = rows
        self.maximumWidth = maximumWidth
    }

    /// The table with its header row in bold (on a terminal), one line per row.
    public func render() -> String {
        var bytes: [UInt8] = []
        forEachLine { line in
            bytes += line
            bytes.append(0x0A)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes the table as `render()` gives it.
    public func write(to output: inout BlockOutput) throws {
        try forEachLine { line in
            line.withUnsafeBufferPointer { output.append($0) }
            output.append(0x0A)
            try output.endItem()
        }
    }

    // Built as bytes: a listing of 10,000 datasets is megabytes, and String appends cost more.
    private func forEachLine(_ body: ([UInt8]) throws -> Void) rethrows {
        let cells = ([headers] + rows).map { $0.map { TextTable.fitted($0, to: maximumWidth) } }
        var widths = [Int](repeating: 0, count: headers.count)
        for row in cells {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.width) }
        }
        var line: [UInt8] = []
        for (number, row) in cells.enumerated() {
            line.removeAll(keepingCapacity: true)
            for (index, cell) in row.enumerated() {
                if index > 0 { line += [0x20, 0x20] }
                line += cell.text.utf8
                if index < row.count - 1 { line += repeatElement(0x20, count: widths[index] - cell.width) }
            }
            try body(number == 0 ? Array(Terminal.styled(String(decoding: line, as: UTF8.self), .bold).utf8) : line)
        }
    }

    /// Columns a terminal gives the text: combining marks and format characters take none.
    public static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width($1) }
    }

    private static func width(_ scalar: Unicode.Scalar) -> Int {
        if scalar.isASCII { return 1 }
        // Thai, most of what the tables hold, without the cost of a Unicode property lookup per letter:
        // its vowel signs above and below and its tone marks (U+0E31, U+0E34–0E3A, U+0E47–0E4E) take no column.
        if (0x0E00...0x0E7F).contains(scalar.value) {
            let value = scalar.value
            return value == 0x0E31 || (0x0E34...0x0E3A).contains(value) || (0x0E47...0x0E4E).contains(value) ? 0 : 1
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: return scalar.properties.isEmojiPresentation ? 2 : 1
        }
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

/// RFC 4180 CSV.
enum CatalogCSV {
    static func render(headers: [String], rows: [[String]]) -> String {
        ([headers] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ value: String) -> String {
        guard value.utf8.contains(where: BlockOutput.csvNeedsQuotes) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// The three ways a list of datasets is printed.
enum DatasetListOutput {
    static func write(_ query: DatasetQuery, of catalogue: Catalogue, format: CatalogOutputFormat) throws {
        var output = BlockOutput()
        if format.json {
            try DatasetListing.writeJSON(query, of: catalogue, to: &output)
        } else if format.csv {
            try DatasetListing.writeCSV(query, of: catalogue, to: &output)
        } else {
            var table = TextTable(headers: ["ID", "TITLE", "PUBLISHER", "THEME", "HVD", "UPDATED", "FORMATS", "QUALITY"])
            try catalogue.forEach(query) { row in
                let updated = String(decoding: row.bytes(.updated).prefix(10), as: UTF8.self)
                table.rows.append([
                    row.string(.id) ?? "", row.string(.titleTh) ?? row.string(.titleEn) ?? "", row.string(.publisher) ?? "",
                    row.string(.theme) ?? "", row.flag(.highValue) ? "yes" : "", row.flag(.stale) ? updated + " (stale)" : updated,
                    row.formats.joined(separator: ","), "\(row.integer(.qualityScore)) \(row.string(.qualityRating) ?? "")",
                ])
            }
            if table.rows.isEmpty {
                output.append("No datasets match.\n" as StaticString)
            } else {
                try table.write(to: &output)
                output.append(text: "\(table.rows.count) dataset\(table.rows.count == 1 ? "" : "s")\n")
            }
            try output.flush()
        }
    }
}
