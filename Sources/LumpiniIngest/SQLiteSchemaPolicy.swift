import Foundation
import GDAL
import GRDB

/// Refuses GeoPackage and SQLite sources whose schema holds a virtual table other than an R-tree.
///
/// A virtual table is code, not data: SpatiaLite's `VirtualText`, `VirtualShape`, `VirtualDbf`,
/// `VirtualXL` and GDAL's `VirtualOGR` read whatever file their declaration names, by absolute path,
/// so a table declared `USING VirtualText('/etc/passwd', …)` would publish that file. GeoPackage's own
/// spatial index (`rtree_<table>_<column>`, `USING rtree(…)`) is SQLite's R-tree module and reads
/// nothing outside the database. The schema is read with SQLite alone, read-only, before GDAL opens
/// the file: declarations are text in `sqlite_master`, and no virtual table module is loaded.
enum SQLiteSchemaPolicy {
    /// Throws when `path` is an SQLite database declaring a virtual table that is not an R-tree.
    static func requireNoForeignTables(_ path: String) throws {
        guard IndirectSourcePolicy.isSQLite(path) else { return }
        let declarations: [(name: String, sql: String)]
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let database = try DatabaseQueue(path: path, configuration: configuration)
            declarations = try database.read { db in
                try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL").map { ($0["name"], $0["sql"]) }
            }
            try database.close()
        } catch {
            throw LumpiniError(
                "sqlite-unreadable", "the database's schema cannot be read", kind: .input, file: path,
                hint: "check that the GeoPackage is complete; export it again from the GIS"
            )
        }
        for declaration in declarations {
            guard let module = virtualTableModule(declaration.sql), module != "rtree" else { continue }
            throw LumpiniError(
                "virtual-table-refused",
                "refused: the table \"\(declaration.name.prefix(64))\" is a virtual table (\(module.prefix(32))), which can read files outside the dataset",
                kind: .input, file: path,
                hint: "send the data itself: export the layer to a plain GeoPackage table, CSV or Shapefile"
            )
        }
    }

    /// The module of a `CREATE VIRTUAL TABLE [IF NOT EXISTS] [schema.]name USING module(…)` declaration,
    /// lower-cased; `"unknown"` for a virtual table whose module cannot be read (refused all the same);
    /// nil for any other declaration. Read token by token, so a quoted name or an argument holding the
    /// word `using` cannot pass for the module.
    static func virtualTableModule(_ sql: String) -> String? {
        var tokens = SQLTokens(sql)
        guard tokens.next() == "create", tokens.next() == "virtual", tokens.next() == "table" else { return nil }
        var token = tokens.next()
        if token == "if" {
            guard tokens.next() == "not", tokens.next() == "exists" else { return "unknown" }
            token = tokens.next()
        }
        guard token != nil else { return "unknown" }
        token = tokens.next()
        if token == "." {
            _ = tokens.next()
            token = tokens.next()
        }
        guard token == "using", let module = tokens.next(), module != "(" else { return "unknown" }
        return module
    }
}

/// The tokens of an SQL statement, enough to read a declaration's head: words lower-cased, quoted
/// names (`"…"`, `` `…` ``, `[…]`) and strings unquoted as they are, punctuation one character
/// at a time; comments and white space skipped.
struct SQLTokens {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ sql: String) {
        scalars = Array(sql.unicodeScalars)
    }

    mutating func next() -> String? {
        skipSpaceAndComments()
        guard index < scalars.count else { return nil }
        let first = scalars[index]
        let closing: Unicode.Scalar? = switch first {
        case "\"", "`", "'": first
        case "[": "]"
        default: nil
        }
        if let closing {
            index += 1
            var text = String.UnicodeScalarView()
            while index < scalars.count {
                let scalar = scalars[index]
                index += 1
                if scalar == closing {
                    // A doubled quote inside a quoted name or string stands for the quote itself.
                    guard closing != "]", index < scalars.count, scalars[index] == closing else { return String(text) }
                    index += 1
                }
                text.append(scalar)
            }
            return String(text)
        }
        guard isWordScalar(first) else {
            index += 1
            return String(first)
        }
        var word = String.UnicodeScalarView()
        while index < scalars.count, isWordScalar(scalars[index]) {
            word.append(scalars[index])
            index += 1
        }
        return String(word).lowercased()
    }

    private func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar == "$" || !scalar.isASCII || CharacterSet.alphanumerics.contains(scalar)
    }

    private mutating func skipSpaceAndComments() {
        while index < scalars.count {
            let scalar = scalars[index]
            let following = index + 1 < scalars.count ? scalars[index + 1] : nil
            if scalar.properties.isWhitespace {
                index += 1
            } else if scalar == "-", following == "-" {
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
            } else if scalar == "/", following == "*" {
                index += 2
                while index < scalars.count, !(scalars[index] == "*" && index + 1 < scalars.count && scalars[index + 1] == "/") { index += 1 }
                index += 2
            } else {
                return
            }
        }
    }
}
