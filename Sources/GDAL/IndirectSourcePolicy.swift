import CGDAL
import Foundation

/// Refuses files that would make GDAL open other files: VRTs (`<OGRVRTDataSource>`, `<VRTDataset>`),
/// directly, under another name, or inside a zip.
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
                if entry.lowercased().hasSuffix(".vrt") || isVRT("/vsizip/\(path)/\(entry)") {
                    throw refusal(path, "the zip holds a VRT (\(entry))")
                }
            }
        }
        guard let start = head(of: path, bytes: 1 << 16), isVRT(text: start) else { return }
        let named = references(in: start).first.map { ", here \"\($0)\"" } ?? ""
        throw refusal(path, "a VRT makes GDAL read other files\(named)")
    }

    static func isVRT(text: String) -> Bool {
        let lowered = text.lowercased()
        return vrtRoots.contains(where: lowered.contains)
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
