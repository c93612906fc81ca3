/// A JSON value as written, keeping what `JSONSerialization` hides: the order of an object's
/// members, members whose key repeats, whether a number was written as an integer, and the line
/// each value starts on (for messages).
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number, with its text as written (`1`, `1.0`, `1e3`).
    case number(Double, text: String)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    /// The value of the last member named `key` (the one most parsers keep).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    public var doubleValue: Double? {
        if case .number(let value, _) = self { return value }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    public var members: [JSONMember]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// Its JSON kind in plain words ("object", "array", "string", "number", "boolean", "null").
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// As Python prints it in Frictionless notes: strings quoted with `'`, `True`, lists in `[]`.
    public var pythonDescription: String {
        switch self {
        case .null: return "None"
        case .bool(let value): return value ? "True" : "False"
        case .number(_, let text): return text
        case .string(let text): return "'\(text)'"
        case .array(let items): return "[" + items.map(\.pythonDescription).joined(separator: ", ") + "]"
        case .object(let members): return "{" + members.map { "'\($0.key)': \($0.value.pythonDescription)" }.joined(separator: ", ") + "}"
        }
    }

    /// Like `pythonDescription`, but a top-level string is not quoted (as `str()` prints it).
    public var pythonString: String {
        if case .string(let text) = self { return text }
        return pythonDescription
    }
}

/// A value written back as JSON (a schema's constraint values into `datapackage.json`, say): numbers
/// as their value, object members in their order.
extension JSONValue: Encodable {
    public func encode(to encoder: Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .number(let value, _):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .array(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case .object(let members):
            var container = encoder.container(keyedBy: MemberKey.self)
            for member in members { try container.encode(member.value, forKey: MemberKey(member.key)) }
        }
    }
}

/// A coding key for a name known only at run time: a JSON object's member, a constraint's name.
struct MemberKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
