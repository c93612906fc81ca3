/// Names and values written into SQL: always quoted, so an agency's column name or title can never
/// become SQL.
enum SQLText {
    /// A quoted identifier: `"name"`, with `"` doubled.
    static func identifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `"schema"."name"`.
    static func qualified(_ schema: String, _ name: String) -> String {
        identifier(schema) + "." + identifier(name)
    }

    /// A string literal, `'…'` with `'` doubled; NUL, which PostgreSQL text cannot hold, dropped.
    static func literal(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "\u{0}", with: "").replacingOccurrences(of: "'", with: "''") + "'"
    }

    static func literal(_ value: String?) -> String {
        value.map { literal($0) } ?? "NULL"
    }
}
