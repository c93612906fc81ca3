/// Checks a table's header row against its schema as the reference tool does (fields are matched
/// to columns by position), and says which field each column is read as.
struct HeaderCheck {
    /// The label errors, in the reference's order: extra labels, missing labels, then per column
    /// blank, duplicate and incorrect labels.
    private(set) var errors: [ValidationProblem] = []
    /// The field each column is read as: the schema's field at that position, or for a column
    /// beyond the schema an `any` field named after its label.
    private(set) var fields: [SchemaField] = []

    init(labels: [String], schema: TableSchema) {
        let schemaFields = schema.fields
        let extraNames = HeaderCheck.deduplicated(
            labels.enumerated().map { index, label in index < schemaFields.count ? schemaFields[index].name : label }
        )
        for index in labels.indices {
            fields.append(index < schemaFields.count ? schemaFields[index] : SchemaField(name: extraNames[index], type: .any))
        }
        for index in schemaFields.count..<max(labels.count, schemaFields.count) where index < labels.count {
            errors.append(ValidationProblem(
                .extraLabel, message: "column \(index + 1) \"\(labels[index])\" is not in the schema — add a field for it to the schema or remove the column",
                fieldNumber: index + 1, fieldName: "", label: labels[index]))
        }
        for index in labels.count..<max(labels.count, schemaFields.count) where index < schemaFields.count {
            errors.append(ValidationProblem(
                .missingLabel, message: "field \"\(schemaFields[index].name)\" of the schema has no column (the header has \(labels.count)) — add the column or remove the field",
                fieldNumber: index + 1, fieldName: schemaFields[index].name, label: ""))
        }
        // Column numbers of each label seen so far: a header of a million columns stays linear.
        var positions: [String: [Int]] = [:]
        for (index, (field, label)) in zip(schemaFields, labels).enumerated() {
            let number = index + 1
            defer { positions[label, default: []].append(number) }
            if label.isEmpty {
                errors.append(ValidationProblem(
                    .blankLabel, message: "column \(number) has no name in the header — name it \"\(field.name)\"",
                    fieldNumber: number, fieldName: field.name, label: ""))
                continue
            }
            let earlier = positions[label] ?? []
            if !earlier.isEmpty {
                errors.append(ValidationProblem(
                    .duplicateLabel, message: "column \(number) \"\(label)\" repeats the name of column \(earlier.map(String.init).joined(separator: ", ")) — give each column its own name",
                    note: "at position \"\(earlier.map(String.init).joined(separator: ", "))\"",
                    fieldNumber: number, fieldName: field.name, label: label))
                continue
            }
            if label != field.name {
                errors.append(ValidationProblem(
                    .incorrectLabel, message: "column \(number) is named \"\(label)\" but the schema expects \"\(field.name)\" there — rename the column or fix the schema",
                    fieldNumber: number, fieldName: field.name, label: label))
            }
        }
    }

    /// Later repeats of a name become `name2`, `name3`…, as the reference names inferred fields.
    static func deduplicated(_ names: [String]) -> [String] {
        var used = Set<String>()
        return names.map { name in
            var candidate = name
            var suffix = 2
            while used.contains(candidate) {
                candidate = "\(name)\(suffix)"
                suffix += 1
            }
            used.insert(candidate)
            return candidate
        }
    }
}
