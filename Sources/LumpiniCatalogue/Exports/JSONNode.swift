import Foundation

/// A JSON document built in code, for export formats whose shape is fixed by another standard
/// (data.json, CKAN, JSON-LD). Written as `JSONOutput` writes (keys sorted), by `json(pretty:)`, or
/// encoded inside a `Codable` value.
public enum JSONNode: Encodable, Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case string(String)
    case integer(Int64)
    case bool(Bool)
    case array([JSONNode])
    case object([String: JSONNode])
    case null

    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONNode...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONNode)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// An object without the members whose value is null or an empty string or array.
    public static func compact(_ members: [String: JSONNode]) -> JSONNode {
        .object(members.filter { _, value in
            switch value {
            case .null: return false
            case .string(let text): return !text.isEmpty
            case .array(let items): return !items.isEmpty
            default: return true
            }
        })
    }

    public static func optional(_ text: String?) -> JSONNode {
        text.map(JSONNode.string) ?? .null
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }

    /// The document as `JSONOutput` gives it, byte for byte (sorted keys; pretty: two-space indents and
    /// `"key" : value`), then a line end. Written directly: `JSONEncoder` builds a second tree of
    /// the whole document first, which costs a large export much of its time and memory.
    public func json(pretty: Bool = true) -> Data {
        var bytes: [UInt8] = []
        write(to: &bytes, pretty: pretty, depth: 0)
        bytes.append(0x0A)
        return Data(bytes)
    }

    /// Writes the node at `depth` (its first line is where the output stands), handing the output over
    /// between the items of arrays.
    func write<Output: ByteOutput & ~Copyable>(to output: inout Output, pretty: Bool, depth: Int) throws(Output.Failure) {
        switch self {
        case .string(var value): value.withUTF8 { output.jsonString($0) }
        case .integer(let value): output.append(text: String(value))
        case .bool(let value): output.jsonBool(value)
        case .null: output.append("null")
        case .array(let items):
            try JSONNode.writeArray(count: items.count, to: &output, pretty: pretty, depth: depth) { index, output throws(Output.Failure) in
                try items[index].write(to: &output, pretty: pretty, depth: depth + 1)
            }
        case .object(let members):
            try JSONNode.writeObject(keys: Array(members.keys), to: &output, pretty: pretty, depth: depth) { key, output throws(Output.Failure) in
                try members[key]!.write(to: &output, pretty: pretty, depth: depth + 1)
            }
        }
    }

    /// An array whose items `item` writes, one by one (they need not exist before).
    static func writeArray<Output: ByteOutput & ~Copyable>(
        count: Int, to output: inout Output, pretty: Bool, depth: Int,
        item: (Int, inout Output) throws(Output.Failure) -> Void
    ) throws(Output.Failure) {
        output.append(0x5B)
        for index in 0..<count {
            if index > 0 { output.append(0x2C) }
            newLine(&output, pretty: pretty, depth: depth + 1)
            try item(index, &output)
            try output.endItem()
        }
        close(&output, 0x5D, empty: count == 0, pretty: pretty, depth: depth)
    }

    /// An object with these keys (written in sorted order), whose values `value` writes.
    static func writeObject<Output: ByteOutput & ~Copyable>(
        keys: [String], to output: inout Output, pretty: Bool, depth: Int,
        value: (String, inout Output) throws(Output.Failure) -> Void
    ) throws(Output.Failure) {
        output.append(0x7B)
        for (index, key) in keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
            if index > 0 { output.append(0x2C) }
            newLine(&output, pretty: pretty, depth: depth + 1)
            var name = key
            name.withUTF8 { output.jsonString($0) }
            pretty ? output.append(" : ") : output.append(":")
            try value(key, &output)
        }
        close(&output, 0x7D, empty: keys.isEmpty, pretty: pretty, depth: depth)
    }

    private static func newLine<Output: ByteOutput & ~Copyable>(_ output: inout Output, pretty: Bool, depth: Int) {
        guard pretty else { return }
        output.append(0x0A)
        output.append(repeating: 0x20, count: 2 * depth)
    }

    /// The closing bracket: on a line of its own when pretty, after an empty line when there are no members
    /// (as `JSONEncoder` does).
    private static func close<Output: ByteOutput & ~Copyable>(_ output: inout Output, _ bracket: UInt8, empty: Bool, pretty: Bool, depth: Int) {
        if pretty {
            if empty { output.append(0x0A) }
            output.append(0x0A)
            output.append(repeating: 0x20, count: 2 * depth)
        }
        output.append(bracket)
    }
}
