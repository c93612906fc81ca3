/// `parse-numbers`: numbers as agencies write them ("๑,๒๓๔.๕ ตัน", "12.5%") made plain ("1234.5").
/// Parameters: `fields` (required); `thousandsSeparator` (default ","); `decimalSeparator`
/// (default "."); `units` (text stripped before or after the number, e.g. ["ตัน", "µg/m³"]);
/// `percent` (strip "%", default false); `onInvalid`: keep | null | quarantine (default keep).
package final class ParseNumbers: CleansingStep {
    package static let name = "parse-numbers"
    static let summary = "Thai digits, thousands separators, units and percent signs stripped: \"๑,๒๓๔.๕ ตัน\" → \"1234.5\""
    static let worksOnTextAlone = true

    private let fields: [(index: Int, name: String)]
    private let parser: AgencyNumber
    private let onInvalid: InvalidValuePolicy

    init(parameters: inout StepParameters, layout: inout FieldLayout, context: CleansingContext) throws {
        fields = try parameters.fields(in: layout, defaultAll: false).map { ($0, layout.names[$0]) }
        let thousands = try parameters.string("thousandsSeparator") ?? ","
        let decimal = try parameters.string("decimalSeparator") ?? "."
        guard decimal.count == 1, thousands.count <= 1, thousands != decimal else {
            throw parameters.error("recipe-invalid-value", "the separators must be single, different characters", parameter: "decimalSeparator")
        }
        parser = AgencyNumber(
            thousandsSeparator: thousands.first, decimalSeparator: decimal.first!,
            units: try parameters.strings("units") ?? [], percent: try parameters.bool("percent") ?? false
        )
        onInvalid = try parameters.choice("onInvalid", InvalidValuePolicy.self) ?? .keep
    }

    func apply(to record: inout Record, changes: ChangeRecorder) throws -> StepVerdict {
        for field in fields {
            guard let value = record.value(at: field.index) else { continue }
            if let number = parser.parse(value) {
                record.update(at: field.index, field: field.name, changes: changes) { _ in number }
                continue
            }
            switch onInvalid {
            case .keep: continue
            case .null: record.update(at: field.index, field: field.name, changes: changes) { _ in nil }
            case .quarantine:
                return .quarantine(reason: "invalid-number", message: "\"\(value)\" in \(field.name) is not a number", field: field.name)
            }
        }
        return .keep
    }
}

/// Reads a number written with Thai digits, separators, units and signs; writes it plainly.
struct AgencyNumber {
    let thousandsSeparator: Character?
    let decimalSeparator: Character
    /// Longest first, so "มก./ลบ.ม." is stripped before "ม.".
    let units: [String]
    let percent: Bool

    /// The bytes of each unit as declared and lower-cased, which `numberBeforeUnit` looks for; empty
    /// when a unit could make that differ from `parseWritten` (see `unitFormsMatchingByBytes`).
    private let unitForms: [[UInt8]]

    init(thousandsSeparator: Character?, decimalSeparator: Character, units: [String], percent: Bool) {
        self.thousandsSeparator = thousandsSeparator
        self.decimalSeparator = decimalSeparator
        self.units = units.map { $0.lowercased() }.sorted { $0.count > $1.count }
        self.percent = percent
        unitForms = decimalSeparator == "." && !percent ? Self.unitFormsMatchingByBytes(units) : []
    }

    /// The number as `-?digits(.digits)?`, or nil when `text` is not a number.
    func parse(_ text: String) -> String? {
        guard decimalSeparator == "." else { return parseWritten(text) }
        if Self.isPlain(text) { return text }
        let digits = ThaiText.arabicDigits(text)
        if Self.isPlain(digits) { return digits }
        return numberBeforeUnit(digits) ?? parseWritten(digits)
    }

    /// A plain number, spaces and a unit as declared or lower-cased ("37.5 µg/m³", as meters write
    /// readings): the number, found in the bytes; nil for anything else, which `parseWritten` reads.
    /// The same answer as `parseWritten`, which lower-cases the text and reads it character by character.
    private func numberBeforeUnit(_ text: String) -> String? {
        guard !unitForms.isEmpty else { return nil }
        var text = text
        return text.withUTF8 { bytes in
            for form in unitForms where form.count < bytes.count && bytes.suffix(form.count).elementsEqual(form) {
                var end = bytes.count - form.count
                while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
                let number = UnsafeBufferPointer(rebasing: bytes[..<end])
                // "5 ลบ.ม." ends with "ม." too: only the unit that leaves a plain number counts.
                if Self.isPlain(number) { return String(decoding: number, as: UTF8.self) }
            }
            return nil
        }
    }

    /// The byte forms of `units` for `numberBeforeUnit`, or none when one unit could make it answer
    /// otherwise than `parseWritten`. That holds when no unit holds an ASCII digit or whitespace or
    /// starts with `-` (so no unit can match more of "37.5 µg/m³" than its own bytes, or its start),
    /// and each form lower-cases to the unit, has as many characters, and joins no digit or space
    /// before it into one character (so dropping it drops those bytes).
    private static func unitFormsMatchingByBytes(_ units: [String]) -> [[UInt8]] {
        var forms: [[UInt8]] = []
        for unit in units where !unit.isEmpty {
            let lowered = unit.lowercased()
            let unsafe = unit.unicodeScalars.contains { $0.properties.isWhitespace || ("0"..."9").contains($0) }
                || lowered.unicodeScalars.contains { $0.properties.isWhitespace || ("0"..."9").contains($0) }
                || unit.hasPrefix("-") || lowered.hasPrefix("-")
            if unsafe { return [] }
            for form in unit == lowered ? [unit] : [unit, lowered] {
                guard Array(form.lowercased().utf8) == Array(lowered.utf8), form.count == lowered.count,
                      ("0" + form).count == form.count + 1, (" " + form).count == form.count + 1 else { return [] }
                forms.append(Array(form.utf8))
            }
        }
        return forms
    }

    /// What `parse` gives for any text, character by character: Thai digits, whitespace, percent
    /// signs, units, separators.
    func parseWritten(_ text: String) -> String? {
        var body = ThaiText.arabicDigits(text).trimmingWhitespace
        if percent, body.hasSuffix("%") { body = String(body.dropLast()).trimmingWhitespace }
        let lowered = body.lowercased()
        for unit in units where !unit.isEmpty {
            if lowered.hasSuffix(unit) {
                body = String(body.dropLast(unit.count)).trimmingWhitespace
                break
            }
            if lowered.hasPrefix(unit) {
                body = String(body.dropFirst(unit.count)).trimmingWhitespace
                break
            }
        }
        var output = ""
        var sawDigit = false
        var sawDecimal = false
        var previousWasDigit = false
        // Digits since the last group separator; nil before the first one. Groups are three digits.
        var groupDigits: Int?
        let characters = Array(body)
        for (offset, character) in characters.enumerated() {
            switch character {
            // Not `case "0"..."9"`: a digit with a combining mark ("6\u{0C56}") sorts inside that range.
            case _ where character.isASCII && ("0"..."9").contains(character):
                output.append(character)
                sawDigit = true
                previousWasDigit = true
                if !sawDecimal, let digits = groupDigits { groupDigits = digits + 1 }
            case "-", "\u{2212}", "+":
                guard output.isEmpty else { return nil }
                if character != "+" { output.append("-") }
                previousWasDigit = false
            case decimalSeparator:
                guard !sawDecimal, groupDigits == nil || groupDigits == 3 else { return nil }
                if !sawDigit { output.append("0") }
                output.append(".")
                sawDecimal = true
                previousWasDigit = false
            case _ where character == thousandsSeparator || character == " " || character == "\u{00A0}":
                // A group separator sits between digits and before a digit, in the integer part.
                let nextIsDigit = offset + 1 < characters.count && characters[offset + 1].isASCII && characters[offset + 1].isNumber
                guard previousWasDigit, nextIsDigit, !sawDecimal, groupDigits == nil || groupDigits == 3 else { return nil }
                groupDigits = 0
                previousWasDigit = false
            default:
                return nil
            }
        }
        guard sawDigit, output.last != ".", sawDecimal || groupDigits == nil || groupDigits == 3 else { return nil }
        return output
    }

    /// `isPlain` over the text's bytes where they lie, as a native string's do: stepping through a
    /// `String.UTF8View` costs several times more per byte.
    private static func isPlain(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { isPlain($0) } ?? isPlain(text.utf8)
    }

    /// Already written as `-?digits(.digits)?` in ASCII, as most machine-made cells are (or once
    /// Thai digits are made ASCII): the answer is the text itself, without reading it character by character.
    private static func isPlain<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        var digitsBefore = 0, digitsAfter = 0, sawPoint = false
        for (offset, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if sawPoint { digitsAfter += 1 } else { digitsBefore += 1 }
            case UInt8(ascii: ".") where !sawPoint:
                sawPoint = true
            case UInt8(ascii: "-") where offset == 0:
                continue
            default:
                return false
            }
        }
        return digitsBefore > 0 && (!sawPoint || digitsAfter > 0)
    }
}
