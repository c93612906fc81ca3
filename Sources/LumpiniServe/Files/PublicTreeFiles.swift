import Foundation
import Hummingbird
import Logging

/// The public tree's files for Hummingbird's `FileMiddleware` (which answers with media types, `ETag`,
/// `Last-Modified`, `Range` and `304`), kept to the tree: a path is served only when it names no hidden
/// entry (`.lumpini/`, the temporary `.latest-…` links) and, with every symbolic link resolved, still
/// lies inside the tree. Links inside the tree (`latest`) are followed; they are resolved per request,
/// so a release that switches `latest` is served at once.
struct PublicTreeFiles: FileProvider {
    typealias FileAttributes = LocalFileSystem.FileAttributes
    typealias FileIdentifier = String

    let root: String
    let files: LocalFileSystem

    init(root: URL) {
        self.root = root.resolvingSymlinksInPath().path
        var logger = Logger(label: "lumpini-serve")
        logger.logLevel = .warning
        files = LocalFileSystem(rootFolder: "/", threadPool: .singleton, logger: logger)
    }

    func getFileIdentifier(_ path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.contains(where: { $0.hasPrefix(".") || $0.contains("\0") || $0.contains("\\") }) else { return nil }
        let candidate = parts.isEmpty ? root : root + "/" + parts.joined(separator: "/")
        guard let resolved = realpath(candidate, nil) else { return nil }
        defer { free(resolved) }
        let real = String(cString: resolved)
        guard real == root || real.hasPrefix(root == "/" ? "/" : root + "/") else { return nil }
        return real
    }

    func getAttributes(id: String) async throws -> FileAttributes? {
        try await files.getAttributes(id: id)
    }

    func loadFile(id: String, context: some RequestContext) async throws -> ResponseBody {
        try await files.loadFile(id: id, context: context)
    }

    func loadFile(id: String, range: ClosedRange<Int>, context: some RequestContext) async throws -> ResponseBody {
        try await files.loadFile(id: id, range: range, context: context)
    }
}
