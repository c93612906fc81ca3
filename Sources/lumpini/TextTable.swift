/// A plain-text table, columns padded to their widest cell (Thai combining marks take no width).
enum TextTable {
    static func render(header: [String], rows: [[String]]) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { width(of: $0[column]) }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                cell + String(repeating: " ", count: widths[index] - width(of: cell))
            }.joined(separator: "  ")
        }
        return [Terminal.styled(line(header), .bold)] + rows.map(line)
    }

    /// Display width: Thai vowel and tone marks above or below the line take no column.
    static func width(of text: String) -> Int {
        text.unicodeScalars.filter { scalar in
            let value = scalar.value
            let combining = value == 0x0E31 || (0x0E34...0x0E3A).contains(value) || (0x0E47...0x0E4E).contains(value)
            return !combining && scalar.properties.generalCategory != .nonspacingMark
        }.count
    }
}
