/// Validates the rows of one table as they stream past: cell types and constraints, row shape
/// (blank rows, extra and missing cells), `unique` fields, the primary key and foreign keys.
///
/// It remembers only what the checks need: a 16-byte digest and a row number per distinct
/// unique or primary-key value. Build it from the header, then call `validate(_:)` per row.
public final class TableValidator {
    /// The label errors of the header given at creation.
    public let headerErrors: [ValidationProblem]
    /// The fields columns are read as (the schema's, plus `any` fields for extra columns).
    public var fieldNames: [String] { checkers.map(\.field.name) }

    private let checkers: [FieldChecker]
    private let schema: TableSchema
    private var problems: [FieldChecker.Problem] = []
    private var rowErrors: [ValidationProblem] = []
    private var fieldDigests: [KeyDigest?]
    /// Fields whose digests some key needs.
    private let keyFields: [Bool]
    /// Key fields whose digest is of the typed value (not the text as written).
    private let typedKeys: [Bool]
    /// The unique fields' columns, and for each the latest row of every value seen.
    private var uniqueColumns: [Int] = []
    private var uniqueSeen: [SpillingDigestTable] = []
    private let primaryKey: [Int]?
    /// The latest row of every primary key seen, unless the key is one unique column whose
    /// table serves both checks (`primaryKeySharesUnique` is then its position in `uniqueColumns`).
    private var primarySeen = SpillingDigestTable()
    private let primaryKeySharesUnique: Int?
    private let foreignKeys: [(key: ForeignKey, columns: [Int], lookup: ReferenceKeySet)]

    /// - Parameters:
    ///   - labels: the header row; the schema's own field names when the rows come without one.
    ///   - lookups: the key sets of the schema's foreign keys, by position in `schema.foreignKeys`;
    ///     a foreign key without one is not checked.
    /// - Throws: `LumpiniError` `schema-invalid` when a constraint value does not fit its field.
    ///   - expectedRows: about how many rows will come, to size the key tables once (0: unknown).
    public init(schema: TableSchema, labels: [String], lookups: [Int: ReferenceKeySet] = [:], expectedRows: Int = 0) throws {
        let tableCapacity = min(max(expectedRows + expectedRows / 8, 1024), 1 << 26)
        self.schema = schema
        let header = HeaderCheck(labels: labels, schema: schema)
        headerErrors = header.errors
        checkers = try header.fields.enumerated().map { try FieldChecker(field: $1, number: $0 + 1, schema: schema, path: "fields[\($0)]") }
        let names = header.fields.map(\.name)
        func columns(_ fields: [String]) -> [Int]? {
            let found = fields.compactMap { name in names.firstIndex(of: name) }
            return found.count == fields.count ? found : nil
        }
        var keyFields = Array(repeating: false, count: checkers.count)
        for (index, checker) in checkers.enumerated() where checker.field.constraints.unique {
            uniqueColumns.append(index)
            uniqueSeen.append(SpillingDigestTable(capacity: tableCapacity))
            keyFields[index] = true
        }
        primaryKey = schema.primaryKey.isEmpty ? nil : columns(schema.primaryKey)
        primaryKey?.forEach { keyFields[$0] = true }
        if let primaryKey, primaryKey.count == 1 {
            primaryKeySharesUnique = uniqueColumns.firstIndex(of: primaryKey[0])
        } else {
            primaryKeySharesUnique = nil
        }
        if primaryKey != nil, primaryKeySharesUnique == nil { primarySeen = SpillingDigestTable(capacity: tableCapacity) }
        var foreignKeys: [(ForeignKey, [Int], ReferenceKeySet)] = []
        for (index, key) in schema.foreignKeys.enumerated() {
            guard let lookup = lookups[index], let columns = columns(key.fields) else { continue }
            columns.forEach { keyFields[$0] = true }
            foreignKeys.append((key, columns, lookup))
        }
        self.foreignKeys = foreignKeys
        self.keyFields = keyFields
        typedKeys = zip(keyFields, checkers).map { $0 && $1.field.type != .string && $1.field.type != .any }
        fieldDigests = Array(repeating: nil, count: checkers.count)
    }

    /// Checks one row and returns its errors (empty when the row is valid). The returned array is
    /// reused by the next call: copy it to keep it.
    @discardableResult
    public func validate(_ row: CellRow) -> [ValidationProblem] {
        rowErrors.removeAll(keepingCapacity: true)
        let fieldCount = checkers.count
        let cellCount = row.count
        var blank = 0
        // The per-row state lives in locals while the cells are checked: no exclusivity checks
        // on the validator's properties per cell.
        var problems: [FieldChecker.Problem] = []
        var digests: [KeyDigest?] = []
        swap(&problems, &self.problems)
        swap(&digests, &fieldDigests)
        let checkers = self.checkers
        let keyFields = self.keyFields
        let typedKeys = self.typedKeys
        row.bytes.withUnsafeBufferPointer { all in
            for index in 0..<min(fieldCount, cellCount) {
                let checker = checkers[index]
                let cell = UnsafeBufferPointer(rebasing: all[row.range(index)])
                let typed = typedKeys[index]
                let outcome = checker.check(cell, isNull: row.isNull(index), wantValue: typed, problems: &problems)
                if case .missing = outcome { blank += 1 }
                if keyFields[index] { digests[index] = TableValidator.digest(outcome, cell: cell, typed: typed) }
                if !problems.isEmpty {
                    reportProblems(checker, cell: String(decoding: cell, as: UTF8.self), row: row.number, problems: &problems)
                }
            }
        }
        if cellCount < fieldCount {
            for index in cellCount..<fieldCount {
                let checker = checkers[index]
                blank += 1
                digests[index] = nil
                if checker.field.constraints.required {
                    problems.append(FieldChecker.Problem(constraint: .required, note: "constraint \"required\" is \"True\""))
                    reportProblems(checker, cell: "", row: row.number, problems: &problems)
                }
            }
        }
        swap(&problems, &self.problems)
        swap(&digests, &fieldDigests)
        if cellCount > fieldCount {
            for index in fieldCount..<cellCount {
                rowErrors.append(ValidationProblem(
                    .extraCell, message: "row \(row.number) has a cell in column \(index + 1), beyond the \(fieldCount) columns of the table — remove it or add a column",
                    rowNumber: row.number, fieldNumber: index + 1, fieldName: "", cell: row.string(index) ?? ""))
            }
        }
        if cellCount < fieldCount {
            for index in cellCount..<fieldCount {
                rowErrors.append(ValidationProblem(
                    .missingCell, message: "row \(row.number) has no cell for field \"\(checkers[index].field.name)\" (column \(index + 1)) — add the missing cell",
                    rowNumber: row.number, fieldNumber: index + 1, fieldName: checkers[index].field.name, cell: ""))
            }
        }
        if blank == fieldCount {
            rowErrors.removeAll(keepingCapacity: true)
            rowErrors.append(ValidationProblem(.blankRow, message: "row \(row.number) is empty — remove it", rowNumber: row.number))
        }
        checkKeys(row)
        return rowErrors
    }

    /// The digest a key part has: nil for a missing or mistyped cell (the reference's `None`),
    /// the typed value's canonical text, or the raw text for text fields.
    @inline(__always)
    private static func digest(_ outcome: FieldChecker.Outcome, cell: UnsafeBufferPointer<UInt8>, typed: Bool) -> KeyDigest? {
        guard case .value(let value) = outcome else { return nil }
        return typed ? value.map(\.keyDigest) : KeyDigest.of(cell)
    }

    /// The digest of the key made of `columns` in a row of this table (for the key sets other
    /// tables refer to); nil when every part is missing.
    func referenceDigest(_ row: CellRow, columns: [Int]) -> KeyDigest? {
        var parts: [KeyDigest?] = []
        row.bytes.withUnsafeBufferPointer { all in
            for index in columns {
                guard index < row.count else {
                    parts.append(nil)
                    continue
                }
                let checker = checkers[index]
                let cell = UnsafeBufferPointer(rebasing: all[row.range(index)])
                let typed = checker.field.type != .string && checker.field.type != .any
                let outcome = checker.check(cell, isNull: row.isNull(index), wantValue: typed, problems: &problems)
                problems.removeAll(keepingCapacity: true)
                parts.append(TableValidator.digest(outcome, cell: cell, typed: typed))
            }
        }
        return parts.allSatisfy { $0 == nil } ? nil : KeyDigest.combining(parts)
    }

    /// The columns holding `fields`, nil when one is missing.
    func columns(of fields: [String]) -> [Int]? {
        let names = fieldNames
        let found = fields.compactMap { names.firstIndex(of: $0) }
        return found.count == fields.count ? found : nil
    }

    private func reportProblems(_ checker: FieldChecker, cell: String, row: Int, problems: inout [FieldChecker.Problem]) {
        let name = checker.field.name
        for problem in problems {
            if let constraint = problem.constraint {
                rowErrors.append(ValidationProblem(
                    .constraintError, message: TableValidator.constraintMessage(constraint, checker.field, cell: cell, row: row),
                    note: problem.note, rowNumber: row, fieldNumber: checker.number, fieldName: name, cell: cell))
            } else {
                rowErrors.append(ValidationProblem(
                    .typeError, message: "row \(row), field \"\(name)\": \"\(cell)\" is not \(TableValidator.typeDescription(checker.field)) — correct the value or the field's type",
                    note: problem.note, rowNumber: row, fieldNumber: checker.number, fieldName: name, cell: cell))
            }
        }
        problems.removeAll(keepingCapacity: true)
    }

    /// The digest of the key made of `columns` in the current row: nil when every part is
    /// missing. A one-column key is its column's digest (no allocation).
    @inline(__always)
    private func keyDigest(_ columns: [Int]) -> KeyDigest? {
        if columns.count == 1 { return fieldDigests[columns[0]] }
        let parts = columns.map { fieldDigests[$0] }
        return parts.allSatisfy { $0 == nil } ? nil : KeyDigest.combining(parts)
    }

    private func checkKeys(_ row: CellRow) {
        var sharedPrevious: Int?
        for (position, index) in uniqueColumns.enumerated() {
            guard let digest = fieldDigests[index] else { continue }
            // As in the reference tool, a repeat is reported against the latest row holding the value.
            guard let previous = uniqueSeen[position].updateValue(row.number, forKey: digest) else { continue }
            if position == primaryKeySharesUnique { sharedPrevious = previous }
            let name = checkers[index].field.name
            rowErrors.append(ValidationProblem(
                .uniqueError, message: "row \(row.number), field \"\(name)\": \"\(row.string(index) ?? "")\" is already in row \(previous); the field must be unique — correct one of them",
                note: "the same as in the row at position \(previous)", rowNumber: row.number, fieldNumber: index + 1, fieldName: name, cell: row.string(index) ?? ""))
        }
        if let primaryKey {
            if let digest = keyDigest(primaryKey) {
                let previous = primaryKeySharesUnique == nil ? primarySeen.updateValue(row.number, forKey: digest) : sharedPrevious
                if let previous {
                    rowErrors.append(ValidationProblem(
                        .primaryKey, message: "row \(row.number) repeats the primary key (\(schema.primaryKey.joined(separator: ", "))) of row \(previous): \(keyText(primaryKey, row)) — keys must be unique",
                        note: "the same as in the row at position \(previous)", rowNumber: row.number))
                }
            } else {
                rowErrors.append(ValidationProblem(
                    .primaryKey, message: "row \(row.number) has no value in its primary key (\(schema.primaryKey.joined(separator: ", "))) — fill it in",
                    note: "cells composing the primary keys are all \"None\"", rowNumber: row.number))
            }
        }
        for (key, columns, lookup) in foreignKeys {
            guard let digest = keyDigest(columns) else { continue }
            if !lookup.contains(digest) {
                let values = keyText(columns, row)
                rowErrors.append(ValidationProblem(
                    .foreignKey, message: "row \(row.number): \(key.fields.joined(separator: ", ")) = \(values) is not found in \(TableValidator.targetDescription(key.target)) as \(key.referencedFields.joined(separator: ", ")) — use a value that exists there",
                    note: "for \"\(key.fields.joined(separator: ", "))\": values \"\(values)\" not found in the lookup table \"\(key.target.name)\" as \"\(key.referencedFields.joined(separator: ", "))\"",
                    rowNumber: row.number))
            }
        }
    }

    private func keyText(_ columns: [Int], _ row: CellRow) -> String {
        columns.map { fieldDigests[$0] == nil ? "None" : (row.string($0) ?? "None") }.joined(separator: ", ")
    }

    static func targetDescription(_ target: ForeignKey.Target) -> String {
        switch target {
        case .resource(""): return "this table"
        case .resource(let name): return "resource \"\(name)\""
        case .dataset(let id): return "dataset \"\(id)\""
        case .vocabulary(let name): return "vocabulary \"\(name)\""
        }
    }

    static func typeDescription(_ field: SchemaField) -> String {
        let base: String
        switch field.type {
        case .string: base = field.format == "default" ? "text" : "a valid \(field.format)"
        case .integer: base = "a whole number"
        case .number: base = "a number"
        case .boolean: base = "true or false (\((field.trueValues + field.falseValues).joined(separator: ", ")))"
        case .date: base = field.format == "default" ? "a date (YYYY-MM-DD)" : "a date (\(field.format))"
        case .time: base = field.format == "default" ? "a time (HH:MM:SS)" : "a time (\(field.format))"
        case .datetime: base = field.format == "default" ? "a date and time (YYYY-MM-DDTHH:MM:SS)" : "a date and time (\(field.format))"
        case .year: base = "a year (YYYY)"
        case .yearmonth: base = "a year and month (YYYY-MM)"
        case .duration: base = "an ISO 8601 duration (such as P1Y2M or PT5M)"
        case .object: base = "a JSON object"
        case .array: base = "a JSON array"
        case .geopoint: base = field.format == "default" ? "a point \"lon, lat\" within −180…180, −90…90" : "a geopoint (\(field.format))"
        case .geojson: base = field.format == "topojson" ? "a TopoJSON object" : "a GeoJSON object"
        case .any: base = "any value"
        }
        return base
    }

    static func constraintMessage(_ constraint: ConstraintName, _ field: SchemaField, cell: String, row: Int) -> String {
        let c = field.constraints
        let place = "row \(row), field \"\(field.name)\""
        switch constraint {
        case .required: return "\(place): a value is required but the cell is empty — fill it in"
        case .minLength: return "\(place): \"\(cell)\" is shorter than \(c.minLength ?? 0) characters"
        case .maxLength: return "\(place): \"\(cell)\" is longer than \(c.maxLength ?? 0) characters"
        case .minimum: return "\(place): \(cell) is below the minimum \(c.written(.minimum))"
        case .maximum: return "\(place): \(cell) is above the maximum \(c.written(.maximum))"
        case .exclusiveMinimum: return "\(place): \(cell) must be above \(c.written(.exclusiveMinimum))"
        case .exclusiveMaximum: return "\(place): \(cell) must be below \(c.written(.exclusiveMaximum))"
        case .pattern: return "\(place): \"\(cell)\" does not match the pattern \(c.written(.pattern))"
        case .enumeration: return "\(place): \"\(cell)\" is not one of the allowed values \(c.written(.enumeration))"
        case .unique: return "\(place): \"\(cell)\" is not unique"
        }
    }
}
