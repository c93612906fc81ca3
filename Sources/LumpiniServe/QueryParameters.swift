import Foundation

/// The parameters of a request's query string (`a=1&b=x+y`), decoded as HTML forms encode them:
/// `+` is a space, then percent-escapes. A name given twice keeps its first value.
struct QueryParameters: Sendable {
    private(set) var values: [String: String] = [:]
    /// Names in the order given, for APIs that refuse unknown parameters.
    private(set) var names: [String] = []

    init(_ query: String?) {
        for pair in (query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { continue }
            let value = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
            if values[name] == nil {
                values[name] = value
                names.append(name)
            }
        }
    }

    init(values: [String: String]) {
        self.values = values
        names = values.keys.sorted()
    }

    subscript(name: String) -> String? { values[name] }

    private static func decode(_ text: Substring) -> String? {
        // Most names and values need no decoding: Foundation's would cost more than the rest of the parsing.
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) { return String(text) }
        return text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// `name=value&…` with names in order, each name and value percent-encoded but for letters, digits
    /// and `-._~,:` (a bbox's commas stay readable).
    static func encode(_ values: [String: String]) -> String {
        values.sorted { $0.key < $1.key }.map { "\(escape($0.key))=\(escape($0.value))" }.joined(separator: "&")
    }

    private static func escape(_ text: String) -> String {
        func kept(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
            default: "-._~,:".utf8.contains(byte)
            }
        }
        guard !text.utf8.allSatisfy(kept) else { return text }
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            if kept(byte) {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
