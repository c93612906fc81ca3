/// The rule for the column names a recipe hands to publishing: each column has a name of its own.
/// A blank or repeated name cannot be published (the CSV header and the GeoJSON properties would
/// lose or mix up the column), so cleansing refuses it at the start, naming the column.
///
/// `validate` reports the same header problems on a source file as Frictionless does
/// (`blank-label`, `duplicate-label`) and goes on; this rule is for what will be published.
enum ColumnNames {
    /// Throws when a name in `names` (the fields after the recipe) is blank or repeats an earlier one.
    /// - Parameters:
    ///   - sourceHeader: the source's own header; when `names` is that header, columns are numbered as in the file.
    ///   - file: the source file, for the message.
    static func requireDistinct(_ names: [String], sourceHeader: [String], file: String) throws {
        var first: [String: Int] = [:]
        first.reserveCapacity(names.count)
        for (index, name) in names.enumerated() {
            if name.isEmpty {
                throw LumpiniError(
                    "blank-column-name", "\(column(index, of: names, sourceHeader: sourceHeader)) has no name in the header; a published table needs a name for every column",
                    kind: .input, file: file,
                    hint: "name it in the recipe (step: rename-columns, map: {\"\": a_name}) or drop it (step: drop-columns, fields: [\"\"]), or ask the agency to name the column"
                )
            }
            if let earlier = first[name] {
                throw LumpiniError(
                    "duplicate-column-name", "\(column(index, of: names, sourceHeader: sourceHeader)) is named \"\(name)\" like column \(earlier + 1); a published table needs a distinct name for each column",
                    kind: .input, file: file, field: name,
                    hint: "rename the first \"\(name)\" in the recipe (rename-columns renames the first column of a name) or drop it, or ask the agency to fix the header"
                )
            }
            first[name] = index
        }
    }

    /// "column 3", or "column 3 after the recipe" when the recipe changed the columns.
    private static func column(_ index: Int, of names: [String], sourceHeader: [String]) -> String {
        "column \(index + 1)" + (names == sourceHeader ? "" : " after the recipe")
    }

    /// Separators a CSV is written with, other than the comma.
    static let otherSeparators: [Character] = [";", "\t", "|"]

    /// Throws when a column name of a CSV holds a separator other than the one the file is read
    /// with: "a;b;c" as one column, or "b;c" beside "a", means the file is separated by `;` (or by a
    /// mix), and publishing it would publish one column of joined values.
    /// - Parameters:
    ///   - names: the fields after the recipe (renaming such a column in the recipe accepts it).
    ///   - delimiter: the delimiter the file is read with (`source.delimiter`, else a comma).
    static func requireNoStraySeparator(_ names: [String], delimiter: String, sourceHeader: [String], file: String) throws {
        for (index, name) in names.enumerated() {
            guard let separator = otherSeparators.first(where: { name.contains($0) && String($0) != delimiter }) else { continue }
            let shown = separator == "\t" ? "a tab" : "\"\(separator)\""
            let declared = separator == "\t" ? "\"\\t\"" : "\"\(separator)\""
            throw LumpiniError(
                "csv-separator-suspect",
                "\(column(index, of: names, sourceHeader: sourceHeader)) is named \"\(name)\", which holds \(shown): the file seems to be separated by \(shown) (or by a mix of separators), not by \(delimiter == "," ? "commas" : "\"\(delimiter)\"")",
                kind: .input, file: file, field: name,
                hint: "declare source.delimiter: \(declared) in dataset.yaml, ask the agency for a file with one separator, or rename the column in the recipe if the name is right"
            )
        }
    }
}
