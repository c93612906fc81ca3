/// A text encoding that agency files arrive in.
///
/// Names (`name`) are stable: they appear in `inspect --json` and may be written in `dataset.yaml`.
public enum TextEncoding: String, Sendable, Codable, CaseIterable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8-BOM"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    /// TIS-620 (= ISO-8859-11 without NBSP): single-byte Thai.
    case tis620 = "TIS-620"
    /// Windows-874 (CP874): TIS-620 plus punctuation in 0x80–0x9F (€, …, smart quotes).
    case windows874 = "Windows-874"
    /// Windows-1252, a superset of Latin-1, for Western European files.
    case windows1252 = "Windows-1252"

    public var name: String { rawValue }

    /// The encoding a user or a `.cpg` file names, in any common spelling
    /// ("TIS-620", "tis620", "ISO 885911", "ISO-8859-11", "874", "CP874", "utf-8-sig", "latin1"…).
    public init?(named spelling: String) {
        let key = spelling.uppercased().filter { $0.isLetter || $0.isNumber }
        switch key {
        case "UTF8", "UTF": self = .utf8
        case "UTF8BOM", "UTF8SIG": self = .utf8BOM
        case "UTF16", "UTF16LE", "UCS2LE": self = .utf16LE
        case "UTF16BE", "UCS2BE": self = .utf16BE
        case "TIS620", "TIS6202533", "ISO885911", "885911", "THAI": self = .tis620
        case "874", "CP874", "WINDOWS874", "WIN874", "MS874", "XWINDOWS874": self = .windows874
        case "1252", "CP1252", "WINDOWS1252", "LATIN1", "ISO88591", "88591": self = .windows1252
        default: return nil
        }
    }

    /// Bytes of the byte-order mark this encoding starts with, when it has one.
    public var byteOrderMark: [UInt8] {
        switch self {
        case .utf8BOM: return [0xEF, 0xBB, 0xBF]
        case .utf16LE: return [0xFF, 0xFE]
        case .utf16BE: return [0xFE, 0xFF]
        default: return []
        }
    }

    /// Whether each byte is one character (the single-byte code pages).
    public var isSingleByte: Bool {
        switch self {
        case .tis620, .windows874, .windows1252: return true
        default: return false
        }
    }
}
