import Foundation

/// Escaping by where a value goes in a page: one helper per context, used for every value that comes
/// from metadata or data (titles, descriptions, cell values, file names, e-mail addresses).
enum HTML {
    /// Text between tags: `<`, `>` and `&` become entities, so `<img src=x onerror=…>` shows as text;
    /// a carriage return too, which a browser would otherwise read as a line feed (a CRLF in a CSV
    /// cell stays a CRLF in the page).
    static func text(_ value: String) -> String { escaped(value, textEntities) }

    /// A quoted attribute value (always written between double quotes).
    static func attribute(_ value: String) -> String { escaped(value, attributeEntities) }

    private static let textEntities: [UInt8: String] = [0x26: "&amp;", 0x3C: "&lt;", 0x3E: "&gt;", 0x0D: "&#13;"]
    private static let attributeEntities = textEntities.merging([0x22: "&quot;", 0x27: "&#39;"]) { first, _ in first }

    /// `value` with each ASCII character `entities` names replaced; most values hold none and are
    /// returned as they are.
    private static func escaped(_ value: String, _ entities: [UInt8: String]) -> String {
        guard value.utf8.contains(where: { entities[$0] != nil }) else { return value }
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            if scalar.isASCII, let entity = entities[UInt8(scalar.value)] {
                out += entity
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A relative URL made of path segments (dataset ids, file names): each segment percent-encoded,
    /// then escaped for the attribute it goes in.
    static func path(_ segments: [String]) -> String {
        attribute(segments.map(percentEncoded).joined(separator: "/"))
    }

    /// An absolute URL from metadata (a licence's page): kept only when it is http(s) or mailto, so a
    /// `javascript:` link can never be written.
    static func externalURL(_ value: String) -> String? {
        let lowered = value.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://") || lowered.hasPrefix("mailto:") else { return nil }
        guard let encoded = value.addingPercentEncoding(withAllowedCharacters: allowedInURL) else { return nil }
        return attribute(encoded)
    }

    /// A `mailto:` link to an address, or nil when it does not look like one.
    static func mailto(_ address: String) -> String? {
        guard address.contains("@"), !address.contains(where: { $0.isWhitespace || $0 == ":" || $0 == "/" }) else { return nil }
        return externalURL("mailto:" + address)
    }

    /// JSON placed inside a page (a `<script type="application/json">` data block): `<`, `>` and `&`
    /// written as `\u003c`…, so the text can never close the element, and U+2028/2029 escaped.
    static func json(_ data: Data) -> String {
        var out = ""
        for scalar in String(decoding: data, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func percentEncoded(_ segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: pathSegmentAllowed) ?? segment
    }

    private static let pathSegmentAllowed: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        set.remove(charactersIn: "/?#;:")
        return set
    }()

    private static let allowedInURL: CharacterSet = {
        var set = CharacterSet.urlQueryAllowed
        set.insert(charactersIn: "#")
        set.remove(charactersIn: "\"'<> ")
        return set
    }()
}
