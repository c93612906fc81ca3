/// The string formats of the Table Schema (email, uri, uuid, binary) and the geopoint
/// spellings, checked on the cell's bytes.
enum TextFormats {
    /// `local@domain.tld`: a non-empty local part without spaces and a dotted domain of letters,
    /// digits and hyphens (any script), as the reference's `validators.email` accepts in practice.
    static func isEmail(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let at = bytes.lastIndex(of: UInt8(ascii: "@")), at > 0, at < bytes.count - 1, at <= 64 else { return false }
        let local = bytes[..<at]
        let domain = String(decoding: UnsafeBufferPointer(rebasing: bytes[(at + 1)...]), as: UTF8.self)
        guard !local.contains(where: { CellNumber.isSpace($0) || $0 == UInt8(ascii: "@") }),
              local.first != UInt8(ascii: "."), local.last != UInt8(ascii: ".")
        else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let top = labels.last, top.count >= 2 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                && label.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0.properties.generalCategory == .nonspacingMark || $0.properties.generalCategory == .spacingMark }
        }
    }

    /// An absolute URI (RFC 3986): a scheme, `:`, then characters URIs may hold.
    static func isURI(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0 else { return false }
        let first = bytes[0] | 0x20
        guard first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else { return false }
        for byte in bytes[1..<colon] {
            let lower = byte | 0x20
            let ok = (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            if !ok { return false }
        }
        let allowed = Set("-._~:/?#[]@!$&'()*+,;=%".utf8)
        var index = colon + 1
        while index < bytes.count {
            let byte = bytes[index]
            let lower = byte | 0x20
            let unreserved = (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (byte >= 0x30 && byte <= 0x39)
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) else { return false }
            } else if !unreserved && !allowed.contains(byte) {
                return false
            }
            index += 1
        }
        return true
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f"))
    }

    /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in hex digits of either case.
    static func isUUID(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                if byte != UInt8(ascii: "-") { return false }
            } else if !isHex(byte) {
                return false
            }
        }
        return true
    }

    /// Base64 as Python's `b64decode` reads it: characters outside the alphabet are skipped and
    /// the rest must be correctly padded.
    static func isBase64(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var dataCount = 0
        var padding = 0
        for byte in bytes {
            let lower = byte | 0x20
            let isAlphabet = (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/")
            if isAlphabet {
                if padding > 0 { return false }
                dataCount += 1
            } else if byte == UInt8(ascii: "=") {
                padding += 1
            }
        }
        let remainder = dataCount % 4
        if remainder == 1 { return false }
        return remainder == 0 || padding >= 4 - remainder
    }

    /// A geopoint in one of the Table Schema formats, with longitude in −180…180 and latitude in −90…90.
    static func geopoint(_ bytes: UnsafeBufferPointer<UInt8>, format: String) -> CellValue? {
        var lon: Double?
        var lat: Double?
        func number(_ json: JSONValue) -> Double? {
            switch json {
            case .number(let value, _): return value
            case .string(let text): return Array(text.utf8).withUnsafeBufferPointer(CellNumber.decimal)
            default: return nil
            }
        }
        switch format {
        case "array":
            guard let items = JSONParser.value(of: bytes)?.arrayValue, items.count == 2 else { return nil }
            (lon, lat) = (number(items[0]), number(items[1]))
        case "object":
            guard let json = JSONParser.value(of: bytes), let members = json.members, members.count == 2,
                  let lonJSON = json["lon"], let latJSON = json["lat"] else { return nil }
            (lon, lat) = (number(lonJSON), number(latJSON))
        default:
            guard let comma = bytes.firstIndex(of: UInt8(ascii: ",")), !bytes[(comma + 1)...].contains(UInt8(ascii: ",")) else { return nil }
            lon = CellNumber.decimal(UnsafeBufferPointer(rebasing: bytes[..<comma]))
            lat = CellNumber.decimal(UnsafeBufferPointer(rebasing: bytes[(comma + 1)...]))
        }
        guard let lon, let lat, (-180...180).contains(lon), (-90...90).contains(lat) else { return nil }
        return .geopoint(lon: lon, lat: lat)
    }

    /// A TopoJSON topology (`type: Topology` with `objects` and `arcs`).
    static func isTopoJSON(_ json: JSONValue) -> Bool {
        guard json["type"]?.stringValue == "Topology", json["objects"]?.members != nil, json["arcs"]?.arrayValue != nil else { return false }
        return true
    }
}
