import Foundation

/// The files GDAL opens beside a source because they share its name (a shapefile's `.shx`, `.dbf`,
/// `.cpg`, `.prj`, `.qix`; MapInfo's `.dat`, `.map`, `.id`; a GeoPackage's `-wal`), and the rule that
/// keeps them as contained as the file itself.
///
/// GDAL finds these parts by name, so a part that is a symbolic link leads GDAL wherever the link
/// points: a `.dbf` linked to a file outside the dataset would be read and published as the table.
/// Every part must therefore be a regular file, or a link that stays inside the source's folder;
/// nothing else (a folder, a FIFO that would block the reader, a device) is read.
enum SourceFileParts {
    /// The names in the source's folder that GDAL may open with it: the file itself and every file
    /// whose name starts with its stem and a dot (`parks.dbf`, `PARKS.SHX`, `parks.shp.xml`) or, for
    /// SQLite journals, with its whole name (`parks.gpkg-wal`).
    static func parts(of path: String) -> [String] {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent.lowercased()
        let stem = (name as NSString).deletingPathExtension + "."
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        return names.filter { candidate in
            let lowered = candidate.lowercased()
            return lowered == name || lowered.hasPrefix(stem) || lowered.hasPrefix(name + "-")
        }.sorted().map { folder.isEmpty ? $0 : (folder as NSString).appendingPathComponent($0) }
    }

    /// Throws when a part of `path` other than the file itself is a link leading out of its folder,
    /// or is not a regular file. The file itself is the caller's to check (`SourcePathPolicy` for a
    /// dataset's sources; a file named on the command line is read because the user named it).
    static func requireContained(_ path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let root = URL(fileURLWithPath: folder.isEmpty ? "." : folder)
        let own = (path as NSString).lastPathComponent
        for part in parts(of: path) where (part as NSString).lastPathComponent != own {
            let name = (part as NSString).lastPathComponent
            guard var kind = FileSystemEntry.kind(of: part) else { continue }
            if kind == S_IFLNK {
                guard FileSystemEntry.resolves(URL(fileURLWithPath: part), inside: root) else {
                    throw refusal(path, "its part \(name) is a symbolic link leading outside the folder")
                }
                var status = stat()
                guard stat(part, &status) == 0 else { continue }
                kind = status.st_mode & S_IFMT
            }
            guard kind == S_IFREG else {
                throw refusal(path, "its part \(name) is not a regular file")
            }
        }
    }

    private static func refusal(_ path: String, _ reason: String) -> LumpiniError {
        LumpiniError(
            "source-part-refused", "refused: \(reason)", kind: .input, file: path,
            hint: "copy the real file into the folder instead of linking to it"
        )
    }
}
