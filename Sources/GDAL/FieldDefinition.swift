import CGDAL

/// An attribute field's type as GDAL stores it. See `OGRFieldType`.
public enum FieldType: String, Sendable, Codable {
    case integer = "Integer"
    case integer64 = "Integer64"
    case real = "Real"
    case string = "String"
    case date = "Date"
    case time = "Time"
    case dateTime = "DateTime"
    case binary = "Binary"
    case integerList = "IntegerList"
    case integer64List = "Integer64List"
    case realList = "RealList"
    case stringList = "StringList"

    init(_ raw: OGRFieldType) {
        switch raw {
        case OFTInteger: self = .integer
        case OFTInteger64: self = .integer64
        case OFTReal: self = .real
        case OFTDate: self = .date
        case OFTTime: self = .time
        case OFTDateTime: self = .dateTime
        case OFTBinary: self = .binary
        case OFTIntegerList: self = .integerList
        case OFTInteger64List: self = .integer64List
        case OFTRealList: self = .realList
        case OFTStringList: self = .stringList
        default: self = .string
        }
    }

    var ogrType: OGRFieldType {
        switch self {
        case .integer: return OFTInteger
        case .integer64: return OFTInteger64
        case .real: return OFTReal
        case .string: return OFTString
        case .date: return OFTDate
        case .time: return OFTTime
        case .dateTime: return OFTDateTime
        case .binary: return OFTBinary
        case .integerList: return OFTIntegerList
        case .integer64List: return OFTInteger64List
        case .realList: return OFTRealList
        case .stringList: return OFTStringList
        }
    }
}

/// A refinement of a field type. See `OGRFieldSubType`.
public enum FieldSubType: String, Sendable, Codable {
    case none = "None"
    case boolean = "Boolean"
    case int16 = "Int16"
    case float32 = "Float32"
    case json = "JSON"
    case uuid = "UUID"

    init(_ raw: OGRFieldSubType) {
        switch raw {
        case OFSTBoolean: self = .boolean
        case OFSTInt16: self = .int16
        case OFSTFloat32: self = .float32
        case OFSTJSON: self = .json
        case OFSTUUID: self = .uuid
        default: self = .none
        }
    }

    var ogrSubType: OGRFieldSubType {
        switch self {
        case .none: return OFSTNone
        case .boolean: return OFSTBoolean
        case .int16: return OFSTInt16
        case .float32: return OFSTFloat32
        case .json: return OFSTJSON
        case .uuid: return OFSTUUID
        }
    }
}

/// The definition of an attribute field. See `OGRFieldDefn`.
public struct FieldDefinition: Sendable, Equatable, Codable {
    public var name: String
    public var type: FieldType
    public var subType: FieldSubType
    /// Declared width in characters or digits; 0 when unset.
    public var width: Int
    /// Declared decimals; 0 when unset.
    public var precision: Int
    public var isNullable: Bool

    public init(
        name: String, type: FieldType, subType: FieldSubType = .none,
        width: Int = 0, precision: Int = 0, isNullable: Bool = true
    ) {
        self.name = name
        self.type = type
        self.subType = subType
        self.width = width
        self.precision = precision
        self.isNullable = isNullable
    }

    init(_ handle: OGRFieldDefnH) {
        self.init(
            name: String(cString: OGR_Fld_GetNameRef(handle)),
            type: FieldType(OGR_Fld_GetType(handle)),
            subType: FieldSubType(OGR_Fld_GetSubType(handle)),
            width: Int(OGR_Fld_GetWidth(handle)),
            precision: Int(OGR_Fld_GetPrecision(handle)),
            isNullable: OGR_Fld_IsNullable(handle) != 0
        )
    }
}
