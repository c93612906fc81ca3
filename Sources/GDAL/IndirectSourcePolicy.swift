import CGDAL
import Foundation

/// Refuses files that would make GDAL open other files: VRTs (`<OGRVRTDataSource>`, `<VRTDataset>`)
/// and MapInfo tables other than native ones (a seamless table opens every table it lists, a view
/// table the tables it joins, by any path, `../` included), directly, under another name, or inside
/// a zip; and, inside a zip, SQLite databases, whose schema cannot be checked there (see the
/// engine's `SQLiteSchemaPolicy`).
///
/// GDAL recognises a VRT by its content, whatever the file is called, and a VRT can name any path,
/// URL or driver connection string, with element and attribute names in any letter case, XML escapes
/// and CDATA. Judging where a VRT leads means parsing XML as GDAL does; refusing every VRT cannot be
/// talked round, and agencies send data, not VRTs. `RemotePathPolicy` only sees the path Lumpini was
/// given; this check reads the file's start before GDAL opens it.
public enum IndirectSourcePolicy {
    static let vrtRoots = ["<ogrvrtdatasource", "<vrtdataset"]
    static let sourceElements = ["srcdatasource", "sourcefilename"]

    /// Throws when `path` (a local file) is a VRT or a zip holding one.
    public static func requireSelfContained(_ path: String) throws {
        if path.lowercased().hasSuffix(".zip") {
            for entry in zipEntries(path) {
                let inner = "/vsizip/\(path)/\(entry)"
                if entry.lowercased().hasSuffix(".vrt") || isVRT(inner) {
                    throw refusal(path, "the zip holds a VRT (\(entry.prefix(120)))")
                }
                if let type = foreignMapInfoType(inner) {
                    throw refusal(path, "the zip holds a MapInfo \(type) table (\(entry.prefix(120))), which makes GDAL open the tables it names")
                }
                if isSQLite(inner) {
                    throw refusal(path, "the zip holds an SQLite database or GeoPackage (\(entry.prefix(120)))")
                }
            }
        }
        if let type = foreignMapInfoType(path) {
            throw refusal(path, "a MapInfo \(type) table makes GDAL open the tables it names")
        }
        guard let start = head(of: path, bytes: 1 << 16), isVRT(text: start) else { return }
        let named = references(in: start).first.map { ", here \"\($0.prefix(120))\"" } ?? ""
        throw refusal(path, "a VRT makes GDAL read other files\(named)")
    }

    /// What makes a MapInfo `.tab` open other tables, lower-cased (`seamless`, `view`, or a table type
    /// such as `raster`); nil for native and linked tables and for other files. GDAL's MapInfo driver
    /// decides this as MapInfo does: a `create view` line makes a view (it opens the tables it joins),
    /// a `"\IsSeamless" = "TRUE"` metadata line a seamless table (it opens every table its rows name).
    static func foreignMapInfoType(text: String) -> String? {
        let lines = text.lowercased().split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard lines.first == "!table" else { return nil }
        for line in lines {
            if line.hasPrefix("create view") { return "view" }
            let squeezed = line.filter { !$0.isWhitespace }
            if squeezed.hasPrefix("\"\\isseamless\"=\"true\"") { return "seamless" }
            if line.hasPrefix("type ") || line.hasPrefix("type\t") {
                let kind = line.dropFirst(5).split(whereSeparator: \.isWhitespace).first.map(String.init) ?? "untyped"
                if kind != "native" && kind != "linked" { return String(kind.prefix(32)) }
            }
        }
        return nil
    }

    private static func foreignMapInfoType(_ path: String) -> String? {
        guard path.lowercased().hasSuffix(".tab") else { return nil }
        return head(of: path, bytes: 1 << 16).flatMap(foreignMapInfoType(text:))
    }

    /// Whether `path` (a file, or one inside a zip through `/vsizip/`) starts as every SQLite database does.
    public static func isSQLite(_ path: String) -> Bool {
        head(of: path, bytes: 16)?.hasPrefix("SQLite format 3") ?? false
    }

    /// Letters compared without case byte by byte, ASCII only, as GDAL's drivers compare them:
    /// lower-casing the Unicode text of a file's first 64 KB cost more than the rest of opening it.
    static func isVRT(text: String) -> Bool {
        let bytes = Array(text.utf8)
        return vrtRoots.contains { root in containsIgnoringASCIICase(bytes, Array(root.utf8)) }
    }

    /// Whether `bytes` hold `lowercaseNeedle` (ASCII, lower case) in any letter case.
    private static func containsIgnoringASCIICase(_ bytes: [UInt8], _ lowercaseNeedle: [UInt8]) -> Bool {
        guard let first = lowercaseNeedle.first, bytes.count >= lowercaseNeedle.count else { return false }
        func lowered(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
        for start in 0...(bytes.count - lowercaseNeedle.count) where lowered(bytes[start]) == first {
            if lowercaseNeedle.indices.allSatisfy({ lowered(bytes[start + $0]) == lowercaseNeedle[$0] }) { return true }
        }
        return false
    }

    private static func isVRT(_ path: String) -> Bool {
        head(of: path, bytes: 1 << 12).map(isVRT(text:)) ?? false
    }

    /// The paths a VRT names in `SrcDataSource` and `SourceFilename` elements (any letter case), for messages.
    static func references(in text: String) -> [String] {
        let lowered = text.lowercased()
        guard lowered.count == text.count else { return [] }
        var found: [String] = []
        for element in sourceElements {
            var rest = lowered[...]
            while let open = rest.range(of: "<\(element)") {
                guard let tagEnd = rest[open.upperBound...].firstIndex(of: ">"),
                      let close = rest[tagEnd...].range(of: "</\(element)") else { break }
                let start = lowered.distance(from: lowered.startIndex, to: tagEnd) + 1
                let end = lowered.distance(from: lowered.startIndex, to: close.lowerBound)
                let value = text.dropFirst(start).prefix(end - start)
                found.append(value.trimmingCharacters(in: .whitespacesAndNewlines))
                rest = rest[close.upperBound...]
            }
        }
        return found
    }

    private static func refusal(_ path: String, _ reason: String) -> GDALError {
        GDALError(number: CPLE_NotSupported, message: "refused: \(reason)", function: "IndirectSourcePolicy", path: path)
    }

    /// The first `bytes` bytes of a file (through GDAL's virtual file systems), as UTF-8 text.
    private static func head(of path: String, bytes: Int) -> String? {
        guard let file = VSIFOpenL(path, "rb") else { return nil }
        defer { VSIFCloseL(file) }
        var buffer = [UInt8](repeating: 0, count: bytes)
        let count = buffer.withUnsafeMutableBytes { VSIFReadL($0.baseAddress, 1, bytes, file) }
        return String(decoding: buffer.prefix(count), as: UTF8.self)
    }

    /// The files inside a zip archive, as paths relative to it.
    private static func zipEntries(_ path: String) -> [String] {
        guard let list = VSIReadDirRecursive("/vsizip/\(path)") else { return [] }
        defer { CSLDestroy(list) }
        return CStringList.strings(list)
    }
}
