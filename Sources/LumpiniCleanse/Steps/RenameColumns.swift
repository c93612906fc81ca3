/// `rename-columns`: gives fields new names. Parameters: `map` ({old: new}).
final class RenameColumns: CleansingStep {
    static let name = "rename-columns"
    static let summary = "rename fields: map: {old: new}"
    static let worksOnTextAlone = true

    init(parameters: inout StepParameters, layout: inout FieldLayout, context: CleansingContext) throws {
        guard let map = try parameters.stringMap("map"), !map.isEmpty else {
            throw parameters.error("recipe-missing-parameter", "the parameter \"map\" is required ({old name: new name})")
        }
        for (old, new) in map.sorted(by: { $0.key < $1.key }) {
            let index = try parameters.field(old, in: layout, parameter: "map")
            guard let new, !new.isEmpty else {
                throw parameters.error("recipe-invalid-value", "the new name of \"\(old)\" is empty", parameter: "map")
            }
            if let clash = layout.index(of: new), clash != index, map[layout.names[clash]] == nil {
                throw parameters.error("recipe-invalid-value", "a field \"\(new)\" exists already", parameter: "map")
            }
            layout.rename(at: index, to: new)
        }
    }

    func apply(to record: inout Record, changes: ChangeRecorder) throws -> StepVerdict { .keep }
}
