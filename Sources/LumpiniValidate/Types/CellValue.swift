/// A cell's logical value once its field's type has read it.
enum CellValue: Equatable {
    case text(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    /// Days since 1970-01-01.
    case date(Int)
    /// Seconds since midnight (UTC when the time has an offset).
    case time(Double)
    /// Seconds since 1970-01-01T00:00:00Z (a naive time is taken as UTC).
    case dateTime(Double)
    case year(Int)
    /// Year × 100 + month.
    case yearMonth(Int)
    /// The duration as written.
    case duration(String)
    case json(JSONValue)
    case geopoint(lon: Double, lat: Double)

    /// Orders two values of the same type; nil when they cannot be ordered.
    func compare(_ other: CellValue) -> Int? {
        func order<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : a > b ? 1 : 0 }
        switch (self, other) {
        case (.integer(let a), .integer(let b)): return order(a, b)
        case (.number(let a), .number(let b)): return a.isNaN || b.isNaN ? nil : order(a, b)
        case (.integer(let a), .number(let b)): return b.isNaN ? nil : order(Double(a), b)
        case (.number(let a), .integer(let b)): return a.isNaN ? nil : order(a, Double(b))
        case (.date(let a), .date(let b)), (.year(let a), .year(let b)), (.yearMonth(let a), .yearMonth(let b)): return order(a, b)
        case (.time(let a), .time(let b)), (.dateTime(let a), .dateTime(let b)): return order(a, b)
        case (.text(let a), .text(let b)): return order(a, b)
        default: return nil
        }
    }

    /// Equality as the reference compares `enum` members: numbers by value, JSON structurally.
    func matches(_ other: CellValue) -> Bool {
        switch (self, other) {
        case (.json(let a), .json(let b)): return JSONValue.sameValue(a, b)
        case (.geopoint(let a1, let a2), .geopoint(let b1, let b2)): return a1 == b1 && a2 == b2
        case (.boolean(let a), .boolean(let b)): return a == b
        case (.duration(let a), .duration(let b)): return a == b
        default: return compare(other) == 0
        }
    }

    /// The number of items `minLength`/`maxLength` count: Unicode code points of text, members
    /// of an object, items of an array.
    var length: Int? {
        switch self {
        case .text(let text): return text.unicodeScalars.count
        case .json(.array(let items)): return items.count
        case .json(.object(let members)): return members.count
        default: return nil
        }
    }

    /// The digest keys remember: that of `keyText`, with integers taken without making text.
    var keyDigest: KeyDigest {
        switch self {
        case .integer(let value), .year(let value), .yearMonth(let value), .date(let value):
            return KeyDigest.of(integer: value)
        case .number(let value) where value == value.rounded() && abs(value) < 1e15:
            return KeyDigest.of(integer: Int(value))
        default:
            return KeyDigest.of(keyText)
        }
    }

    /// A canonical text for keys: equal values (`3`, `+3`, `๓`) give equal texts.
    var keyText: String {
        switch self {
        case .text(let text): return text
        case .integer(let value), .year(let value), .yearMonth(let value), .date(let value): return String(value)
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
            return String(value)
        case .boolean(let value): return value ? "true" : "false"
        case .time(let value), .dateTime(let value): return String(value)
        case .duration(let text): return text
        case .json(let value): return value.canonicalText
        case .geopoint(let lon, let lat): return "\(lon),\(lat)"
        }
    }
}

extension JSONValue {
    /// Structural equality, numbers by value and objects regardless of member order.
    static func sameValue(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.number(let x, _), .number(let y, _)): return x == y
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { sameValue($0, $1) }
        case (.object(let x), .object(let y)):
            return x.count == y.count && x.allSatisfy { member in y.contains { $0.key == member.key && sameValue($0.value, member.value) } }
        default: return a == b
        }
    }

    /// A compact text with object members sorted, for keys.
    var canonicalText: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let value, _): return String(value)
        case .string(let text): return "\"\(text)\""
        case .array(let items): return "[" + items.map(\.canonicalText).joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value.canonicalText)" }.joined(separator: ",") + "}"
        }
    }
}
