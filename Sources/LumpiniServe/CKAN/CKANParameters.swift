import Foundation
import Hummingbird

/// An action's parameters: the query string of a GET, the JSON object (or form) of a POST, as
/// `ckanapi` sends them. Values that are not strings are kept as their JSON text (`facet.field` may
/// come as a list or as the JSON of one).
struct CKANParameters: Sendable {
    let values: [String: String]

    static let maximumBody = 1 << 20

    static func read(_ request: Request) async throws -> CKANParameters {
        var values = QueryParameters(request.uri.query).values
        guard request.method == .post else { return CKANParameters(values: values) }
        let body = try await request.body.collect(upTo: maximumBody)
        let bytes = Data(body.readableBytesView)
        guard !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return CKANParameters(values: values) }
        if request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true {
            values.merge(QueryParameters(String(decoding: bytes, as: UTF8.self)).values) { _, posted in posted }
            return CKANParameters(values: values)
        }
        guard let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any] else {
            throw CKANError.badRequest("Bad request - JSON Error: the body must be a JSON object")
        }
        for (key, value) in object {
            switch value {
            case let text as String: values[key] = text
            case is NSNull: continue
            default:
                let json = try JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed])
                values[key] = String(decoding: json, as: UTF8.self)
            }
        }
        return CKANParameters(values: values)
    }

    subscript(name: String) -> String? { values[name].flatMap { $0.isEmpty ? nil : $0 } }

    /// A required parameter.
    func required(_ name: String) throws -> String {
        guard let value = self[name] else { throw CKANError.validation(name, "Missing value") }
        return value
    }

    /// A whole number within `range`, or `defaultValue` when absent.
    func integer(_ name: String, default defaultValue: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = self[name] else { return defaultValue }
        guard let value = Int(text), range.contains(value) else {
            throw CKANError.validation(name, "Must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func flag(_ name: String) -> Bool {
        ["true", "1", "yes", "on"].contains(self[name]?.lowercased() ?? "")
    }

    /// A list given as JSON (`["a","b"]`) or as one value.
    func list(_ name: String) -> [String] {
        guard let text = self[name] else { return [] }
        if let data = text.data(using: .utf8), let items = try? JSONSerialization.jsonObject(with: data) as? [Any] {
            return items.map { "\($0)" }
        }
        return [text]
    }
}
