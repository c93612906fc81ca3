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
        let where_ = names == sourceHeader ? "" : " after the recipe"
        var first: [String: Int] = [:]
        first.reserveCapacity(names.count)
        for (index, name) in names.enumerated() {
            if name.isEmpty {
                throw LumpiniError(
                    "blank-column-name", "column \(index + 1)\(where_) has no name in the header; a published table needs a name for every column",
                    kind: .input, file: file,
                    hint: "name it in the recipe (step: rename-columns, map: {\"\": a_name}) or drop it (step: drop-columns, fields: [\"\"]), or ask the agency to name the column"
                )
            }
            if let earlier = first[name] {
                throw LumpiniError(
                    "duplicate-column-name", "column \(index + 1)\(where_) is named \"\(name)\" like column \(earlier + 1); a published table needs a distinct name for each column",
                    kind: .input, file: file, field: name,
                    hint: "rename the first \"\(name)\" in the recipe (rename-columns renames the first column of a name) or drop it, or ask the agency to fix the header"
                )
            }
            first[name] = index
        }
    }
}
