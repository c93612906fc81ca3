import Foundation

/// The Table Schema `lumpini new` writes, inferred from the values publishing will see: the
/// suggested recipe runs over the source's first rows through `DatasetCleansing`, the code that
/// publishing runs, and `SchemaInference` — the inference `validate` uses, which matches the
/// reference tool — types what comes out. What the rows suggest beyond types (a primary key, a
/// measure never negative) stays a suggestion for the officer to confirm: a rule that the first
/// rows happen to keep may not hold for the whole file or the next release, and a rule in the
/// schema sets aside every row that breaks it.
struct SchemaDraft {
    /// The rows read; enough for a key or a sign to mean something, few enough to stay quick.
    static let sampleRows = 10_000

    struct Field: Encodable {
        var name: String
        var type: String
    }

    var fields: [Field]
    /// Rows the recipe kept, which the types and suggestions were judged on.
    var rowsRead: Int
    /// A field whose values are all present and all different, a name like an identifier first.
    var primaryKey: String?
    /// Numeric fields with no negative value (identifiers and codes aside: their sign means nothing).
    var neverNegative: [String]

    static func infer(from cleansing: DatasetCleansing) throws -> SchemaDraft {
        var sample: [[String?]] = []
        while sample.count < sampleRows, let outcome = try cleansing.next() {
            if case .kept(let record) = outcome { sample.append(record.values) }
        }
        let names = cleansing.fields
        let rows = sample.enumerated().map { CellRow(number: $0.offset + 1, values: $0.element) }
        let inferred = SchemaInference.schema(labels: names, sample: rows)
        var fields: [Field] = []
        var neverNegative: [String] = []
        var keys: [String] = []
        for (column, field) in inferred.fields.enumerated() {
            let values = sample.map { column < $0.count ? $0[column]?.trimmingWhitespace ?? "" : "" }
            var type = field.type == .any ? "string" : field.type.rawValue
            let numeric = type == "integer" || type == "number"
            // Codes such as "04104" read as integers but lose their zero as numbers: they stay text.
            if numeric && values.contains(where: hasLeadingZero) { type = "string" }
            fields.append(Field(name: names[column], type: type))
            if type == "integer" || type == "number", !looksLikeIdentifier(names[column]),
               values.allSatisfy({ $0.isEmpty || (Double($0).map { $0 >= 0 } ?? true) }), values.contains(where: { !$0.isEmpty }) {
                neverNegative.append(names[column])
            }
            if sample.count > 1, !values.contains(""), Set(values).count == values.count { keys.append(names[column]) }
        }
        let key = keys.first(where: looksLikeIdentifier) ?? keys.first
        return SchemaDraft(fields: fields, rowsRead: sample.count, primaryKey: key, neverNegative: neverNegative)
    }

    private static func hasLeadingZero(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        return bytes.count > 1 && bytes[0] == UInt8(ascii: "0") && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[1])
    }

    /// Named as identifiers and codes are ("id", "station_id", "รหัสสถานี", "ลำดับ").
    static func looksLikeIdentifier(_ name: String) -> Bool {
        let name = name.lowercased()
        return name.hasPrefix("รหัส") || ["id", "code", "ลำดับ", "no", "key"].contains { name == $0 || name.hasSuffix("_" + $0) || name.hasSuffix(" " + $0) }
    }

    /// The schema as JSON: a field per column, and the empty cell as the missing value.
    func json() throws -> Data {
        struct Document: Encodable {
            var fields: [Field]
            var missingValues: [String]
        }
        return try JSONOutput.data(Document(fields: fields, missingValues: [""]))
    }

    /// The suggestions, one line each, for comments in `dataset.yaml`; names quoted as YAML quotes them.
    func suggestions(schemaFile: String) -> [String] {
        var lines: [String] = []
        if let primaryKey {
            lines.append("\"primaryKey\": \(YAMLText.quoted(primaryKey))   — every value present and different in the rows read (\(rowsRead))")
        }
        for name in neverNegative {
            lines.append("field \(YAMLText.quoted(name)): \"constraints\": {\"minimum\": 0}   — never negative in the rows read (\(rowsRead))")
        }
        guard !lines.isEmpty else { return [] }
        return ["Suggested, not enforced: to enforce one, add it to \(schemaFile)."] + lines
    }
}
