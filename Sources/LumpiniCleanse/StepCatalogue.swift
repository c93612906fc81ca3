/// Every recipe step by its name, in the order a recipe usually uses them.
enum StepCatalogue {
    /// A step type's name, summary and constructor.
    struct Entry: Sendable {
        let name: String
        let summary: String
        let worksOnTextAlone: Bool
        let make: @Sendable (inout StepParameters, inout FieldLayout, CleansingContext) throws -> any CleansingStep

        init<Step: CleansingStep>(_ type: Step.Type) {
            name = type.name
            summary = type.summary
            worksOnTextAlone = type.worksOnTextAlone
            make = { parameters, layout, context in try Step(parameters: &parameters, layout: &layout, context: context) }
        }
    }

    static let all: [Entry] = [
        Entry(SkipBlankRows.self), Entry(SkipTotalRows.self),
        Entry(CleanText.self), Entry(MissingValues.self), Entry(ThaiDigits.self), Entry(ParseNumbers.self), Entry(ParseDates.self), Entry(BuddhistEraYears.self),
        Entry(RenameColumns.self), Entry(SelectColumns.self), Entry(DropColumns.self), Entry(AddConstant.self), Entry(MapValues.self),
        Entry(MatchDistricts.self),
        Entry(PointsFromColumns.self), Entry(GeometryFromWKT.self), Entry(Reproject.self), Entry(FixSwappedCoordinates.self),
        Entry(MakeValid.self), Entry(RequireGeometry.self), Entry(RequireInArea.self), Entry(RoundCoordinates.self), Entry(WindRings.self),
        Entry(RemoveDuplicates.self),
    ]

    private static let byName: [String: Entry] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    static func entry(named name: String) -> Entry? {
        byName[name]
    }

    /// "did you mean …" for a misspelt step name, else the list of steps.
    static func suggestion(for name: String) -> String {
        let scalars = Array(name.unicodeScalars)
        let names = all.map { $0.name }
        if let best = names.first(where: { EditDistance.between(scalars, Array($0.unicodeScalars), limit: 3) != nil }) {
            return "did you mean \"\(best)\"? (see docs/dataset-yaml.md)"
        }
        return "steps: " + names.joined(separator: ", ")
    }
}

/// A recipe step's name and what it does, for documentation and `lumpini check`.
public struct RecipeStepInfo: Sendable, Equatable {
    public var name: String
    public var summary: String

    /// Every step Lumpini knows.
    public static var all: [RecipeStepInfo] {
        StepCatalogue.all.map { RecipeStepInfo(name: $0.name, summary: $0.summary) }
    }
}
