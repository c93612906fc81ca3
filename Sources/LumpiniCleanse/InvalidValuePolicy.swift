/// What a step does with a value it cannot read (a date that is no date, a number that is no number).
enum InvalidValuePolicy: String, CaseIterable {
    /// Leave the value as it is; validation will report it.
    case keep
    /// Make it null (and count the change).
    case null
    /// Quarantine the record.
    case quarantine
}
