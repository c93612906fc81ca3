import Foundation

/// A small tab-separated table as the vocabulary files are written: `#` comment lines, a header
/// line naming the columns, then one row per line. Read whole: vocabularies are small.
struct TSVTable {
    let columns: [String]
    /// Each row with the line it came from.
    let rows: [(line: Int, values: [String: String])]
    let file: String

    init(contentsOf url: URL, displayPath: String, requiredColumns: [String]) throws {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            if let builtIn = BuiltInVocabularies.files[url.lastPathComponent] {
                try self.init(text: builtIn, displayPath: "\(displayPath) (built in)", requiredColumns: requiredColumns)
                return
            }
            throw LumpiniError(
                "vocabulary-missing", "the vocabulary file is missing", kind: .input, file: displayPath,
                hint: "copy schemas/vocabularies/ from the Lumpini repository into your --root"
            )
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LumpiniError("vocabulary-not-utf8", "the vocabulary file is not UTF-8", kind: .input, file: displayPath)
        }
        try self.init(text: text, displayPath: displayPath, requiredColumns: requiredColumns)
    }

    init(text: String, displayPath: String, requiredColumns: [String]) throws {
        var header: [String]?
        var rows: [(Int, [String: String])] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
            guard let columns = header else {
                header = cells
                continue
            }
            guard cells.count <= columns.count else {
                throw LumpiniError("vocabulary-malformed", "\(cells.count) cells where the header has \(columns.count)", kind: .input, file: displayPath, row: index + 1)
            }
            var values: [String: String] = [:]
            for (column, cell) in zip(columns, cells) { values[column] = cell }
            rows.append((index + 1, values))
        }
        guard let columns = header else {
            throw LumpiniError("vocabulary-malformed", "the file has no header line", kind: .input, file: displayPath)
        }
        for column in requiredColumns where !columns.contains(column) {
            throw LumpiniError("vocabulary-malformed", "the column \"\(column)\" is missing", kind: .input, file: displayPath, row: 1)
        }
        self.columns = columns
        self.rows = rows
        self.file = displayPath
    }
}
