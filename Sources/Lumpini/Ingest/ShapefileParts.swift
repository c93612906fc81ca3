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

    /// The encoding a `.cpg` names, trimmed; nil without one.
    static func codePage(_ path: String) -> String? {
        guard let cpg = sibling(path, extension: "cpg"),
              let text = try? String(contentsOfFile: cpg, encoding: .isoLatin1) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    static func hasDBF(_ path: String) -> Bool { sibling(path, extension: "dbf") != nil }
    static func hasPRJ(_ path: String) -> Bool { sibling(path, extension: "prj") != nil }
}
