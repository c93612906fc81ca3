/// One field of a Table Schema: its name, type, format, type options and constraints.
public struct SchemaField: Sendable, Equatable {
    public var name: String
    public var title: String?
    public var description: String?
    public var type: FieldType
    /// `default`, a named format (`email`, `array`, `topojson`, `any`…) or a date pattern (`%d/%m/%Y`).
    public var format: String
    public var constraints: FieldConstraints
    /// Field-level missing values; nil to use the schema's.
    public var missingValues: [String]?
    public var trueValues: [String]
    public var falseValues: [String]
    public var decimalChar: String
    public var groupChar: String
    /// When false, numbers may carry leading and trailing text such as `฿` or `%`.
    public var bareNumber: Bool

    public static let defaultTrueValues = ["true", "True", "TRUE", "1"]
    public static let defaultFalseValues = ["false", "False", "FALSE", "0"]

    public init(
        name: String, type: FieldType = .any, format: String = "default", constraints: FieldConstraints = FieldConstraints(),
        title: String? = nil, description: String? = nil, missingValues: [String]? = nil,
        trueValues: [String] = SchemaField.defaultTrueValues, falseValues: [String] = SchemaField.defaultFalseValues,
        decimalChar: String = ".", groupChar: String = "", bareNumber: Bool = true
    ) {
        self.name = name
        self.type = type
        self.format = format
        self.constraints = constraints
        self.title = title
        self.description = description
        self.missingValues = missingValues
        self.trueValues = trueValues
        self.falseValues = falseValues
        self.decimalChar = decimalChar
        self.groupChar = groupChar
        self.bareNumber = bareNumber
    }

    /// "integer/default", as the reference tool's notes name a type and format.
    var typeAndFormat: String { "\(type.rawValue)/\(format)" }
}

/// The constraints of a field. Values of `minimum`, `maximum` and `enum` are kept as written in
/// the schema and typed by the field when the validator is built.
public struct FieldConstraints: Sendable, Equatable {
    public var required = false
    public var unique = false
    public var minLength: Int?
    public var maxLength: Int?
    public var minimum: JSONValue?
    public var maximum: JSONValue?
    public var exclusiveMinimum: JSONValue?
    public var exclusiveMaximum: JSONValue?
    public var pattern: String?
    public var enumeration: [JSONValue]?

    public init(required: Bool = false, unique: Bool = false) {
        self.required = required
        self.unique = unique
    }

    /// The value written for `name`, as the reference tool prints it in notes.
    func written(_ name: ConstraintName) -> String {
        switch name {
        case .required: return required ? "True" : "False"
        case .unique: return unique ? "True" : "False"
        case .minLength: return minLength.map(String.init) ?? ""
        case .maxLength: return maxLength.map(String.init) ?? ""
        case .minimum: return minimum?.pythonString ?? ""
        case .maximum: return maximum?.pythonString ?? ""
        case .exclusiveMinimum: return exclusiveMinimum?.pythonString ?? ""
        case .exclusiveMaximum: return exclusiveMaximum?.pythonString ?? ""
        case .pattern: return pattern ?? ""
        case .enumeration: return enumeration.map { JSONValue.array($0).pythonDescription } ?? ""
        }
    }

    /// Whether the constraint is set.
    func has(_ name: ConstraintName) -> Bool {
        switch name {
        case .required: return required
        case .unique: return unique
        case .minLength: return minLength != nil
        case .maxLength: return maxLength != nil
        case .minimum: return minimum != nil
        case .maximum: return maximum != nil
        case .exclusiveMinimum: return exclusiveMinimum != nil
        case .exclusiveMaximum: return exclusiveMaximum != nil
        case .pattern: return pattern != nil
        case .enumeration: return enumeration != nil
        }
    }
}

/// The constraints written as a Table Schema's `constraints` object, with only those that are set:
/// what `datapackage.json` tells other tools the published data keeps to.
extension FieldConstraints: Encodable {
    /// No constraint is set.
    public var isEmpty: Bool { !ConstraintName.allCases.contains(where: has) }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: MemberKey.self)
        for name in ConstraintName.allCases where has(name) {
            let key = MemberKey(name.rawValue)
            switch name {
            case .required, .unique: try container.encode(true, forKey: key)
            case .minLength: try container.encode(minLength, forKey: key)
            case .maxLength: try container.encode(maxLength, forKey: key)
            case .minimum: try container.encode(minimum, forKey: key)
            case .maximum: try container.encode(maximum, forKey: key)
            case .exclusiveMinimum: try container.encode(exclusiveMinimum, forKey: key)
            case .exclusiveMaximum: try container.encode(exclusiveMaximum, forKey: key)
            case .pattern: try container.encode(pattern, forKey: key)
            case .enumeration: try container.encode(enumeration, forKey: key)
            }
        }
    }
}
