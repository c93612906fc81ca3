/// The form in which titles, descriptions, keywords and queries are compared when searching.
///
/// Latin text is folded to lowercase without accents ("Café" → "cafe"). Thai is kept as written:
/// its vowel and tone marks are combining characters, and removing them would make "น้ำ" (water)
/// match "นำ" (to lead). Thai has no spaces between words, so matching is by substring.
public enum SearchText {
    /// Substrings of at least this many Unicode scalars can use the trigram full-text index.
    public static let trigramLength = 3

    public static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if (0x0300...0x036F).contains(scalar.value) { continue }  // Latin combining accents
            if scalar.properties.isWhitespace {
                if let last = scalars.last, last == " " { continue }
                scalars.append(" ")
                continue
            }
            scalars.append(scalar)
        }
        return String(scalars).lowercased().precomposedStringWithCanonicalMapping.trimmingSpaces
    }

    /// The folded words of a query; quotes keep words together (`"air quality"`).
    public static func terms(_ query: String) -> [String] {
        var terms: [String] = []
        for (index, part) in query.split(separator: "\"", omittingEmptySubsequences: false).enumerated() {
            let folded = fold(String(part))
            if folded.isEmpty { continue }
            if index % 2 == 1 {
                terms.append(folded)
            } else {
                terms.append(contentsOf: folded.split(separator: " ").map(String.init))
            }
        }
        var seen = Set<String>()
        return terms.filter { seen.insert($0).inserted }
    }

    /// An FTS5 string literal for `term`, matched as a substring by the trigram tokenizer.
    static func ftsPhrase(_ term: String) -> String {
        "\"" + term.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var view = Substring(self)
        while view.first == " " { view.removeFirst() }
        while view.last == " " { view.removeLast() }
        return String(view)
    }
}
