/// One field of a schema made ready to check cells: how to read its type, its missing values and
/// its constraints, compiled once so checking a cell costs no parsing of the schema.
/// A class so the per-cell path never copies it.
final class FieldChecker {
    /// A problem with one cell, before it knows its row.
    struct Problem: Equatable {
        /// nil for a type error, else the constraint broken.
        var constraint: ConstraintName?
        var note: String
    }

    enum Outcome {
        /// The cell is null or one of the missing values.
        case missing
        /// The cell does not have the field's type.
        case invalid
        /// The cell has the type; the value when it was asked for.
        case value(CellValue?)
    }

    let field: SchemaField
    /// 1-based position of the field.
    let number: Int
    private let missingValues: [[UInt8]]
    private let onlyEmptyIsMissing: Bool
    private let trueValues: [[UInt8]]
    private let falseValues: [[UInt8]]
    private let pattern: DatePattern?
    private let regex: Regex<AnyRegexOutput>?
    private var minimum: CellValue?
    private var maximum: CellValue?
    private var exclusiveMinimum: CellValue?
    private var exclusiveMaximum: CellValue?
    private var enumeration: [CellValue?]?
    private let numberNeedsProcessing: Bool
    /// Whether a constraint needs the cell's typed value.
    private let needsValue: Bool
    private let required: Bool
    private let checksConstraints: Bool
    private let typeNote: String
    /// The check of a string format (email, uri, uuid, binary); nil for `default`.
    private let textFormat: ((UnsafeBufferPointer<UInt8>) -> Bool)?
    private let isAnyFormat: Bool

    /// - Throws: `LumpiniError` `schema-invalid` at `path` when a constraint value is not of the field's type.
    init(field: SchemaField, number: Int, schema: TableSchema, path: String = "", file: String? = nil) throws {
        self.field = field
        self.number = number
        let missing = field.missingValues ?? schema.missingValues
        missingValues = missing.map { Array($0.utf8) }
        onlyEmptyIsMissing = missing == [""]
        trueValues = field.trueValues.map { Array($0.utf8) }
        falseValues = field.falseValues.map { Array($0.utf8) }
        typeNote = "type is \"\(field.typeAndFormat)\""
        isAnyFormat = field.format == "any"
        switch (field.type, field.format) {
        case (.string, "email"): textFormat = TextFormats.isEmail
        case (.string, "uri"): textFormat = TextFormats.isURI
        case (.string, "uuid"): textFormat = TextFormats.isUUID
        case (.string, "binary"): textFormat = TextFormats.isBase64
        default: textFormat = nil
        }
        numberNeedsProcessing = field.decimalChar != "." || !field.groupChar.isEmpty || !field.bareNumber
        if [.date, .time, .datetime].contains(field.type), !["default", "any"].contains(field.format) {
            var format = field.format
            if format.hasPrefix("fmt:") { format.removeFirst(4) }
            guard let pattern = DatePattern(format) else {
                throw LumpiniError("schema-invalid", "\"\(field.format)\" is not a date pattern this validator reads (use %Y %m %d %H %M %S %f %y %b %B %a %A %p %I %j %z)",
                                   file: file, field: "\(path).format")
            }
            self.pattern = pattern
        } else {
            pattern = nil
        }
        let constraints = field.constraints
        // Python's `re` matches code points; Swift's default would match grapheme clusters, where
        // a Thai consonant and its vowel mark are one character.
        regex = try constraints.pattern.map { try Regex($0).matchingSemantics(.unicodeScalar) }
        needsValue = constraints.minimum != nil || constraints.maximum != nil || constraints.exclusiveMinimum != nil
            || constraints.exclusiveMaximum != nil || constraints.enumeration != nil
            || (constraints.minLength != nil || constraints.maxLength != nil) && field.type != .string
        required = constraints.required
        checksConstraints = needsValue || constraints.minLength != nil || constraints.maxLength != nil || regex != nil
        // The bounds are typed by the field itself, once everything else is set.
        minimum = nil
        maximum = nil
        exclusiveMinimum = nil
        exclusiveMaximum = nil
        enumeration = nil
        func bound(_ value: JSONValue?, _ name: ConstraintName) throws -> CellValue? {
            guard let value else { return nil }
            guard let cell = constraintValue(value) else {
                throw LumpiniError("schema-invalid", "\(value.pythonDescription) is not a valid \(field.type.rawValue) for constraint \"\(name.rawValue)\"",
                                   file: file, field: "\(path).constraints.\(name.rawValue)")
            }
            return cell
        }
        minimum = try bound(constraints.minimum, .minimum)
        maximum = try bound(constraints.maximum, .maximum)
        exclusiveMinimum = try bound(constraints.exclusiveMinimum, .exclusiveMinimum)
        exclusiveMaximum = try bound(constraints.exclusiveMaximum, .exclusiveMaximum)
        enumeration = constraints.enumeration.map { $0.map { constraintValue($0) } }
    }

    /// A constraint value written in the schema, read by the field's type.
    private func constraintValue(_ json: JSONValue) -> CellValue? {
        switch json {
        case .string(let text):
            return Array(text.utf8).withUnsafeBufferPointer { read($0, wantValue: true) ?? nil }
        case .number(let value, let text):
            switch field.type {
            case .integer: return value == value.rounded() && abs(value) < 9.2e18 ? .integer(Int(value)) : nil
            case .number: return .number(value)
            case .year: return value == value.rounded() ? .year(Int(value)) : nil
            default: return Array(text.utf8).withUnsafeBufferPointer { read($0, wantValue: true) ?? nil }
            }
        case .bool(let flag):
            return field.type == .boolean ? .boolean(flag) : nil
        case .array, .object:
            return [.object, .array, .geojson, .any].contains(field.type) ? .json(json) : nil
        case .null:
            return nil
        }
    }

    /// Whether the cell is one of the field's missing values.
    @inline(__always)
    func isMissing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.isEmpty { return missingValues.contains { $0.isEmpty } }
        if onlyEmptyIsMissing { return false }
        return missingValues.contains { $0.elementsEqual(bytes) }
    }

    /// Checks one cell, appending any problem; `wantValue` asks for the typed value (for keys).
    @inline(__always)
    func check(_ bytes: UnsafeBufferPointer<UInt8>, isNull: Bool, wantValue: Bool, problems: inout [Problem]) -> Outcome {
        if isNull || isMissing(bytes) {
            if required {
                problems.append(Problem(constraint: .required, note: "constraint \"required\" is \"True\""))
            }
            return .missing
        }
        guard let read = read(bytes, wantValue: wantValue || needsValue) else {
            problems.append(Problem(constraint: nil, note: typeNote))
            return .invalid
        }
        if checksConstraints {
            checkConstraints(bytes, read, &problems)
        }
        return .value(read)
    }

    private func checkConstraints(_ bytes: UnsafeBufferPointer<UInt8>, _ value: CellValue?, _ problems: inout [Problem]) {
        let constraints = field.constraints
        func fail(_ name: ConstraintName) {
            problems.append(Problem(constraint: name, note: "constraint \"\(name.rawValue)\" is \"\(constraints.written(name))\""))
        }
        if constraints.minLength != nil || constraints.maxLength != nil {
            let length = field.type == .string ? FieldChecker.codePoints(bytes) : (value?.length ?? 0)
            if let minLength = constraints.minLength, length < minLength { fail(.minLength) }
            if let maxLength = constraints.maxLength, length > maxLength { fail(.maxLength) }
        }
        if let value {
            if let minimum, let order = value.compare(minimum), order < 0 { fail(.minimum) } else if minimum != nil, value.compare(minimum!) == nil { fail(.minimum) }
            if let maximum, let order = value.compare(maximum), order > 0 { fail(.maximum) } else if maximum != nil, value.compare(maximum!) == nil { fail(.maximum) }
            if let exclusiveMinimum, (value.compare(exclusiveMinimum) ?? 0) <= 0 { fail(.exclusiveMinimum) }
            if let exclusiveMaximum, (value.compare(exclusiveMaximum) ?? 0) >= 0 { fail(.exclusiveMaximum) }
        }
        if let regex {
            let text = String(decoding: bytes, as: UTF8.self)
            if (try? regex.wholeMatch(in: text)) == nil { fail(.pattern) }
        }
        if let enumeration, let value {
            if !enumeration.contains(where: { $0.map(value.matches) ?? false }) { fail(.enumeration) }
        }
    }

    /// Unicode code points in UTF-8 bytes: every byte that does not continue a sequence.
    @inline(__always)
    static func codePoints(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// Reads the cell by the field's type: nil when it is not of the type, `.some(nil)` when it
    /// is and the value was not asked for.
    @inline(__always)
    private func read(_ bytes: UnsafeBufferPointer<UInt8>, wantValue: Bool) -> CellValue?? {
        func text() -> CellValue? { wantValue ? .text(String(decoding: bytes, as: UTF8.self)) : nil }
        switch field.type {
        case .string:
            if let textFormat, !textFormat(bytes) { return nil }
            return .some(text())
        case .any:
            return .some(text())
        case .integer:
            let value = numberNeedsProcessing ? processedNumber(bytes).flatMap { $0.withUnsafeBufferPointer(CellNumber.integer) } : CellNumber.integer(bytes)
            return present(value.map { .integer($0) })
        case .number:
            let value = numberNeedsProcessing ? processedNumber(bytes).flatMap { $0.withUnsafeBufferPointer(CellNumber.decimal) } : CellNumber.decimal(bytes)
            return present(value.map { .number($0) })
        case .boolean:
            if trueValues.contains(where: { $0.elementsEqual(bytes) }) { return .boolean(true) }
            if falseValues.contains(where: { $0.elementsEqual(bytes) }) { return .boolean(false) }
            return nil
        case .date:
            let parts: DateParts?
            if let pattern { parts = pattern.parse(bytes) } else if isAnyFormat { parts = ISODateTime.anyDateTime(bytes) } else { parts = ISODateTime.date(bytes) }
            return present(parts.map { .date($0.dayNumber) })
        case .time:
            let parts: DateParts?
            if let pattern { parts = pattern.parse(bytes) } else if isAnyFormat { parts = ISODateTime.anyTime(bytes) } else { parts = ISODateTime.timeOfDay(bytes) }
            return present(parts.map { .time($0.secondsOfDay) })
        case .datetime:
            let parts: DateParts?
            if let pattern { parts = pattern.parse(bytes) } else if isAnyFormat { parts = ISODateTime.anyDateTime(bytes) } else { parts = ISODateTime.dateTime(bytes) }
            return present(parts.map { .dateTime($0.timestamp) })
        case .year:
            return present(ISODateTime.year(bytes).map { .year($0) })
        case .yearmonth:
            return present(ISODateTime.yearMonth(bytes).map { .yearMonth($0) })
        case .duration:
            guard ISODateTime.isDuration(bytes) else { return nil }
            return .some(wantValue ? .duration(String(decoding: bytes, as: UTF8.self)) : nil)
        case .object, .array:
            guard let json = JSONParser.value(of: bytes) else { return nil }
            switch (field.type, json) {
            case (.object, .object), (.array, .array): return .json(json)
            default: return nil
            }
        case .geojson:
            guard let json = JSONParser.value(of: bytes), json.members != nil else { return nil }
            let ok = field.format == "topojson" ? TextFormats.isTopoJSON(json) : GeoJSONChecker.isGeoJSONObject(json)
            return ok ? .json(json) : nil
        case .geopoint:
            return present(TextFormats.geopoint(bytes, format: field.format))
        }
    }

    /// A value read, or nil (not of the type) when there is none: keeps `read` from mistaking a
    /// failed read for a value that was not asked for.
    @inline(__always)
    private func present(_ value: CellValue?) -> CellValue?? {
        guard let value else { return nil }
        return .some(value)
    }

    /// The cell with `bareNumber`, `groupChar` and `decimalChar` applied, as the reference does;
    /// nil when a `.` appears while another decimal character is declared.
    private func processedNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var text = String(decoding: bytes, as: UTF8.self).trimmingWhitespace
        if !field.bareNumber {
            let scalars = Array(text.unicodeScalars)
            let isDigit: (Unicode.Scalar) -> Bool = { $0.properties.numericType == .decimal }
            var start = 0
            while start < scalars.count, !isDigit(scalars[start]), scalars[start] != "-" { start += 1 }
            var end = scalars.count
            while end > start, !isDigit(scalars[end - 1]) { end -= 1 }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            text = String(view)
        }
        if !field.groupChar.isEmpty { text = text.replacingOccurrences(of: field.groupChar, with: "") }
        if field.decimalChar != "." {
            if text.contains(".") { return nil }
            text = text.replacingOccurrences(of: field.decimalChar, with: ".")
        }
        return Array(text.utf8)
    }
}
