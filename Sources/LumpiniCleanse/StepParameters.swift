/// The parameters of one recipe step, read strictly: a missing required parameter, a value of the
/// wrong type or an unknown parameter is an error naming the step, the parameter and its line.
public struct StepParameters {
    let step: RecipeStep
    let index: Int
    let file: String
    private var consumed: Set<String> = []

    init(step: RecipeStep, index: Int, file: String) {
        self.step = step
        self.index = index
        self.file = file
    }

    /// An error about the step (or one parameter of it).
    func error(_ code: String, _ message: String, parameter: String? = nil, hint: String? = nil) -> LumpiniError {
        let line = parameter.flatMap { step.parameterLines[$0] } ?? step.line
        let path = "recipe[\(index)]" + (parameter.map { ".\($0)" } ?? "")
        return LumpiniError(code, "step \"\(step.name)\": \(message)", kind: .input, file: file, row: line, field: path, hint: hint)
    }

    mutating func value(_ key: String) -> RecipeValue? {
        consumed.insert(key)
        guard let value = step.parameters[key], value != .null else { return nil }
        return value
    }

    private func wrongType(_ key: String, expected: String) -> LumpiniError {
        error("recipe-wrong-type", "\"\(key)\" must be \(expected)", parameter: key)
    }

    mutating func string(_ key: String) throws -> String? {
        guard let value = value(key) else { return nil }
        guard let text = value.text else { throw wrongType(key, expected: "text") }
        return text
    }

    mutating func requiredString(_ key: String) throws -> String {
        guard let text = try string(key) else {
            throw error("recipe-missing-parameter", "the parameter \"\(key)\" is required", parameter: nil)
        }
        return text
    }

    /// A list of text; a single text is taken as a list of one.
    mutating func strings(_ key: String) throws -> [String]? {
        guard let value = value(key) else { return nil }
        switch value {
        case .list(let items):
            return try items.map { item in
                guard let text = item.text else { throw wrongType(key, expected: "a list of text") }
                return text
            }
        default:
            guard let text = value.text else { throw wrongType(key, expected: "a list of text") }
            return [text]
        }
    }

    mutating func int(_ key: String) throws -> Int? {
        guard let value = value(key) else { return nil }
        guard case .number(let number) = value, number.rounded() == number, abs(number) < 1e9 else {
            throw wrongType(key, expected: "a whole number")
        }
        return Int(number)
    }

    mutating func double(_ key: String) throws -> Double? {
        guard let value = value(key) else { return nil }
        guard case .number(let number) = value else { throw wrongType(key, expected: "a number") }
        return number
    }

    mutating func bool(_ key: String) throws -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let flag) = value else { throw wrongType(key, expected: "true or false") }
        return flag
    }

    /// A mapping of text to text (or to null, written as nil).
    mutating func stringMap(_ key: String) throws -> [String: String?]? {
        guard let value = value(key) else { return nil }
        guard case .map(let entries) = value else { throw wrongType(key, expected: "a mapping of text to text") }
        var result: [String: String?] = [:]
        for (entryKey, entryValue) in entries {
            if entryValue == .null {
                result[entryKey] = .some(nil)
            } else if let text = entryValue.text {
                result[entryKey] = .some(text)
            } else {
                throw wrongType(key, expected: "a mapping of text to text")
            }
        }
        return result
    }

    /// One of the raw values of `T`.
    mutating func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) throws -> T? where T.RawValue == String {
        // `onInvalid: null` unquoted is YAML's null, yet it names the choice "null", not the default.
        if step.parameters[key] == .null, let named = T(rawValue: "null") {
            consumed.insert(key)
            return named
        }
        guard let text = try string(key) else { return nil }
        guard let value = T(rawValue: text) else {
            throw error(
                "recipe-invalid-value", "\"\(text)\" is not allowed for \"\(key)\"", parameter: key,
                hint: "use one of: \(T.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        return value
    }

    /// The position of a field named by a parameter's value.
    func field(_ name: String, in layout: FieldLayout, parameter: String) throws -> Int {
        guard let index = layout.index(of: name) else {
            throw error(
                "recipe-unknown-field", "there is no field \"\(name)\" at this point of the recipe", parameter: parameter,
                hint: "fields here: \(layout.names.joined(separator: ", "))"
            )
        }
        return index
    }

    /// The positions of the fields listed under `key`, or of every field when it is absent.
    mutating func fields(_ key: String = "fields", in layout: FieldLayout, defaultAll: Bool) throws -> [Int] {
        guard let names = try strings(key) else {
            if defaultAll { return Array(0..<layout.count) }
            throw error("recipe-missing-parameter", "the parameter \"\(key)\" is required (the fields to work on)")
        }
        return try names.map { try field($0, in: layout, parameter: key) }
    }

    /// Throws on the first parameter the step did not read.
    func finish(allowed: [String]? = nil) throws {
        for key in step.parameters.keys.sorted() where !consumed.contains(key) {
            let known = consumed.sorted().joined(separator: ", ")
            throw error(
                "recipe-unknown-parameter", "unknown parameter \"\(key)\"", parameter: key,
                hint: known.isEmpty ? "this step takes no parameters" : "this step takes: \(known)"
            )
        }
    }
}

extension RecipeValue {
    /// The value as text: text as is, numbers without a trailing ".0" when whole, true/false.
    var text: String? {
        switch self {
        case .string(let text): return text
        case .number(let number):
            if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
            return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .null, .list, .map: return nil
        }
    }
}
