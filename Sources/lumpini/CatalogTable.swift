import Foundation
import Lumpini

/// Columns of text for a terminal, aligned by what people see: Thai vowel and tone marks take no
/// column of their own, so they are not counted.
struct CatalogTable {
    var headers: [String]
    var rows: [[String]] = []
    /// Columns wider than this are cut with "…".
    var maximumWidth = 48

    func render() -> String {
        let cells = ([headers] + rows).map { $0.map { CatalogTable.truncated($0, to: maximumWidth) } }
        var widths = [Int](repeating: 0, count: headers.count)
        for row in cells {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], CatalogTable.width(cell)) }
        }
        var lines: [String] = []
        for (number, row) in cells.enumerated() {
            let line = row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - CatalogTable.width(cell))
            }.joined(separator: "  ")
            lines.append(number == 0 ? Terminal.styled(line, .bold) : line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Columns a terminal gives the text: combining marks and format characters take none.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: return total
            default: return total + (scalar.properties.isEmojiPresentation ? 2 : 1)
            }
        }
    }

    static func truncated(_ text: String, to limit: Int) -> String {
        guard width(text) > limit else { return text }
        var result = ""
        for character in text {
            if width(result + String(character)) > limit - 1 { break }
            result.append(character)
        }
        return result + "…"
    }
}

/// RFC 4180 CSV.
enum CatalogCSV {
    static func render(headers: [String], rows: [[String]]) -> String {
        ([headers] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// The three ways a list of datasets is printed.
enum DatasetListOutput {
    static func print(_ datasets: [DatasetSummary], format: CatalogOutputFormat) throws {
        if format.json {
            FileHandle.standardOutput.write(try JSONOutput.data(datasets))
        } else if format.csv {
            let rows = datasets.map { dataset in
                [
                    dataset.id, dataset.title.th ?? "", dataset.title.en ?? "", dataset.publisher, dataset.theme,
                    String(dataset.highValue), dataset.highValueCategory ?? "", dataset.classification, dataset.updated,
                    String(dataset.version), dataset.formats.joined(separator: ";"), dataset.updateFrequency,
                    String(dataset.stale), String(dataset.qualityScore), dataset.qualityRating,
                ]
            }
            Swift.print(CatalogCSV.render(headers: [
                "id", "title_th", "title_en", "publisher", "theme", "high_value", "high_value_category", "classification",
                "updated", "version", "formats", "update_frequency", "stale", "quality_score", "quality_rating",
            ], rows: rows), terminator: "")
        } else if datasets.isEmpty {
            Swift.print("No datasets match.")
        } else {
            var table = CatalogTable(headers: ["ID", "TITLE", "PUBLISHER", "THEME", "HVD", "UPDATED", "FORMATS", "QUALITY"])
            table.rows = datasets.map { dataset in
                [
                    dataset.id, dataset.title.th ?? dataset.title.en ?? "", dataset.publisher, dataset.theme,
                    dataset.highValue ? "yes" : "", String(dataset.updated.prefix(10)) + (dataset.stale ? " (stale)" : ""),
                    dataset.formats.joined(separator: ","), "\(dataset.qualityScore) \(dataset.qualityRating)",
                ]
            }
            Swift.print(table.render(), terminator: "")
            Swift.print("\(datasets.count) dataset\(datasets.count == 1 ? "" : "s")")
        }
    }
}
