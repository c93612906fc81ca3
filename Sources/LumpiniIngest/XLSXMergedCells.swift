import Foundation
import GDAL

/// The merged cells of one sheet of an XLSX workbook. GDAL's XLSX driver reads a merged cell's
/// value into its top-left cell only and says nothing of the merge, so a header that spans two rows
/// (a group title merged over the columns below it) would be read as a header row plus a data row.
/// Read from the sheet's XML inside the workbook (`<mergeCells><mergeCell ref="A1:B1"/>`), found
/// through `xl/workbook.xml` and its relationships, with an XML reader (`XMLStartTags`), so white
/// space, prefixes, quotes and references are read as Excel or LibreOffice may write them.
struct XLSXMergedCells {
    /// One merged range, 1-based and inclusive.
    struct Range: Equatable {
        var reference: String
        var firstRow: Int, lastRow: Int
        var firstColumn: Int, lastColumn: Int

        func contains(row: Int, column: Int) -> Bool {
            (firstRow...lastRow).contains(row) && (firstColumn...lastColumn).contains(column)
        }
    }

    let ranges: [Range]

    /// The merged ranges of `sheet` in the workbook at `path`; none when the workbook does not say
    /// where the sheet is (GDAL read it, so the data is there) or the sheet merges nothing.
    init(path: String, sheet: String) {
        guard let target = Self.sheetEntry(path: path, sheet: sheet) else {
            ranges = []
            return
        }
        var tags = XMLStartTags()
        var ranges: [Range] = []
        _ = ZipEntry(archive: path, entry: target).forEachChunk { chunk in
            tags.feed(chunk) { tag in
                if tag.name == "mergeCell", let range = tag.attributes["ref"].flatMap(Self.range) { ranges.append(range) }
                return true
            }
        }
        self.ranges = ranges
    }

    /// The zip entry of the sheet named `sheet`: its `r:id` in `xl/workbook.xml`, that
    /// relationship's target in `xl/_rels/workbook.xml.rels`.
    private static func sheetEntry(path: String, sheet: String) -> String? {
        guard let workbook = ZipEntry(archive: path, entry: "xl/workbook.xml").read(limit: 16 << 20),
              let relations = ZipEntry(archive: path, entry: "xl/_rels/workbook.xml.rels").read(limit: 16 << 20) else { return nil }
        guard let relation = startTags(in: workbook).last(where: { $0.name == "sheet" && $0.attributes["name"] == sheet })?.attributes["id"],
              let target = startTags(in: relations).first(where: { $0.name == "Relationship" && $0.attributes["Id"] == relation })?.attributes["Target"]
        else { return nil }
        return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    private static func startTags(in xml: [UInt8]) -> [XMLStartTags.Tag] {
        var reader = XMLStartTags()
        var tags: [XMLStartTags.Tag] = []
        _ = reader.feed(xml) { tags.append($0); return true }
        return tags
    }

    /// `"A1:B2"` (or `"C3"`) as a range.
    static func range(_ reference: String) -> Range? {
        let parts = reference.split(separator: ":").map(String.init)
        guard (1...2).contains(parts.count), let first = cell(parts[0]), let last = cell(parts.last!) else { return nil }
        return Range(reference: reference, firstRow: min(first.row, last.row), lastRow: max(first.row, last.row),
                     firstColumn: min(first.column, last.column), lastColumn: max(first.column, last.column))
    }

    /// `"AB12"` as column 28, row 12.
    private static func cell(_ text: String) -> (column: Int, row: Int)? {
        var column = 0, row = 0, digits = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "$"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !digits:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                guard column <= 16_384 else { return nil }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits = true
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                guard row <= 1_048_576 else { return nil }
            default: return nil
            }
        }
        return column > 0 && row > 0 ? (column, row) : nil
    }

    /// The column letters of 1-based `column` ("A", "AB").
    static func columnName(_ column: Int) -> String {
        var name = "", rest = column
        while rest > 0 {
            let digit = (rest - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            rest = (rest - 1) / 26
        }
        return name
    }
}
