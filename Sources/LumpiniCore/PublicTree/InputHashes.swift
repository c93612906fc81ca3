import Foundation

/// The SHA-256 of everything a release is made from. Their combination with Lumpini's version is
/// the `inputHash`: when it equals the latest manifest's, the release would be the same and is skipped.
public struct InputHashes: Codable, Sendable, Equatable {
    public struct Source: Codable, Sendable, Equatable {
        /// Relative to the dataset folder, for example `source/pm25.csv`.
        public var path: String
        public var sha256: String

        public init(path: String, sha256: String) {
            self.path = path
            self.sha256 = sha256
        }
    }

    /// Every file of the dataset folder but `dataset.yaml` (sources with their sidecar files such as
    /// `.dbf`, `.prj` and `.cpg`, area polygons), sorted by path.
    public var sources: [Source]
    public var datasetYAML: String
    /// The Table Schema file's hash; null when the dataset declares no schema.
    public var schema: String?
    /// The Table Schema file relative to the workspace (`schemas/<name>.schema.json`), so that an
    /// unchanged `dataset.yaml` can be recognised without reading it again.
    public var schemaFile: String?
    /// One hash over `schemas/vocabularies/` (districts and the other lists the recipe matches against).
    public var vocabularies: String?
    /// For a derived dataset, the published files it is computed from (absent for other datasets).
    public var derivedFrom: [DerivedSource]?

    public init(
        sources: [Source], datasetYAML: String, schema: String?, schemaFile: String? = nil, vocabularies: String?,
        derivedFrom: [DerivedSource]? = nil
    ) {
        self.sources = sources
        self.datasetYAML = datasetYAML
        self.schema = schema
        self.schemaFile = schemaFile
        self.vocabularies = vocabularies
        self.derivedFrom = derivedFrom
    }

    /// The hash over all inputs and the Lumpini version.
    public func inputHash(lumpiniVersion: String = LumpiniVersion.current) -> String {
        var text = "lumpini \(lumpiniVersion)\ndataset.yaml \(datasetYAML)\n"
        text += "schema \(schema ?? "-")\nvocabularies \(vocabularies ?? "-")\n"
        for source in sources {
            text += "source \(source.path) \(source.sha256)\n"
        }
        for input in derivedFrom ?? [] {
            text += "derived-from \(input.id) \(input.version) \(input.file) \(input.sha256)\n"
        }
        return FileDigest.sha256(text)
    }

    /// Hashes the inputs of dataset `id` in `workspace`.
    /// - Parameters:
    ///   - vocabularies: the hash of the vocabularies folder, computed once per run (`vocabulariesHash`).
    ///   - derivation: for a derived dataset, what it reads: the latest published versions of its inputs
    ///     count among the inputs.
    /// - Throws: `LumpiniError` when a file cannot be read, or a derived dataset's input is not published.
    public static func compute(
        id: String, schema: String?, in workspace: Workspace, vocabularies: String?, derivation: Derivation? = nil
    ) throws -> InputHashes {
        let folder = workspace.datasetDirectory(id)
        let yaml = try FileDigest.sha256(ofFile: folder.appendingPathComponent(DatasetDescription.fileName).path).sha256
        var inputs = try compute(id: id, datasetYAML: yaml, schemaFile: schema.map { "schemas/\($0).schema.json" }, in: workspace, vocabularies: vocabularies)
        if let derivation {
            inputs.derivedFrom = try DerivedSource.resolve(derivation, in: ReleaseTree(root: workspace.publicRoot), for: id)
        }
        return inputs
    }

    /// The inputs of dataset `id` now, when its `dataset.yaml` is byte for byte the one `recorded`
    /// was made from (so it names the same schema); nil when it changed or `recorded` does not say
    /// which schema file it used. Lets an unchanged dataset be recognised without parsing YAML.
    public static func computeIfDescriptionUnchanged(
        recorded: InputHashes, id: String, in workspace: Workspace, vocabularies: String?
    ) throws -> InputHashes? {
        let folder = workspace.datasetDirectory(id)
        let yaml = try FileDigest.sha256(ofFile: folder.appendingPathComponent(DatasetDescription.fileName).path).sha256
        guard yaml == recorded.datasetYAML, recorded.schema == nil || recorded.schemaFile != nil else { return nil }
        var inputs = try compute(id: id, datasetYAML: yaml, schemaFile: recorded.schemaFile, in: workspace, vocabularies: vocabularies)
        // The same dataset.yaml reads the same files: only their latest versions may have changed.
        if let recordedInputs = recorded.derivedFrom {
            let files = recordedInputs.map { (id: $0.id, file: $0.file) }
            inputs.derivedFrom = try? DerivedSource.resolve(files, in: ReleaseTree(root: workspace.publicRoot), for: id)
            if inputs.derivedFrom == nil { return nil }
        }
        return inputs
    }

    private static func compute(
        id: String, datasetYAML: String, schemaFile: String?, in workspace: Workspace, vocabularies: String?
    ) throws -> InputHashes {
        let folder = workspace.datasetDirectory(id)
        let sources = try entries(under: folder).filter { $0.path != DatasetDescription.fileName }.map { entry in
            switch entry.kind {
            case .file:
                return Source(path: entry.path, sha256: try FileDigest.sha256(ofFile: folder.appendingPathComponent(entry.path).path).sha256)
            case .link(let destination):
                return Source(path: entry.path, sha256: FileDigest.sha256("symbolic link to \(destination)"))
            }
        }
        let schemaHash = try schemaFile.map { file in
            let path = workspace.root.appendingPathComponent(file).path
            guard FileManager.default.fileExists(atPath: path) else {
                throw LumpiniError(
                    "schema-missing", "the schema \"\(file)\" named by dataset.yaml does not exist", kind: .input,
                    file: path, hint: "create \(file) or fix `schema:` in dataset.yaml"
                )
            }
            return try FileDigest.sha256(ofFile: path).sha256
        }
        return InputHashes(sources: sources, datasetYAML: datasetYAML, schema: schemaHash, schemaFile: schemaFile, vocabularies: vocabularies)
    }

    /// One hash over every file in `schemas/vocabularies/`, or nil when there is no such folder.
    public static func vocabulariesHash(in workspace: Workspace) throws -> String? {
        let folder = workspace.schemasDirectory.appendingPathComponent("vocabularies", isDirectory: true)
        guard FileManager.default.fileExists(atPath: folder.path) else { return nil }
        var text = ""
        for path in try regularFiles(under: folder) {
            text += "\(path) \(try FileDigest.sha256(ofFile: folder.appendingPathComponent(path).path).sha256)\n"
        }
        return FileDigest.sha256(text)
    }

    /// An entry of a folder that counts in the hash: a regular file by its content, a symbolic link by
    /// where it leads, so that repointing a link changes the hash (what it leads to inside the folder is
    /// hashed as a file of its own, and a source part leading outside is refused before anything is read).
    struct Entry {
        enum Kind {
            case file
            case link(destination: String)
        }

        var path: String
        var kind: Kind
    }

    /// The non-hidden regular files and symbolic links under `folder`, by relative path, sorted; folders
    /// are walked, links to folders are not followed. One `lstat` per entry.
    static func entries(under folder: URL) throws -> [Entry] {
        var entries: [Entry] = []
        func walk(_ directory: String, _ prefix: String) {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
            for name in names where !name.hasPrefix(".") {
                let path = directory + "/" + name
                switch FileSystemEntry.kind(of: path) {
                case S_IFREG: entries.append(Entry(path: prefix + name, kind: .file))
                case S_IFDIR: walk(path, prefix + name + "/")
                case S_IFLNK:
                    let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? ""
                    entries.append(Entry(path: prefix + name, kind: .link(destination: destination)))
                default: continue
                }
            }
        }
        walk(folder.standardizedFileURL.path, "")
        return entries.sorted { $0.path < $1.path }
    }

    /// Relative paths of the non-hidden regular files under `folder`, sorted.
    public static func regularFiles(under folder: URL) throws -> [String] {
        try entries(under: folder).compactMap { entry in
            if case .file = entry.kind { return entry.path }
            return nil
        }
    }
}
