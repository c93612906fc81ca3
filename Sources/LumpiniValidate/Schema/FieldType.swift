/// The logical types of the Table Schema standard.
public enum FieldType: String, Sendable, CaseIterable, Codable {
    case string, number, integer, boolean, object, array
    case date, time, datetime, year, yearmonth, duration
    case geopoint, geojson, any

    /// The formats the standard defines for the type; nil when any pattern is allowed
    /// (date, time and datetime take `strptime` patterns besides `default` and `any`).
    var knownFormats: [String]? {
        switch self {
        case .string: return ["default", "email", "uri", "uuid", "binary"]
        case .geopoint: return ["default", "array", "object"]
        case .geojson: return ["default", "topojson"]
        case .date, .time, .datetime: return nil
        default: return ["default"]
        }
    }

    /// The constraints the type supports, in the order the reference tool checks them.
    var supportedConstraints: [ConstraintName] {
        switch self {
        case .string: return [.required, .minLength, .maxLength, .pattern, .enumeration]
        case .array, .object: return [.required, .minLength, .maxLength, .enumeration]
        case .integer, .number, .date, .time, .datetime, .year, .yearmonth:
            return [.required, .minimum, .maximum, .exclusiveMinimum, .exclusiveMaximum, .enumeration]
        case .boolean, .duration, .geopoint, .geojson, .any: return [.required, .enumeration]
        }
    }
}

/// A constraint's name as the standard spells it.
public enum ConstraintName: String, Sendable, CaseIterable {
    case required, unique, minLength, maxLength, minimum, maximum, exclusiveMinimum, exclusiveMaximum, pattern
    case enumeration = "enum"
}
