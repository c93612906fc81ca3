/// `aggregate`: each district's observations made one value, with n the observations used. An empty
/// count or sum is 0; an empty mean, median or share has no value, and the note says why.
enum DistrictAggregate {
    static func values(_ observations: [String: Observations], _ aggregate: DeriveStep.Aggregate) -> [String: DistrictValue] {
        observations.mapValues { district in
            let values = district.values
            let value = Self.value(values, aggregate)
            return DistrictValue(value: value, n: values.count, note: value == nil ? district.emptyNote : nil)
        }
    }

    static func value(_ values: [Double], _ aggregate: DeriveStep.Aggregate) -> Double? {
        switch aggregate.function {
        case .count: return Double(values.count)
        case .sum: return values.reduce(0, +)
        case .mean: return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
        case .median:
            guard !values.isEmpty else { return nil }
            let sorted = values.sorted(), middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        case .share:
            guard !values.isEmpty, let threshold = aggregate.threshold else { return nil }
            let meeting = values.filter { aggregate.comparison == .atMost ? $0 <= threshold : $0 >= threshold }.count
            return 100 * Double(meeting) / Double(values.count)
        }
    }
}

/// `per-person`: value × factor / the district's population of the year. A district without a
/// population (or with none) has no value, and the note says so; n is kept.
enum PerPerson {
    static func values(_ values: [String: DistrictValue], population: [String: Double], factor: Double, year: Int) -> [String: DistrictValue] {
        var result = values
        for (code, current) in values {
            guard let value = current.value else { continue }
            guard let people = population[code], people > 0 else {
                result[code] = DistrictValue(value: nil, n: current.n, note: "no population for \(year)")
                continue
            }
            result[code]?.value = value * factor / people
        }
        return result
    }
}
