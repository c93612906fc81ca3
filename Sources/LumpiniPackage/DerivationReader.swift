import Foundation

/// Reads `derive:` strictly: every step's parameters known and of the right type, input ids that are
/// slugs, and steps that compose (each takes what the one before gives, and the last gives a value per
/// district). Errors name the file, the line and the key path, as the rest of `DatasetLoader` does.
enum DerivationReader {
    static func read(_ value: YAMLValue) throws -> Derivation {
        var map = try value.mapping()
        let districts = try inputID(try map.required("districts"))
        let yearValue = try map.required("year")
        let year = try yearValue.int()
        guard (1900...2200).contains(year) else {
            throw yearValue.error("yaml-invalid-value", "the year \(year) is not a Gregorian (CE) year", hint: "write it as 2024, not 2567 (BE)")
        }
        let stepsValue = try map.required("steps")
        let stepValues = try stepsValue.list()
        guard !stepValues.isEmpty else {
            throw stepsValue.error("yaml-empty-value", "list at least one step", hint: "see docs/dataset-yaml.md, \"Derived datasets\"")
        }
        var steps: [DeriveStep] = []
        var stage = DeriveStep.Stage.start
        for item in stepValues {
            let step = try self.step(item)
            let stages = step.stages
            guard stages.accepts.contains(stage) else {
                throw item.error(
                    "derive-step-out-of-order", "\"\(step.name)\" works on \(stages.accepts.map(\.rawValue).joined(separator: " or ")), but the steps before it give \(stage.rawValue)",
                    hint: hint(for: step)
                )
            }
            stage = stages.gives
            steps.append(step)
        }
        guard stage == .values else {
            throw stepsValue.error(
                "derive-no-value", "the steps end with \(stage.rawValue), not a value per district",
                hint: "end with aggregate, overlap-area, share-within-distance or per-person"
            )
        }
        let derivation = Derivation(districts: districts, year: year, steps: steps, indicator: try indicator(try map.required("indicator")))
        try map.finish()
        return derivation
    }

    /// Every input is a dataset of the workspace other than `id` itself.
    static func requireKnownInputs(_ derivation: Derivation, of id: String, in workspace: Workspace, file: String) throws {
        let known = (try? workspace.datasetIDs()) ?? []
        for input in derivation.inputIDs {
            if input == id {
                throw LumpiniError(
                    "derive-cycle", "the dataset derives from itself (\(id) → \(id))", kind: .input, file: file, field: "derive",
                    hint: "derive from other datasets only"
                )
            }
            guard known.contains(input) else {
                throw LumpiniError(
                    "derive-input-unknown", "the input \"\(input)\" is not a dataset of this workspace", kind: .input, file: file, field: "derive",
                    hint: known.isEmpty ? "add the dataset under datasets/\(input)/" : "known datasets: \(known.joined(separator: ", "))"
                )
            }
        }
    }

    private static func hint(for step: DeriveStep) -> String {
        switch step {
        case .assignToDistricts(.none, _): return "put complete-series before it, or give it an input"
        case .aggregate: return "put assign-to-districts or join-by-district before it"
        case .perPerson: return "put a step giving a value per district before it (aggregate, overlap-area, share-within-distance)"
        default: return "a step reading an input starts a chain: put it first"
        }
    }

    private static func step(_ item: YAMLValue) throws -> DeriveStep {
        var map = try item.mapping()
        let nameValue = try map.required("step")
        let name = try nameValue.nonEmptyString()
        let step: DeriveStep
        switch name {
        case "complete-series":
            let shareValue = try map.required("minimumShare")
            let share = try shareValue.double()
            guard share > 0, share <= 1 else {
                throw shareValue.error("yaml-invalid-value", "a share is above 0 and at most 1", hint: "write 0.75 for 75 %")
            }
            step = .completeSeries(.init(
                input: try inputID(try map.required("input")), key: try map.required("key").nonEmptyString(),
                date: try map.required("date").nonEmptyString(), value: try map.required("value").nonEmptyString(),
                minimumShare: share, itemName: try map.optional("itemName")?.nonEmptyString() ?? "series"
            ))
        case "assign-to-districts":
            let input = try map.optional("input").map(inputID)
            let valueField = map.optional("value")
            if let valueField, input == nil {
                throw valueField.error("yaml-invalid-value", "\"value\" names a field of the input, and this step has none", hint: "give \"input:\" too, or remove \"value:\"")
            }
            step = .assignToDistricts(input: input, value: try valueField?.nonEmptyString())
        case "join-by-district":
            let value = try map.required("value").nonEmptyString()
            step = .joinByDistrict(try table(&map, value: value, defaultYearField: nil))
        case "aggregate":
            step = .aggregate(try aggregate(&map))
        case "overlap-area":
            step = .overlapArea(input: try inputID(try map.required("input")))
        case "share-within-distance":
            let distanceValue = try map.required("distance")
            let distance = try distanceValue.double()
            guard distance > 0, distance <= 100_000 else {
                throw distanceValue.error("yaml-invalid-value", "the distance is in metres, above 0 and at most 100000")
            }
            step = .shareWithinDistance(input: try inputID(try map.required("input")), distance: distance)
        case "per-person":
            let value = try map.optional("value")?.nonEmptyString() ?? "population"
            let population = try table(&map, value: value, defaultYearField: "year")
            let factorValue = map.optional("factor")
            let factor = try factorValue?.double() ?? 1
            if let factorValue, !(factor > 0) { throw factorValue.error("yaml-invalid-value", "the factor is above 0", hint: "1000 for tonnes → kg") }
            step = .perPerson(.init(population: population, factor: factor))
        default:
            throw nameValue.error(
                "derive-unknown-step", "unknown step \"\(name)\"",
                hint: "steps: complete-series, assign-to-districts, join-by-district, aggregate, overlap-area, share-within-distance, per-person"
            )
        }
        try map.finish()
        return step
    }

    /// The input, value, code and year filter of a table joined on district codes.
    private static func table(_ map: inout YAMLMapping, value: String, defaultYearField: String?) throws -> DeriveStep.DistrictTable {
        let input = try inputID(try map.required("input"))
        let code = try map.optional("code")?.nonEmptyString() ?? "district_code"
        let dateValue = map.optional("dateField"), yearValue = map.optional("yearField")
        if let dateValue, yearValue != nil {
            throw dateValue.error("yaml-invalid-value", "filter the year by \"dateField\" or by \"yearField\", not both")
        }
        let dateField = try dateValue?.nonEmptyString()
        let yearField = try yearValue?.nonEmptyString() ?? (dateField == nil ? defaultYearField : nil)
        return DeriveStep.DistrictTable(input: input, value: value, code: code, dateField: dateField, yearField: yearField)
    }

    private static func aggregate(_ map: inout YAMLMapping) throws -> DeriveStep.Aggregate {
        let functionValue = try map.required("function")
        let function = try functionValue.choice(DeriveStep.Aggregate.Function.self)
        let thresholdValue = map.optional("threshold"), comparisonValue = map.optional("comparison")
        if function == .share {
            guard let thresholdValue else {
                throw functionValue.error("yaml-missing-key", "a share needs \"threshold:\" (and \"comparison:\" at-least or at-most)")
            }
            return .init(
                function: .share, threshold: try thresholdValue.double(),
                comparison: try comparisonValue?.choice(DeriveStep.Aggregate.Comparison.self) ?? .atLeast
            )
        }
        if let extra = thresholdValue ?? comparisonValue {
            throw extra.error("yaml-invalid-value", "only \"function: share\" takes a threshold and a comparison")
        }
        return .init(function: function)
    }

    private static func indicator(_ value: YAMLValue) throws -> IndicatorDefinition {
        var map = try value.mapping()
        let decimalsValue = try map.required("decimals")
        let decimals = try decimalsValue.int()
        guard (0...10).contains(decimals) else { throw decimalsValue.error("yaml-invalid-value", "decimals are 0 to 10") }
        let indicator = IndicatorDefinition(
            definition: try map.required("definition").nonEmptyString(), method: try map.required("method").nonEmptyString(),
            unit: try map.required("unit").nonEmptyString(), decimals: decimals, reference: try map.required("reference").nonEmptyString()
        )
        try map.finish()
        return indicator
    }

    private static func inputID(_ value: YAMLValue) throws -> String {
        let id = try value.nonEmptyString()
        do { try Slug.require(id, what: "dataset id") } catch let error as LumpiniError {
            throw value.error(error.code, error.message, hint: "name a dataset by its id, the folder name under datasets/")
        }
        return id
    }
}
