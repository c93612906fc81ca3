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
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
