/// Text from metadata or data, made safe to put into Markdown that a portal or GitHub renders: shown
/// as written, never as markup. A title or description holding `<script>`, `<img onerror=…>`, a
/// `[link](javascript:…)` or a line starting with `#` would otherwise become live HTML, a link or a
/// heading of the published README.
package enum MarkdownText {
    /// Characters that start markup anywhere in a line: HTML (`<`, `>`), links and images (`[`, `]`),
    /// emphasis, code, strike-through, table cells and the escape itself. CommonMark and GitHub take a
    /// backslash before any ASCII punctuation as the character itself.
    private static let markup: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "&"]

    /// For a heading or a table cell: one line, every markup character escaped.
    static func inline(_ text: String) -> String {
        escapedLine(text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: " "))
    }

    /// For a paragraph: its lines kept, each escaped, and what would make a line a list item, a quote,
    /// a heading underline or a code block escaped at its start.
    static func paragraph(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { line -> String in
                // Indentation would make a code block: dropped.
                var escaped = escapedLine(String(line.drop { $0 == " " || $0 == "\t" }))
                if let first = escaped.first, "-+=".contains(first) {
                    escaped.insert("\\", at: escaped.startIndex)
                } else if let end = escaped.firstIndex(where: { !("0"..."9").contains($0) }), end > escaped.startIndex, ".)".contains(escaped[end]) {
                    // "1." or "1)" would start a numbered list.
                    escaped.insert("\\", at: end)
                }
                return escaped
            }
            .joined(separator: "\n")
    }

    /// A code span (shown in a fixed-width font, nothing in it read as markup) on one line: fenced with
    /// more backticks than the text holds in a row, and `|` escaped, which GitHub's tables need even there.
    static func code(_ text: String) -> String {
        let line = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: " ")
        var longest = 0
        var run = 0
        for character in line {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padding = longest > 0 || line.hasPrefix(" ") || line.hasSuffix(" ") ? " " : ""
        return fence + padding + line.replacingOccurrences(of: "|", with: "\\|") + padding + fence
    }

    private static func escapedLine(_ line: String) -> String {
        var result = ""
        result.reserveCapacity(line.utf8.count)
        for character in line {
            if markup.contains(character) { result.append("\\") }
            result.append(character)
        }
        return result.printable
    }
}
