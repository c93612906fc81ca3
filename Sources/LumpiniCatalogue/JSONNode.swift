/// A JSON document built in code, for export formats whose shape is fixed by another standard
/// (data.json, CKAN, JSON-LD). Encoded with `JSONOutput`, so keys come out sorted.
public enum JSONNode: Encodable, Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case string(String)
    case number(Double)
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
        case .number(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }
}
