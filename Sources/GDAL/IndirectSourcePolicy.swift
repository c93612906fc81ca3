import CGDAL
import Foundation

/// Refuses files that would make GDAL open other files: a VRT (`<OGRVRTDataSource>`,
/// `<VRTDataset>`) whose sources are remote, absolute, outside its own folder or driver
/// connection strings, and zip archives holding such a VRT.
///
/// GDAL recognises a VRT by its content, whatever the file is called, and a VRT can name any
/// path or URL; `RemotePathPolicy` only sees the path Lumpini was given. The check runs before
/// GDAL opens the file. A VRT is accepted only when every source it names is a plain relative
/// path (`relativeToVRT="1"`) inside the VRT's folder; VRTs it names are checked the same way.
public enum IndirectSourcePolicy {
    static let vrtRoots = ["<OGRVRTDataSource", "<VRTDataset"]
    static let sourceElements = ["SrcDataSource", "SourceFilename"]
    static let maximumDepth = 8

    /// Throws when `path` (a local file) is, or is a zip holding, a VRT that leads elsewhere.
    public static func requireSelfContained(_ path: String) throws {
        if path.lowercased().hasSuffix(".zip") {
            for entry in zipEntries(path) where entry.lowercased().hasSuffix(".vrt") {
                try check(vrt: "/vsizip/\(path)/\(entry)", display: "\(path) (\(entry))", depth: 0)
            }
        }
        try check(vrt: path, display: path, depth: 0)
    }

    private static func check(vrt path: String, display: String, depth: Int) throws {
        guard let start = head(of: path, bytes: 1 << 16), vrtRoots.contains(where: { start.contains($0) }),
              let text = head(of: path, bytes: 1 << 24) else { return }
        guard depth < maximumDepth else { throw refusal(display, "VRTs nest more than \(maximumDepth) deep") }
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        for reference in references(in: text) {
            guard reference.relativeToVRT else {
                throw refusal(display, "it names \"\(reference.path)\" without relativeToVRT=\"1\"")
            }
            if let reason = reasonToRefuse(reference.path) {
                throw refusal(display, "it names \"\(reference.path)\", \(reason)")
            }
            try check(vrt: folder.isEmpty ? reference.path : "\(folder)/\(reference.path)", display: display, depth: depth + 1)
        }
    }

    /// Why a path a VRT names leads out of its folder, or nil when it stays inside.
    static func reasonToRefuse(_ reference: String) -> String? {
        if RemotePathPolicy.isRemote(reference) { return "which is remote" }
        if reference.hasPrefix("/") || reference.hasPrefix("\\") || reference.hasPrefix("~") { return "an absolute path" }
        if reference.contains(":") { return "a driver connection string or a drive letter" }
        if reference.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..") { return "which leads out of its folder" }
        if reference.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return "an empty path" }
        return nil
    }

    struct Reference {
        var path: String
        var relativeToVRT: Bool
    }

    /// The paths in `<SrcDataSource>` and `<SourceFilename>` elements, with their `relativeToVRT`.
    static func references(in text: String) -> [Reference] {
        var found: [Reference] = []
        for element in sourceElements {
            var rest = Substring(text)
            while let open = rest.range(of: "<\(element)") {
                guard let tagEnd = rest[open.upperBound...].firstIndex(of: ">") else { break }
                let attributes = rest[open.upperBound..<tagEnd]
                guard let close = rest[tagEnd...].range(of: "</\(element)") else { break }
                let value = unescaped(String(rest[rest.index(after: tagEnd)..<close.lowerBound]))
                let compact = attributes.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "'", with: "\"")
                found.append(Reference(path: value.trimmingCharacters(in: .whitespacesAndNewlines), relativeToVRT: compact.contains("relativeToVRT=\"1\"")))
                rest = rest[close.upperBound...]
            }
        }
        return found
    }

    private static func unescaped(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    private static func refusal(_ path: String, _ reason: String) -> GDALError {
        GDALError(
            number: CPLE_NotSupported,
            message: "a VRT that reads other files is refused: \(reason)",
            function: "IndirectSourcePolicy", path: path
        )
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
