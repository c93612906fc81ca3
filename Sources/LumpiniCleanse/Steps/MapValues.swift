/// `map-values`: replaces listed values by others ("ชาย" → "male"); values not listed stay.
/// Parameters: `fields`, `map` ({from: to}, to may be null); `ignoreCase` (default false);
/// `otherwise` (a value for everything not listed; default: keep it).
final class MapValues: CleansingStep {
    static let name = "map-values"
    static let summary = "replace listed values by others: map: {from: to}"
    static let worksOnTextAlone = true

    private let fields: [(index: Int, name: String)]
    private let map: [String: String?]
    private let ignoreCase: Bool
    private let otherwise: String??

    init(parameters: inout StepParameters, layout: inout FieldLayout, context: CleansingContext) throws {
        fields = try parameters.fields(in: layout, defaultAll: false).map { ($0, layout.names[$0]) }
        guard let map = try parameters.stringMap("map"), !map.isEmpty else {
            throw parameters.error("recipe-missing-parameter", "the parameter \"map\" is required ({from: to})")
        }
        ignoreCase = try parameters.bool("ignoreCase") ?? false
        self.map = ignoreCase ? Dictionary(map.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first }) : map
        otherwise = parameters.step.parameters["otherwise"] == nil ? nil : .some(try parameters.string("otherwise"))
    }

    func apply(to record: inout Record, changes: ChangeRecorder) throws -> StepVerdict {
        for field in fields {
            record.update(at: field.index, field: field.name, changes: changes) { value in
                let key = self.ignoreCase ? value.trimmingWhitespace.lowercased() : value.trimmingWhitespace
                if let mapped = self.map[key] { return mapped }
                return self.otherwise ?? value
            }
        }
        return .keep
    }
}
