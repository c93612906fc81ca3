/// What a derivation holds per district between its steps (`DeriveStep.Stage`).
enum DerivationState {
    case start
    /// Keys of a series (stations) with their location and mean, before they are put in districts.
    case located([LocatedSeries], itemName: String, minimumShare: Double)
    case observations([String: Observations])
    case values([String: DistrictValue])
}

/// One key of a series: where it is, its mean over the valid days, and whether enough days were valid.
struct LocatedSeries {
    var key: String
    var longitude: Double
    var latitude: Double
    var mean: Double?
    var qualifies: Bool
}

/// The observations of one district, and what to say when none counts.
struct Observations {
    var values: [Double] = []
    /// Observations in the district that did not count (a station with too few valid days).
    var excluded = 0
    /// Why there is no value when the district has no observation at all.
    var noneNote: String
    /// Why there is no value when every observation of the district was excluded.
    var noneCountedNote: String?

    /// The note for a district whose observations give no value.
    var emptyNote: String {
        excluded > 0 ? (noneCountedNote ?? noneNote) : noneNote
    }
}

/// A district's value, how many observations it comes from (nil where that does not apply) and, when
/// there is no value, why.
struct DistrictValue: Equatable {
    var value: Double?
    var n: Int?
    var note: String?
}
