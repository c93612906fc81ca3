/// Masks the personal data in a text the way the privacy report masks its examples: every phone
/// number, national ID, e-mail address and name the privacy scan finds is replaced by its masked
/// form, the rest of the text stays ("row 4: "s***@example.org" is not a date").
///
/// The public reports keep their example values only through it (`CleansingReport.masked`,
/// `ValidationReport.masked`): a value from a column the recipe later dropped, or from a row sent to
/// quarantine, never passed the privacy gate.
///
/// ```swift
/// PersonalDataMasker.masked("โทร 081-234-5678")                // "โทร 08x-xxx-5678"
/// PersonalDataMasker.masked("ทำนุ เหล็งขยัน", column: "CHAIRMAN") // "ทำ***"
/// ```
enum PersonalDataMasker {
    /// `text` with each item of personal data masked; a value of a column whose name says it holds
    /// people (`PersonColumn`) is masked whole, as the scan counts it whole.
    static func masked(_ text: String, column: String? = nil) -> String {
        var detector = PersonalDataDetector()
        let inPeopleColumn = column.map(PersonColumn.namesPeople) ?? false
        var output = ""
        var rest = Substring(text)
        while !rest.isEmpty {
            var first: (range: Range<Int>, masked: String)?
            detector.detect(String(rest), inPeopleColumn: inPeopleColumn) { hit, masked in
                if first.map({ hit.range.lowerBound < $0.range.lowerBound }) ?? true, !hit.range.isEmpty { first = (hit.range, masked()) }
            }
            guard let first else { break }
            let utf8 = rest.utf8
            output += rest[..<utf8.index(utf8.startIndex, offsetBy: first.range.lowerBound)] + first.masked
            rest = rest[utf8.index(utf8.startIndex, offsetBy: first.range.upperBound)...]
        }
        return output + rest
    }
}
