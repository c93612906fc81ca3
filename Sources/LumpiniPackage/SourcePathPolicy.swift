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
        for (index, path) in source.paths.enumerated() {
            try requireInside(path, datasetDirectory: datasetDirectory, file: file, field: "source.paths[\(index)]")
        }
    }

    /// Checks a path of `dataset.yaml` (a source, the area's polygon file) or of a data package (a
    /// resource, its schema): its text, and that when it exists it resolves, through every symbolic
    /// link on the way, to a place inside `datasetDirectory` (`folder` names it in the message).
    package static func requireInside(
        _ path: String, datasetDirectory: URL, file: String, field: String, folder: String = "the dataset's folder"
    ) throws {
        do { try checkRelative(path) } catch var error as LumpiniError {
            error.file = file
            error.field = field
            throw error
        }
        let url = datasetDirectory.appendingPathComponent(path)
        guard FileSystemEntry.kind(of: url.path) != nil else { return }
        if !FileSystemEntry.resolves(url, inside: datasetDirectory) {
            throw LumpiniError(
                "source-path-refused", "the path \"\(path)\" is refused: a symbolic link leads outside \(folder)",
                kind: .input, file: file, field: field, hint: "copy the file into \(folder) instead of linking to it"
            )
        }
    }

    /// The file URL of a source path (after the checks above).
    public static func url(of path: String, in datasetDirectory: URL) -> URL {
        datasetDirectory.appendingPathComponent(path)
    }
}
