import Foundation

/// `clean-text`: Unicode NFC; zero-width and control characters removed; whitespace trimmed and
/// runs of it collapsed to one space; decomposed sara am (nikhahit + sara aa) and doubled sara e
/// repaired. Parameters: `fields` (default: all).
package final class CleanText: CleansingStep {
    package static let name = "clean-text"
    static let summary = "NFC, trim and collapse whitespace, remove zero-width and control characters, repair decomposed sara am"

    private let fields: [(index: Int, name: String)]

    init(parameters: inout StepParameters, layout: inout FieldLayout, context: CleansingContext) throws {
        fields = try parameters.fields(in: layout, defaultAll: true).map { ($0, layout.names[$0]) }
    }

    func apply(to record: inout Record, changes: ChangeRecorder) throws -> StepVerdict {
        for field in fields {
            record.update(at: field.index, field: field.name, changes: changes, TextCleaner.clean)
        }
        return .keep
    }
}

/// The text repairs of `clean-text`, with a fast path for plain ASCII that needs nothing.
package enum TextCleaner {
    static func clean(_ text: String) -> String {
        if isCleanASCII(text) { return text }
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        var needsNormalization = false
        var previousMark: UInt32 = 0
        for scalar in text.unicodeScalars {
            if isWhitespace(scalar) {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if isInvisible(scalar) { continue }
            if pendingSpace {
                scalars.append(" ")
                pendingSpace = false
            }
            let value = scalar.value
            if value >= 0x300 {
                // Thai marks are in canonical order unless a tone mark (class 107) precedes a
                // below vowel (class 103); anything outside Thai goes through Foundation's NFC.
                if (0x0E00...0x0E7F).contains(value) {
                    if (0x0E38...0x0E3A).contains(value), (0x0E48...0x0E4B).contains(previousMark) { needsNormalization = true }
                } else {
                    needsNormalization = true
                }
            }
            previousMark = value
            scalars.append(scalar)
        }
        var result = String(scalars)
        if needsNormalization { result = result.precomposedStringWithCanonicalMapping }
        result = ThaiText.composingSaraAm(result)
        // A tab, carriage return or space before `=`, `+`, `-` or `@` keeps a spreadsheet from running
        // the value as a formula: removing it would turn harmless data into a live formula.
        if text.unicodeScalars.first != result.unicodeScalars.first, SpreadsheetFormula.isFormulaLike(result) {
            let leading = text.unicodeScalars.prefix { isWhitespace($0) || isInvisible($0) }
            result = String(String.UnicodeScalarView(leading)) + result
        }
        return result
    }

    /// Printable ASCII with no leading, trailing or double spaces.
    static func isCleanASCII(_ text: String) -> Bool {
        var previousWasSpace = true
        for byte in text.utf8 {
            if byte >= 0x7F || byte < 0x20 { return false }
            if byte == 0x20 {
                if previousWasSpace { return false }
                previousWasSpace = true
            } else {
                previousWasSpace = false
            }
        }
        return !previousWasSpace || text.isEmpty
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Zero-width characters, the BOM, soft hyphens and other control characters.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0xAD, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0xFEFF: return true
        default: return false
        }
    }
}
