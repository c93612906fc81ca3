/// A Frictionless Table Schema field type, as published data declares it.
public enum OutputFieldType: String, Codable, Sendable, CaseIterable {
    case string, number, integer, boolean, object, array
    case date, time, datetime, year, yearmonth, duration
    case geopoint, geojson, any

    /// Published as a JSON number in GeoJSON (and in canonical form in CSV).
    var isNumeric: Bool { self == .integer || self == .number }
}

/// One published column: its name and Table Schema type.
///
/// The validate stage's schema model maps onto this; values arrive as text in `Record.values`
/// at the same position as the field in `OutputTable.fields`.
public struct OutputField: Sendable, Equatable {
    public var name: String
    public var type: OutputFieldType
    /// A human title and description, carried into `datapackage.json`.
    public var title: String?
    public var description: String?
    /// Texts meaning true and false (Table Schema `trueValues`/`falseValues`), for `boolean` fields.
    public var trueValues: [String]
    public var falseValues: [String]
    /// The schema's constraints, which every published value keeps to (rows breaking them are set aside).
    public var constraints: FieldConstraints

    public static let defaultTrueValues = ["true", "True", "TRUE", "1"]
    public static let defaultFalseValues = ["false", "False", "FALSE", "0"]

    public init(
        name: String, type: OutputFieldType = .string, title: String? = nil, description: String? = nil,
        trueValues: [String] = OutputField.defaultTrueValues, falseValues: [String] = OutputField.defaultFalseValues,
        constraints: FieldConstraints = FieldConstraints()
    ) {
        self.constraints = constraints
        self.name = name
        self.type = type
        self.title = title
        self.description = description
        self.trueValues = trueValues
        self.falseValues = falseValues
    }
}
