import GDAL

/// The shape of what one dataset publishes: its columns, primary key, geometry and precision.
public struct OutputTable: Sendable, Equatable {
    public var fields: [OutputField]
    /// Names of the primary-key fields (empty when the schema declares none).
    public var primaryKey: [String]
    /// The geometry type of every record: `.none` for tables without geometry, `.unknown` when mixed.
    public var geometryType: GeometryType
    /// Decimals kept in published coordinates.
    public var precision: Int
    /// Whether the CSV carries the geometry (`outputs.csvGeometry`).
    public var csvGeometry = true

    public init(fields: [OutputField], primaryKey: [String] = [], geometryType: GeometryType = .none, precision: Int = 6) {
        self.fields = fields
        self.primaryKey = primaryKey
        self.geometryType = geometryType
        self.precision = precision
    }

    public var hasGeometry: Bool { geometryType != .none }

    /// Positions of the primary-key fields in `fields`.
    /// - Throws: `LumpiniError` naming a key field that is not a column.
    func primaryKeyIndices() throws -> [Int] {
        try primaryKey.map { name in
            guard let index = fields.firstIndex(where: { $0.name == name }) else {
                throw LumpiniError(
                    "primary-key-unknown", "the primary key names \"\(name)\", which is not a published column",
                    kind: .input, field: name, hint: "fix primaryKey in the schema"
                )
            }
            return index
        }
    }

    /// How the CSV carries geometry.
    var csvGeometryColumns: [String] {
        guard csvGeometry else { return [] }
        switch geometryType {
        case .none: return []
        case .point: return ["longitude", "latitude"]
        default: return ["wkt"]
        }
    }

    /// Every CSV column in order: the fields, then the geometry columns.
    var csvHeader: [String] { fields.map(\.name) + csvGeometryColumns }
}
