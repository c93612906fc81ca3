/// `select-columns`: keeps the listed fields, in the listed order. Parameters: `fields`.
final class SelectColumns: CleansingStep {
    static let name = "select-columns"
    static let summary = "keep only the listed fields, in that order"
    static let worksOnTextAlone = true

    private let positions: [Int]

    init(parameters: inout StepParameters, layout: inout FieldLayout, context: CleansingContext) throws {
        positions = try parameters.fields(in: layout, defaultAll: false)
        layout.keep(positions)
    }

    func apply(to record: inout Record, changes: ChangeRecorder) throws -> StepVerdict {
        record.values = positions.map { record.value(at: $0) }
        return .keep
    }
}
