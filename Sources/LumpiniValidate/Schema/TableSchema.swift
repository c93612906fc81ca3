/// A Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/) with Lumpini's
/// geometry rules.
public struct TableSchema: Sendable, Equatable {
    public var fields: [SchemaField]
    /// Cell texts that mean "no value"; `[""]` by default.
    public var missingValues: [String]
    public var primaryKey: [String]
    public var foreignKeys: [ForeignKey]
    public var geometry: GeometryRules?

    public init(
        fields: [SchemaField], missingValues: [String] = [""], primaryKey: [String] = [],
        foreignKeys: [ForeignKey] = [], geometry: GeometryRules? = nil
    ) {
        self.fields = fields
        self.missingValues = missingValues
        self.primaryKey = primaryKey
        self.foreignKeys = foreignKeys
        self.geometry = geometry
    }

    public var fieldNames: [String] { fields.map(\.name) }

    public func field(named name: String) -> SchemaField? {
        fields.first { $0.name == name }
    }
}
