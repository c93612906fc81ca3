import Foundation

/// The start tags of an XML document fed in chunks, each with its local name and attributes, as an
/// XML parser reads them: any white space between the parts of a tag, either quote around a value,
/// entity and character references decoded, namespace prefixes taken off names; comments, CDATA
/// sections, processing instructions, declarations and end tags passed over whole, even when a chunk
/// ends inside one. Memory holds one chunk and an unfinished construct, so a sheet of any size streams.
struct XMLStartTags {
    struct Tag: Equatable {
        /// The element's name without its namespace prefix (`mergeCell` for `x:mergeCell`).
        var name: String
        /// Attribute values by local name (`id` for `r:id`), references decoded.
        var attributes: [String: String]
    }

    /// An unfinished construct longer than this is not XML an agency's workbook holds: reading stops.
    static let longestConstruct = 1 << 20

    private var pending: [UInt8] = []

    /// Calls `body` with every start tag (and empty-element tag) completed by `chunk`, until it returns
    /// false. Returns false when `body` stopped or the document cannot be read on.
    mutating func feed(_ chunk: [UInt8], _ body: (Tag) -> Bool) -> Bool {
        let bytes = pending.isEmpty ? chunk : pending + chunk
        pending = []
        var index = 0
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            guard let end = Self.endOfConstruct(bytes, at: open) else {
                guard bytes.count - open <= Self.longestConstruct else { return false }
                pending = Array(bytes[open...])
                return true
            }
            let second = open + 1 < bytes.count ? bytes[open + 1] : 0
            if second != UInt8(ascii: "/"), second != UInt8(ascii: "!"), second != UInt8(ascii: "?"),
               let tag = Self.tag(bytes[(open + 1)..<end]), !body(tag) {
                return false
            }
            index = end + 1
        }
        return true
    }

    /// The offset of the `>` that ends the construct opened at `open`; nil when the bytes end first.
    private static func endOfConstruct(_ bytes: [UInt8], at open: Int) -> Int? {
        func closing(_ terminator: String, after start: Int) -> Int? {
            let pattern = Array(terminator.utf8)
            var index = start
            while index + pattern.count <= bytes.count {
                if bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index + pattern.count - 1 }
                index += 1
            }
            return nil
        }
        func starts(_ prefix: String) -> Bool? {
            let pattern = Array(prefix.utf8)
            guard open + pattern.count <= bytes.count else { return bytes[open...].elementsEqual(pattern.prefix(bytes.count - open)) ? nil : false }
            return bytes[open..<(open + pattern.count)].elementsEqual(pattern)
        }
        for (start, end) in [("<!--", "-->"), ("<![CDATA[", "]]>"), ("<?", "?>")] {
            switch starts(start) {
            case nil: return nil
            case true?: return closing(end, after: open + start.utf8.count)
            case false?: continue
            }
        }
        // A tag (or a declaration): up to the first `>` outside quotes.
        var quote: UInt8?
        for index in (open + 1)..<bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index
            }
        }
        return nil
    }

    /// A start tag's text between `<` and `>` read into its name and attributes.
    private static func tag(_ text: ArraySlice<UInt8>) -> Tag? {
        var index = text.startIndex
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        func skipSpace() { while index < text.endIndex, isSpace(text[index]) { index += 1 } }
        func name() -> String {
            let start = index
            while index < text.endIndex, !isSpace(text[index]), text[index] != UInt8(ascii: "="), text[index] != UInt8(ascii: "/") { index += 1 }
            return localName(text[start..<index])
        }
        let element = name()
        guard !element.isEmpty else { return nil }
        var attributes: [String: String] = [:]
        while true {
            skipSpace()
            guard index < text.endIndex, text[index] != UInt8(ascii: "/") else { break }
            let attribute = name()
            skipSpace()
            guard index < text.endIndex, text[index] == UInt8(ascii: "=") else { return nil }
            index += 1
            skipSpace()
            guard index < text.endIndex, text[index] == UInt8(ascii: "\"") || text[index] == UInt8(ascii: "'") else { return nil }
            let quote = text[index]
            index += 1
            let start = index
            while index < text.endIndex, text[index] != quote { index += 1 }
            guard index < text.endIndex else { return nil }
            attributes[attribute] = decoded(String(decoding: text[start..<index], as: UTF8.self))
            index += 1
        }
        return Tag(name: element, attributes: attributes)
    }

    private static func localName(_ bytes: ArraySlice<UInt8>) -> String {
        let local = bytes.lastIndex(of: UInt8(ascii: ":")).map { bytes[($0 + 1)...] } ?? bytes
        return String(decoding: local, as: UTF8.self)
    }

    /// The five predefined entities and character references (`&#65;`, `&#x41;`) decoded.
    static func decoded(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = text[...]
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            guard let semicolon = rest[ampersand...].firstIndex(of: ";") else { break }
            let entity = rest[rest.index(after: ampersand)..<semicolon]
            let named = ["lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'"]
            if let value = named[String(entity)] {
                result += value
            } else if entity.hasPrefix("#"), let scalar = (entity.dropFirst().first == "x"
                ? UInt32(entity.dropFirst(2), radix: 16) : UInt32(entity.dropFirst())).flatMap(Unicode.Scalar.init) {
                result.unicodeScalars.append(scalar)
            } else {
                result += rest[ampersand...semicolon]
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }
}
