/// `drop-columns`: removes the listed fields. Parameters: `fields`.
package final class DropColumns: CleansingStep {
    package static let name = "drop-columns"
    static let summary = "remove the listed fields"
    static let worksOnTextAlone = true

    private let positions: [Int]

    init(parameters: inout StepParameters, layout: inout FieldLayout, context: CleansingContext) throws {
        let dropped = Set(try parameters.fields(in: layout, defaultAll: false))
        positions = (0..<layout.count).filter { !dropped.contains($0) }
        layout.keep(positions)
    }

    func apply(to record: inout Record, changes: ChangeRecorder) throws -> StepVerdict {
        record.values = positions.map { record.value(at: $0) }
        return .keep
    }
}
