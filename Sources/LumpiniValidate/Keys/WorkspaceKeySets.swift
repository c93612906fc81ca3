import Foundation

/// The key sets a workspace offers foreign keys: its vocabularies (`districts`, `agencies`,
/// `themes`, `licenses`, keyed by `code`, `nameTH` or `nameEN`) and its other datasets (their
/// sources read as tables with their schemas).
public struct WorkspaceKeySets: KeySetProvider {
    public let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    public func keySet(for target: ForeignKey.Target, fields: [String]) throws -> ReferenceKeySet {
        switch target {
        case .vocabulary(let name):
            return try vocabularyKeys(name, fields: fields)
        case .dataset(let id):
            let description = try DatasetLoader.load(id: id, in: workspace)
            let schema = try description.schema.map { try TableSchema.load(named: $0, in: workspace) }
            guard let source = description.source, let first = source.paths.first else {
                throw LumpiniError("foreign-key-target-missing", "dataset \"\(id)\" has no source to look keys up in", file: "datasets/\(id)/dataset.yaml")
            }
            let path = workspace.datasetDirectory(id).appendingPathComponent(first).path
            let resource = TableResource(name: id, path: path, place: first, schema: schema,
                                         encoding: source.encoding, delimiter: source.delimiter)
            return try TableValidation.keySet(of: resource, fields: fields)
        case .resource(let name):
            throw LumpiniError("foreign-key-target-missing", "resource \"\(name)\" is not part of a workspace", hint: "validate the data package that holds it")
        }
    }

    private func vocabularyKeys(_ name: String, fields: [String]) throws -> ReferenceKeySet {
        let vocabularies = try Vocabularies.load(from: workspace)
        typealias Entry = (code: String, nameTH: String, nameEN: String)
        let entries: [Entry]
        switch name {
        case "districts": entries = vocabularies.districts.districts.map { ($0.code, $0.nameTH, $0.nameEN) }
        case "agencies": entries = vocabularies.agencies.map { ($0.code, $0.nameTH, $0.nameEN) }
        case "themes": entries = vocabularies.themes.map { ($0.code, $0.nameTH, $0.nameEN) }
        case "licenses": entries = vocabularies.licenses.map { ($0.code, $0.code, $0.code) }
        default:
            throw LumpiniError("foreign-key-target-missing", "no vocabulary \"\(name)\"", hint: "use districts, agencies, themes or licenses")
        }
        var set = ReferenceKeySet()
        for entry in entries {
            let parts = try fields.map { field -> String in
                switch field {
                case "code": return entry.code
                case "nameTH", "name_th": return entry.nameTH
                case "nameEN", "name_en": return entry.nameEN
                default:
                    throw LumpiniError("foreign-key-target-missing", "vocabulary \"\(name)\" has no field \"\(field)\"", hint: "refer to code, nameTH or nameEN")
                }
            }
            set.insert(parts)
        }
        return set
    }
}
