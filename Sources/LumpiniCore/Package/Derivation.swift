/// What `derive:` in `dataset.yaml` says: a dataset computed from other published datasets, one row per
/// district of a district dataset, by a short chain of operations (`DeriveStep`), and the indicator the
/// value is (`IndicatorDefinition`). The inputs are dataset ids, read at their latest published version.
public struct Derivation: Sendable, Equatable {
    /// The dataset holding the district polygons every row is about (`district_code`, `district_th`,
    /// `district_en`), read as GeoJSON.
    public var districts: String
    /// The year the indicator is for (CE): rows of other years are left out, series are complete against it.
    public var year: Int
    public var steps: [DeriveStep]
    public var indicator: IndicatorDefinition

    public init(districts: String, year: Int, steps: [DeriveStep], indicator: IndicatorDefinition) {
        self.districts = districts
        self.year = year
        self.steps = steps
        self.indicator = indicator
    }

    /// Every file the derivation reads, by input id then file name, each once: the districts' GeoJSON and
    /// what each step reads (GeoJSON for geometries, the CSV for tables and series).
    public var filesRead: [InputFile] {
        var files = [InputFile(id: districts, format: .geojson)]
        for step in steps {
            if let file = step.fileRead, !files.contains(file) { files.append(file) }
        }
        return files.sorted { ($0.id, $0.fileName) < ($1.id, $1.fileName) }
    }

    /// The ids of the datasets read, sorted, each once.
    public var inputIDs: [String] {
        Array(Set(filesRead.map(\.id))).sorted()
    }

    /// One published file of an input: `<id>.geojson` or `<id>.csv` in its version's folder.
    public struct InputFile: Sendable, Equatable, Hashable {
        public enum Format: String, Sendable {
            case geojson, csv
        }

        public var id: String
        public var format: Format

        public init(id: String, format: Format) {
            self.id = id
            self.format = format
        }

        public var fileName: String { "\(id).\(format.rawValue)" }
    }
}

/// One operation of a derivation. Each works per district of `Derivation.districts`; the loader checks
/// that they compose (`DeriveStep.Stage`): observations come from an input, an aggregate makes values of
/// them, and values may then be put per person.
public enum DeriveStep: Sendable, Equatable {
    /// Per key (a station) of a series table, the rows of the year with a value: the key's mean counts
    /// when its valid days reach `minimumShare` of the days of the year. The keys are located by the
    /// CSV's `longitude`/`latitude`; `assign-to-districts` then puts them in districts.
    case completeSeries(CompleteSeries)
    /// Points (or polygons, by a point on their surface) in the district polygon that contains them.
    /// Without `input`, the keys of the `complete-series` before it.
    case assignToDistricts(input: String?, value: String?)
    /// A table's rows by their district code, those of the year (by a date or a year column).
    case joinByDistrict(DistrictTable)
    /// The observations of each district made one value.
    case aggregate(Aggregate)
    /// Σ area(feature ∩ district) in square metres, in UTM 47N (EPSG:32647).
    case overlapArea(input: String)
    /// 100 × area(district ∩ ∪ features buffered by `distance` metres) / area(district), in EPSG:32647:
    /// a Euclidean proxy for the distance walked.
    case shareWithinDistance(input: String, distance: Double)
    /// value × `factor` / the district's population of the year, from a population table.
    case perPerson(PerPerson)

    public struct CompleteSeries: Sendable, Equatable {
        public var input: String
        public var key: String
        public var date: String
        public var value: String
        /// 0 < share ≤ 1, for example 0.75.
        public var minimumShare: Double
        /// What one key is, for notes ("station": "no station in the district").
        public var itemName: String

        public init(input: String, key: String, date: String, value: String, minimumShare: Double, itemName: String) {
            self.input = input
            self.key = key
            self.date = date
            self.value = value
            self.minimumShare = minimumShare
            self.itemName = itemName
        }
    }

    /// A table joined on its district code, its rows filtered to the year by a date or a year column.
    public struct DistrictTable: Sendable, Equatable {
        public var input: String
        public var value: String
        public var code: String
        /// A column of ISO dates (or months, `2024-01`) whose year must be the derivation's.
        public var dateField: String?
        /// A column of years (CE) that must be the derivation's.
        public var yearField: String?

        public init(input: String, value: String, code: String = "district_code", dateField: String? = nil, yearField: String? = nil) {
            self.input = input
            self.value = value
            self.code = code
            self.dateField = dateField
            self.yearField = yearField
        }
    }

    public struct Aggregate: Sendable, Equatable {
        public enum Function: String, Sendable, CaseIterable {
            case count, sum, mean, median, share
        }

        /// For `share`: an observation meets the threshold when it is at least (or at most) `threshold`.
        public enum Comparison: String, Sendable, CaseIterable {
            case atLeast = "at-least"
            case atMost = "at-most"
        }

        public var function: Function
        public var threshold: Double?
        public var comparison: Comparison?

        public init(function: Function, threshold: Double? = nil, comparison: Comparison? = nil) {
            self.function = function
            self.threshold = threshold
            self.comparison = comparison
        }
    }

    public struct PerPerson: Sendable, Equatable {
        public var population: DistrictTable
        public var factor: Double

        public init(population: DistrictTable, factor: Double = 1) {
            self.population = population
            self.factor = factor
        }
    }

    /// What a step works on and gives, so that a chain can be checked before anything is read.
    public enum Stage: String, Sendable {
        case start = "nothing yet"
        case located = "located keys"
        case observations = "observations per district"
        case values = "a value per district"
    }

    /// The stages a step takes (any of them) and the one it gives.
    public var stages: (accepts: [Stage], gives: Stage) {
        switch self {
        case .completeSeries: return ([.start], .located)
        case .assignToDistricts(let input, _): return (input == nil ? [.located] : [.start], .observations)
        case .joinByDistrict: return ([.start], .observations)
        case .aggregate: return ([.observations], .values)
        case .overlapArea, .shareWithinDistance: return ([.start], .values)
        case .perPerson: return ([.values], .values)
        }
    }

    /// The step's name in `dataset.yaml`.
    public var name: String {
        switch self {
        case .completeSeries: return "complete-series"
        case .assignToDistricts: return "assign-to-districts"
        case .joinByDistrict: return "join-by-district"
        case .aggregate: return "aggregate"
        case .overlapArea: return "overlap-area"
        case .shareWithinDistance: return "share-within-distance"
        case .perPerson: return "per-person"
        }
    }

    /// The published file the step reads, if any.
    public var fileRead: Derivation.InputFile? {
        switch self {
        case .completeSeries(let series): return .init(id: series.input, format: .csv)
        case .assignToDistricts(let input, _): return input.map { .init(id: $0, format: .geojson) }
        case .joinByDistrict(let table): return .init(id: table.input, format: .csv)
        case .aggregate: return nil
        case .overlapArea(let input), .shareWithinDistance(let input, _): return .init(id: input, format: .geojson)
        case .perPerson(let perPerson): return .init(id: perPerson.population.input, format: .csv)
        }
    }
}

/// What the indicator is, for the README, `datapackage.json` and the published `unit` column.
public struct IndicatorDefinition: Codable, Sendable, Equatable {
    /// What the value is, in one or two sentences.
    public var definition: String
    /// How it is computed from the inputs, step by step, so that anyone can recompute it.
    public var method: String
    /// The unit written in every row, for example `m²/person`.
    public var unit: String
    /// Decimals the value is rounded to.
    public var decimals: Int
    /// The SDG indicator or index it serves and how (`SDG 11.7.1 (related)`).
    public var reference: String

    public init(definition: String, method: String, unit: String, decimals: Int, reference: String) {
        self.definition = definition
        self.method = method
        self.unit = unit
        self.decimals = decimals
        self.reference = reference
    }
}
