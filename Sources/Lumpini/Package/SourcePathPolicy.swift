import Foundation
import GDAL

/// Keeps a dataset's source paths inside its folder: no absolute paths, no `..`, no remote URLs
/// or GDAL network prefixes, and no symbolic link that leads outside the folder.
public enum SourcePathPolicy {
    /// Checks the text of a relative path.
    /// - Throws: `source-path-refused` with the reason.
    public static func checkRelative(_ path: String) throws {
        func refuse(_ reason: String) -> LumpiniError {
            LumpiniError(
                "source-path-refused", "the path \"\(path)\" is refused: \(reason)", kind: .input,
                hint: "put the file in the dataset's folder (source/…) and give its path relative to that folder"
            )
        }
        if RemotePathPolicy.isRemote(path) { throw refuse("it is remote") }
        if path.hasPrefix("/") || path.hasPrefix("\\") || path.hasPrefix("~") || (path.count >= 2 && Array(path)[1] == ":") {
            throw refuse("it is absolute")
        }
        if path.hasPrefix("/vsi") || path.contains("\0") { throw refuse("it uses a GDAL virtual file system") }
        let components = path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        if components.contains("..") { throw refuse("it leads out of the dataset's folder (..)") }
    }

    /// Checks every source path's text.
    static func checkSyntax(_ source: SourceDescription, file: String) throws {
        for (index, path) in source.paths.enumerated() {
            do { try checkRelative(path) } catch var error as LumpiniError {
                error.file = file
                error.field = "source.paths[\(index)]"
                throw error
            }
        }
    }

    /// Checks every source path, and that files that exist resolve (through symbolic links) to
    /// a place inside `datasetDirectory`.
    public static func check(_ source: SourceDescription, datasetDirectory: URL, file: String) throws {
        try checkSyntax(source, file: file)
        let root = datasetDirectory.resolvingSymlinksInPath().standardizedFileURL.path
        for (index, path) in source.paths.enumerated() {
            let url = datasetDirectory.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            let resolved = url.resolvingSymlinksInPath().standardizedFileURL.path
            if !(resolved == root || resolved.hasPrefix(root + "/")) {
                throw LumpiniError(
                    "source-path-refused", "the path \"\(path)\" is refused: a symbolic link leads outside the dataset's folder",
                    kind: .input, file: file, field: "source.paths[\(index)]",
                    hint: "copy the file into the dataset's folder instead of linking to it"
                )
            }
        }
    }

    /// The file URL of a source path (after the checks above).
    public static func url(of path: String, in datasetDirectory: URL) -> URL {
        datasetDirectory.appendingPathComponent(path)
    }
}
