import Foundation
import Yams

/// A node of a parsed YAML document with the path that leads to it, for strict reading:
/// every accessor either returns the expected type or throws a `LumpiniError` naming the file,
/// the key path (`source.paths[0]`) and the line.
struct YAMLValue {
    let node: Node
    /// The key path from the document's root, for example `governance.status` or `recipe[2].fields`.
    let path: String
    let file: String

    var line: Int? { node.mark?.line }

    func error(_ code: String, _ message: String, hint: String? = nil) -> LumpiniError {
        LumpiniError(code, message, kind: .input, file: file, row: line, field: path.isEmpty ? nil : path, hint: hint)
    }

    /// What the node is, in words, for messages ("a list", "text", …).
    var kindDescription: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if isNull { return "nothing (null)" }
            if scalar.style == .plain, Double(scalar.string) != nil { return "a number (\(scalar.string))" }
            return "text"
        }
    }

    var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private func typeError(expected: String) -> LumpiniError {
        error("yaml-wrong-type", "expected \(expected), found \(kindDescription)")
    }

    /// Text. Numbers and dates written without quotes are taken as their text.
    func string() throws -> String {
        guard case .scalar(let scalar) = node, !isNull else { throw typeError(expected: "text") }
        if scalar.style == .plain, scalar.string == "true" || scalar.string == "false" {
            throw typeError(expected: "text (write \"\(scalar.string)\" in quotes if you mean the word)")
        }
        return scalar.string
    }

    /// Non-empty text.
    func nonEmptyString() throws -> String {
        let text = try string()
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw error("yaml-empty-value", "must not be empty")
        }
        return text
    }

    func bool() throws -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain,
              scalar.string == "true" || scalar.string == "false" else {
            throw typeError(expected: "true or false")
        }
        return scalar.string == "true"
    }

    func double() throws -> Double {
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Double(scalar.string), value.isFinite else {
            throw typeError(expected: "a number")
        }
        return value
    }

    func int() throws -> Int {
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Int(scalar.string) else {
            throw typeError(expected: "a whole number")
        }
        return value
    }

    /// One of the raw values of `T`; the message lists the allowed ones.
    func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type) throws -> T where T.RawValue == String {
        let text = try string()
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw error("yaml-invalid-value", "\"\(text)\" is not allowed here", hint: "use one of: \(allowed)")
        }
        return value
    }

    func list() throws -> [YAMLValue] {
        guard case .sequence(let sequence) = node else { throw typeError(expected: "a list") }
        return Array(sequence).enumerated().map { YAMLValue(node: $1, path: "\(path)[\($0)]", file: file) }
    }

    func strings() throws -> [String] {
        try list().map { try $0.nonEmptyString() }
    }

    func mapping() throws -> YAMLMapping {
        guard case .mapping(let mapping) = node else { throw typeError(expected: "a mapping of keys to values") }
        var entries: [(key: String, value: YAMLValue)] = []
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let key) = keyNode else {
                throw YAMLValue(node: keyNode, path: path, file: file).error("yaml-wrong-type", "a key must be plain text")
            }
            let childPath = path.isEmpty ? key.string : "\(path).\(key.string)"
            entries.append((key.string, YAMLValue(node: valueNode, path: childPath, file: file)))
        }
        return YAMLMapping(entries: entries, owner: self)
    }

    /// A recipe parameter: text, number, true/false, null, a list or a mapping of these.
    func recipeValue() throws -> RecipeValue {
        switch node {
        case .scalar(let scalar):
            if isNull { return .null }
            if scalar.style == .plain {
                if scalar.string == "true" { return .bool(true) }
                if scalar.string == "false" { return .bool(false) }
                if let number = Double(scalar.string), number.isFinite { return .number(number) }
            }
            return .string(scalar.string)
        case .sequence:
            return .list(try list().map { try $0.recipeValue() })
        case .mapping:
            var values: [String: RecipeValue] = [:]
            for (key, value) in try mapping().entries {
                values[key] = try value.recipeValue()
            }
            return .map(values)
        case .alias:
            throw typeError(expected: "a value")
        }
    }
}

/// The entries of a YAML mapping, read key by key; `finish()` refuses the keys nobody asked for.
struct YAMLMapping {
    let entries: [(key: String, value: YAMLValue)]
    let owner: YAMLValue
    private var consumed: Set<String> = []

    init(entries: [(key: String, value: YAMLValue)], owner: YAMLValue) {
        self.entries = entries
        self.owner = owner
    }

    var keys: [String] { entries.map(\.key) }

    /// The value of `key`, or nil when absent or written as null.
    mutating func optional(_ key: String) -> YAMLValue? {
        consumed.insert(key)
        guard let value = entries.first(where: { $0.key == key })?.value, !value.isNull else { return nil }
        return value
    }

    mutating func required(_ key: String) throws -> YAMLValue {
        guard let value = optional(key) else {
            let where_ = owner.path.isEmpty ? "" : " in \"\(owner.path)\""
            throw LumpiniError(
                "yaml-missing-key", "the required key \"\(key)\" is missing\(where_)", kind: .input,
                file: owner.file, row: owner.line, field: owner.path.isEmpty ? key : "\(owner.path).\(key)",
                hint: "add \"\(key):\" (see docs/dataset-yaml.md)"
            )
        }
        return value
    }

    /// Throws on the first key that was not read: a misspelt or unknown key.
    func finish() throws {
        for entry in entries where !consumed.contains(entry.key) {
            let allowed = consumed.sorted().joined(separator: ", ")
            throw entry.value.error(
                "yaml-unknown-key", "unknown key \"\(entry.key)\"",
                hint: "allowed here: \(allowed) (see docs/dataset-yaml.md)"
            )
        }
    }
}
