import Foundation

/// `lumpini new <id> --from <file>`: starts a dataset from a file an agency sent: copies it (with
/// a shapefile's sidecar files) into `datasets/<id>/source/`, and writes the draft (`DatasetDraft`):
/// a `dataset.yaml` with what `inspect` found filled in, `TODO` where a person must write, a
/// suggested recipe with the reason for each step, and in `schemas/<id>.schema.json` the schema
/// inferred from what that recipe gives. `lumpini check` then lists what is left.
public enum DatasetScaffold {
    public struct Result: Codable, Sendable {
        public var dataset: String
        /// Files written, relative to the root.
        public var files: [String]
        /// The suggested recipe's step names, in order.
        public var recipe: [String]
    }

    /// - Throws: `LumpiniError` for an id that is not a slug, a dataset that exists already, or a
    ///   file that cannot be read.
    public static func create(id: String, from file: String, workspace: Workspace) throws -> Result {
        try Slug.require(id, what: "dataset id")
        let directory = workspace.datasetDirectory(id)
        guard !FileManager.default.fileExists(atPath: directory.path) else {
            throw LumpiniError("dataset-exists", "datasets/\(id) exists already", kind: .input, hint: "choose another id or remove the folder")
        }
        let report = try Inspector.inspect(path: file)
        guard let layer = report.layers.first else {
            throw LumpiniError("no-layers", "the file holds no layer or sheet", kind: .input, file: file)
        }
        let draft = try DatasetDraft(id: id, path: file, report: report, layer: layer, vocabularies: Vocabularies.load(from: workspace))
        let source = directory.appendingPathComponent("source", isDirectory: true)
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        let fileURL = URL(fileURLWithPath: file)
        var copied: [String] = []
        for sibling in siblings(of: fileURL) {
            try FileManager.default.copyItem(at: sibling, to: source.appendingPathComponent(sibling.lastPathComponent))
            copied.append("datasets/\(id)/source/\(sibling.lastPathComponent)")
        }
        let yaml = draft.descriptionText(id: id, sourceFile: fileURL.lastPathComponent)
        try Data(yaml.utf8).write(to: directory.appendingPathComponent(DatasetDescription.fileName))
        try FileManager.default.createDirectory(at: workspace.schemasDirectory, withIntermediateDirectories: true)
        let schemaURL = workspace.schemasDirectory.appendingPathComponent("\(id).schema.json")
        if !FileManager.default.fileExists(atPath: schemaURL.path) {
            try draft.schema.json().write(to: schemaURL)
        }
        return Result(
            dataset: id, files: copied + ["datasets/\(id)/\(DatasetDescription.fileName)", "schemas/\(id).schema.json"],
            recipe: draft.recipe.steps.map(\.name)
        )
    }

    /// The file and, for a shapefile, its sidecars (.shx, .dbf, .prj, .cpg, …).
    static func siblings(of file: URL) -> [URL] {
        guard file.pathExtension.lowercased() == "shp" else { return [file] }
        let base = file.deletingPathExtension().lastPathComponent
        let folder = file.deletingLastPathComponent()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { ($0 as NSString).deletingPathExtension == base }.sorted().map { folder.appendingPathComponent($0) }
    }
}
