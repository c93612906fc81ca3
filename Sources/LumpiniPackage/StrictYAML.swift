import Foundation
import Yams

/// Parses the YAML that Lumpini reads (dataset descriptions, vocabularies) with the safety rules
/// a file from anyone must pass: a size cap, UTF-8, no tabs in indentation, no duplicate keys and
/// no anchors or aliases (which can expand a small file into an enormous document).
enum StrictYAML {
    /// Larger files are refused before parsing.
    static let maximumSize = 1_000_000

    /// Reads and parses `url`; `displayPath` names the file in messages.
    static func parse(contentsOf url: URL, displayPath: String) throws -> YAMLValue {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        guard let size = attributes?[.size] as? Int else {
            throw LumpiniError("file-not-found", "no such file", kind: .input, file: displayPath)
        }
        guard size <= maximumSize else {
            throw LumpiniError(
                "yaml-too-large", "the file is \(size) bytes; at most \(maximumSize) are accepted", kind: .input,
                file: displayPath, hint: "a dataset description is a few kilobytes: move data out of it"
            )
        }
        let data = try Data(contentsOf: url)
        return try parse(data, displayPath: displayPath)
    }

    static func parse(_ data: Data, displayPath: String) throws -> YAMLValue {
        guard data.count <= maximumSize else {
            throw LumpiniError("yaml-too-large", "the text is \(data.count) bytes; at most \(maximumSize) are accepted", kind: .input, file: displayPath)
        }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw LumpiniError(
                "yaml-not-utf8", "the file is not UTF-8 text", kind: .input, file: displayPath,
                hint: "save it as UTF-8 (editors call it \"UTF-8\" or \"Unicode\")"
            )
        }
        try refuseTabIndentation(text, file: displayPath)
        let parser: Parser
        let root: Node?
        do {
            parser = try Parser(yaml: text)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            throw translate(error, file: displayPath)
        }
        guard let root else {
            throw LumpiniError("yaml-empty", "the file is empty", kind: .input, file: displayPath)
        }
        let value = YAMLValue(node: root, path: "", file: displayPath)
        // Anchors are weak references owned by the parser: keep it alive while looking for them.
        try withExtendedLifetime(parser) { try refuseAnchors(value) }
        return value
    }

    private static func refuseTabIndentation(_ text: String, file: String) throws {
        var line = 0
        for row in text.split(separator: "\n", omittingEmptySubsequences: false) {
            line += 1
            let indentation = row.prefix { $0 == " " || $0 == "\t" }
            if indentation.contains("\t") {
                throw LumpiniError(
                    "yaml-tab-indentation", "a tab is used for indentation", kind: .input, file: file, row: line,
                    hint: "YAML indents with spaces only: replace the tab with spaces"
                )
            }
        }
    }

    /// Walks the document and stops at the first anchor: an alias always refers to an anchor
    /// defined before it, so the walk never expands an alias.
    private static func refuseAnchors(_ value: YAMLValue) throws {
        if value.node.anchor != nil {
            throw value.error(
                "yaml-anchor-refused", "anchors and aliases (&name, *name) are not accepted",
                hint: "write the value out in full"
            )
        }
        switch value.node {
        case .mapping:
            for entry in try value.mapping().entries { try refuseAnchors(entry.value) }
        case .sequence:
            for item in try value.list() { try refuseAnchors(item) }
        case .alias:
            throw value.error("yaml-anchor-refused", "aliases (*name) are not accepted", hint: "write the value out in full")
        case .scalar:
            break
        }
    }

    private static func translate(_ error: YamlError, file: String) -> LumpiniError {
        func make(_ problem: String, _ line: Int?) -> LumpiniError {
            LumpiniError("yaml-syntax", problem, kind: .input, file: file, row: line, hint: "fix the YAML syntax at this line")
        }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return make("YAML syntax error: \(problem)", mark.line)
        case .composer(_, let problem, let mark, _):
            if problem.contains("alias") {
                return LumpiniError("yaml-anchor-refused", "aliases (*name) are not accepted", kind: .input, file: file, row: mark.line, hint: "write the value out in full")
            }
            if problem.contains("another document") {
                return LumpiniError("yaml-syntax", "the file holds more than one YAML document", kind: .input, file: file, row: mark.line, hint: "remove the `---` separator and what follows")
            }
            return make("YAML error: \(problem)", mark.line)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            return LumpiniError(
                "yaml-duplicate-key", "the key \(keys) appears more than once in the same mapping", kind: .input,
                file: file, row: context.mark.line, hint: "keep one of them"
            )
        case .reader(let problem, _, _, _):
            return make("cannot read the text: \(problem)", nil)
        default:
            return make("YAML error: \(error)", nil)
        }
    }
}
