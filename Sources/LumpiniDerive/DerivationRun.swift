import Foundation

/// Runs a derivation's steps over its inputs' published files, one step after another, and gives a
/// value per district. Each input file is opened (and its checksum checked) when a step reads it.
struct DerivationRun {
    let derivation: Derivation
    let sources: [DerivedSource]
    let tree: ReleaseTree
    let projection: MetricProjection

    /// The districts and each one's value.
    func run() throws -> (districts: [District], values: [String: DistrictValue]) {
        let districts = try District.read(try open(derivation.districts, .geojson), projection: projection)
        let assignment = DistrictAssignment(districts: districts)
        var state = DerivationState.start
        for step in derivation.steps {
            state = try apply(step, to: state, districts: districts, assignment: assignment)
        }
        guard case .values(let values) = state else {
            throw LumpiniError("derive-no-value", "the steps give no value per district", kind: .internal, hint: "this is a bug: the loader checks the steps")
        }
        return (districts, values)
    }

    private func apply(_ step: DeriveStep, to state: DerivationState, districts: [District], assignment: DistrictAssignment) throws -> DerivationState {
        let year = derivation.year
        switch (step, state) {
        case (.completeSeries(let series), .start):
            return .located(
                try SeriesCompleteness.locate(series, year: year, input: try open(series.input, .csv)),
                itemName: series.itemName, minimumShare: series.minimumShare
            )
        case (.assignToDistricts(.none, _), .located(let series, let itemName, let share)):
            return .observations(try assignment.observations(of: series, itemName: itemName, minimumShare: share))
        case (.assignToDistricts(let input?, let value), .start):
            return .observations(try assignment.observations(of: try open(input, .geojson), value: value))
        case (.joinByDistrict(let table), .start):
            return .observations(try DistrictTableJoin.observations(table, year: year, input: try open(table.input, .csv), districts: districts))
        case (.aggregate(let aggregate), .observations(let observations)):
            return .values(DistrictAggregate.values(observations, aggregate))
        case (.overlapArea(let input), .start):
            return .values(try OverlapArea.values(of: try open(input, .geojson), districts: districts, projection: projection))
        case (.shareWithinDistance(let input, let distance), .start):
            return .values(try AreaWithinDistance.values(of: try open(input, .geojson), distance: distance, districts: districts, projection: projection))
        case (.perPerson(let perPerson), .values(let values)):
            let table = perPerson.population
            let population = try DistrictTableJoin.values(table, year: year, input: try open(table.input, .csv))
            return .values(PerPerson.values(values, population: population, factor: perPerson.factor, year: year))
        default:
            throw LumpiniError("derive-step-out-of-order", "\"\(step.name)\" cannot follow the steps before it", kind: .internal, hint: "this is a bug: the loader checks the steps")
        }
    }

    /// The resolved file of `id` in `format`, opened.
    private func open(_ id: String, _ format: Derivation.InputFile.Format) throws -> PublishedInput {
        let file = Derivation.InputFile(id: id, format: format).fileName
        guard let source = sources.first(where: { $0.id == id && $0.file == file }) else {
            throw LumpiniError("derive-input-unresolved", "\(file) was not resolved before the run", kind: .internal, hint: "this is a bug")
        }
        return try PublishedInput(source, in: tree)
    }
}
