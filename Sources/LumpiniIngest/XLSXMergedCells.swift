import Foundation
import GDAL

/// The merged cells of one sheet of an XLSX workbook. GDAL's XLSX driver reads a merged cell's
/// value into its top-left cell only and says nothing of the merge, so a header that spans two rows
/// (a group title merged over the columns below it) would be read as a header row plus a data row.
/// Read from the sheet's XML inside the workbook (`<mergeCells><mergeCell ref="A1:B1"/>`), found
/// through `xl/workbook.xml` and its relationships.
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
        var ranges: [Range] = []
        var carry: [UInt8] = []
        ZipEntry(archive: path, entry: target).forEachChunk { chunk in
            let text = carry + chunk
            var searchFrom = 0
            while let found = Self.find(Array("mergeCell ".utf8), in: text, from: searchFrom) {
                guard let end = text[found...].firstIndex(of: UInt8(ascii: ">")) else { break }
                if let value = Self.attribute("ref", in: Array(text[found..<end])), let range = Self.range(value) {
                    ranges.append(range)
                }
                searchFrom = end
            }
            // Keep the tail, which may hold the start of an element cut by the chunk boundary.
            let keepFrom = max(searchFrom, text.count - 512)
            carry = Array(text[keepFrom...])
            return true
        }
        self.ranges = ranges
    }

    /// The zip entry of the sheet named `sheet`: its `r:id` in `xl/workbook.xml`, that
    /// relationship's target in `xl/_rels/workbook.xml.rels`.
    private static func sheetEntry(path: String, sheet: String) -> String? {
        guard let workbook = ZipEntry(archive: path, entry: "xl/workbook.xml").read(limit: 16 << 20),
              let relations = ZipEntry(archive: path, entry: "xl/_rels/workbook.xml.rels").read(limit: 16 << 20) else { return nil }
        var relation: String?
        for element in elements(named: "sheet", in: workbook) where attribute("name", in: element).map(unescaped) == sheet {
            relation = attribute("id", in: element, anyPrefix: true)
        }
        guard let relation else { return nil }
        for element in elements(named: "Relationship", in: relations) where attribute("Id", in: element) == relation {
            guard let target = attribute("Target", in: element).map(unescaped) else { return nil }
            return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        return nil
    }

    /// The opening tags `<name …>` in `xml` (with or without a namespace prefix), each without its brackets.
    private static func elements(named name: String, in xml: [UInt8]) -> [[UInt8]] {
        var found: [[UInt8]] = []
        var from = 0
        while let start = find(Array((name + " ").utf8), in: xml, from: from) {
            guard let end = xml[start...].firstIndex(of: UInt8(ascii: ">")) else { break }
            let before = start > 0 ? xml[start - 1] : 0
            if before == UInt8(ascii: "<") || before == UInt8(ascii: ":") { found.append(Array(xml[start..<end])) }
            from = end
        }
        return found
    }

    /// The value of attribute `name` in an element's tag text; with `anyPrefix`, also `x:name`.
    private static func attribute(_ name: String, in element: [UInt8], anyPrefix: Bool = false) -> String? {
        for quote in [UInt8(ascii: "\""), UInt8(ascii: "'")] {
            let pattern = Array((name + "=").utf8) + [quote]
            var from = 0
            while let start = find(pattern, in: element, from: from) {
                from = start + pattern.count
                let before = start > 0 ? element[start - 1] : UInt8(ascii: " ")
                let isWhole = before == UInt8(ascii: " ") || before == UInt8(ascii: "\t") || before == 0x0A || before == 0x0D
                guard isWhole || (anyPrefix && before == UInt8(ascii: ":")) else { continue }
                guard let end = element[from...].firstIndex(of: quote) else { return nil }
                return String(decoding: element[from..<end], as: UTF8.self)
            }
        }
        return nil
    }

    private static func unescaped(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The first offset of `pattern` in `bytes` at or after `from`: `memchr` to each candidate first byte.
    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard !pattern.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { haystack in
            pattern.withUnsafeBufferPointer { needle in
                let base = haystack.baseAddress!
                var index = from
                while haystack.count - index >= needle.count {
                    guard let hit = memchr(base + index, Int32(needle[0]), haystack.count - index - needle.count + 1) else { return nil }
                    let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + offset, needle.baseAddress!, needle.count) == 0 { return offset }
                    index = offset + 1
                }
                return nil
            }
        }
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
