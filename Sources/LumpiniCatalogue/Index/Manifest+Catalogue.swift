import Foundation

extension Manifest {
    /// The files people download: those with role `data`.
    public var dataFiles: [File] { files.filter { $0.role == .data } }

    /// Reads and decodes a `manifest.json` for the catalogue, with a message that names the file and the key
    /// that does not fit (the shape is `docs/ARCHITECTURE.md`'s; `metadata` decodes as `DatasetMetadata`).
    public static func read(at url: URL) throws -> Manifest {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw LumpiniError(
                "manifest-unreadable", "cannot read the manifest", kind: .input, file: url.path,
                hint: "check that the release finished; `lumpini verify` re-checks the public tree")
        }
        do {
            return try JSONDecoder().decode(Manifest.self, from: data)
        } catch let error as DecodingError {
            throw LumpiniError(
                "manifest-invalid", "the manifest does not have the expected shape: \(error.plainDescription)",
                kind: .data, file: url.path, hint: "publish the dataset again with this version of lumpini")
        }
    }
}

extension DecodingError {
    /// The key path and the problem, in words.
    var plainDescription: String {
        func path(_ context: Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "the top level" : "\"" + keys.joined(separator: ".").replacingOccurrences(of: ".[", with: "[") + "\""
        }
        switch self {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "missing key \"\(key.stringValue)\"" + (context.codingPath.isEmpty ? "" : " in \(parent)")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "\(self)"
        }
    }
}
