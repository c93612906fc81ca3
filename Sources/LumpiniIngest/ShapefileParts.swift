import Foundation

/// The side files of a shapefile (`.shx`, `.dbf`, `.prj`, `.cpg`) and what their absence means.
enum ShapefileParts {
    /// A sibling of `path` with another extension, matching the case the file system has.
    static func sibling(_ path: String, extension wanted: String) -> String? {
        let base = (path as NSString).deletingPathExtension
        for candidate in [wanted.lowercased(), wanted.uppercased()] {
            let sibling = base + "." + candidate
            if FileManager.default.fileExists(atPath: sibling) { return sibling }
        }
        return nil
    }

    /// A `.shp` without its `.shx` cannot be read safely; without a `.dbf` it has no attributes.
    static func requireComplete(_ path: String) throws {
        guard path.lowercased().hasSuffix(".shp") else { return }
        if sibling(path, extension: "shx") == nil {
            throw LumpiniError("shapefile-incomplete", "the shapefile has no .shx index file next to it", file: path, hint: "ask the agency for the complete shapefile (.shp, .shx, .dbf, .prj, .cpg)")
        }
    }

    /// The encoding a `.cpg` names, trimmed; nil without one. Only the first 64 bytes are read, and
    /// what does not look like an encoding's name (letters, digits, `-`, `_`, `.`, space; at most 24)
    /// comes back as `"(not an encoding name)"`: the text goes into messages, reports and the
    /// catalogue, and a `.cpg` is not to be a way of echoing a file there.
    static func codePage(_ path: String) -> String? {
        guard let cpg = sibling(path, extension: "cpg"), let handle = FileHandle(forReadingAtPath: cpg) else { return nil }
        defer { try? handle.close() }
        let bytes = (try? handle.read(upToCount: 64)) ?? Data()
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_. ")
        guard text.count <= 24, text.unicodeScalars.allSatisfy(allowed.contains) else { return "(not an encoding name)" }
        return text
    }

    static func hasDBF(_ path: String) -> Bool { sibling(path, extension: "dbf") != nil }
    static func hasPRJ(_ path: String) -> Bool { sibling(path, extension: "prj") != nil }
}
