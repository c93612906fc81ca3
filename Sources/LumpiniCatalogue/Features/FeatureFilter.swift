/// What an items query asks of the feature index: a box the geometry's envelope touches, properties
/// equal to a value (compared as text: a string's characters, a number's or boolean's JSON text), and
/// an interval of the temporal property (ISO 8601 text, bounds included, nil for an open end).
public struct FeatureFilter: Sendable {
    public var box: Envelope?
    public var equals: [(name: String, value: String)]
    public var interval: (start: String?, end: String?)?

    public init(box: Envelope? = nil, equals: [(name: String, value: String)] = [], interval: (start: String?, end: String?)? = nil) {
        self.box = box
        self.equals = equals
        self.interval = interval
    }

    /// Whether properties or a `datetime` filter, beyond the box.
    public var filtersProperties: Bool { !equals.isEmpty || interval != nil }
}
