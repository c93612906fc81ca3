import Foundation
import GDAL

extension TableSchema {
    /// The schema `schemas/<name>.schema.json` of a workspace.
    /// - Throws: `LumpiniError` (`schema-not-found`, `schema-invalid` with the JSON path of the bad part).
    public static func load(named name: String, in workspace: Workspace) throws -> TableSchema {
        let url = workspace.schemasDirectory.appendingPathComponent("\(name).schema.json")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw LumpiniError("schema-not-found", "no schema named \"\(name)\"", file: url.path,
                               hint: "write schemas/\(name).schema.json or fix the schema name in dataset.yaml")
        }
        try SourcePathPolicy.requireInside(
            "\(name).schema.json", datasetDirectory: workspace.schemasDirectory, file: url.path, field: "schema", folder: "schemas/"
        )
        return try load(contentsOf: url)
    }

    /// Reads a Table Schema file (JSON).
    /// - Throws: `LumpiniError` `schema-invalid` naming the JSON path of the bad part, for example
    ///   `fields[2].constraints.minimum`.
    public static func load(contentsOf url: URL) throws -> TableSchema {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw LumpiniError("schema-not-found", "cannot read the schema", file: url.path, hint: "check the path")
        }
        let json: JSONValue
        do {
            json = try JSONParser.parse([UInt8](data))
        } catch let error as JSONSyntaxError {
            throw LumpiniError("schema-invalid", "not valid JSON (\(error))", file: url.path, row: error.line,
                               hint: "fix the JSON syntax of the schema")
        }
        return try TableSchema(json: json, file: url.path)
    }

    /// Builds a schema from its JSON, checking it against the standard.
    /// - Throws: `LumpiniError` `schema-invalid` with the JSON path of the bad part in `field`.
    public init(json: JSONValue, file: String? = nil) throws {
        var reader = SchemaReader(file: file)
        self = try reader.schema(json)
    }
}

/// Reads the JSON of a schema, remembering the path of what it is reading for messages.
private struct SchemaReader {
    let file: String?

    func fail(_ path: String, _ message: String) -> LumpiniError {
        LumpiniError("schema-invalid", message, kind: .input, file: file, field: path.isEmpty ? "$" : path,
                     hint: "fix the schema: see https://specs.frictionlessdata.io/table-schema/")
    }

    func object(_ value: JSONValue, _ path: String) throws -> JSONValue {
        guard case .object = value else { throw fail(path, "must be an object, not \(value.kindName)") }
        return value
    }

    func string(_ value: JSONValue, _ path: String) throws -> String {
        guard let text = value.stringValue else { throw fail(path, "must be a string, not \(value.kindName)") }
        return text
    }

    func bool(_ value: JSONValue, _ path: String) throws -> Bool {
        guard let flag = value.boolValue else { throw fail(path, "must be true or false, not \(value.kindName)") }
        return flag
    }

    func count(_ value: JSONValue, _ path: String) throws -> Int {
        guard let number = value.doubleValue, number >= 0, number == number.rounded(), number < 1e15 else {
            throw fail(path, "must be a whole number of 0 or more")
        }
        return Int(number)
    }

    func strings(_ value: JSONValue, _ path: String) throws -> [String] {
        guard let items = value.arrayValue else { throw fail(path, "must be an array of strings, not \(value.kindName)") }
        return try items.enumerated().map { try string($1, "\(path)[\($0)]") }
    }

    /// A string or an array of strings (as `primaryKey` and foreign key `fields` may be).
    func names(_ value: JSONValue, _ path: String) throws -> [String] {
        if let single = value.stringValue { return [single] }
        return try strings(value, path)
    }

    mutating func schema(_ json: JSONValue) throws -> TableSchema {
        _ = try object(json, "")
        guard let fieldsJSON = json["fields"] else { throw fail("fields", "is required: a schema lists its fields") }
        guard let items = fieldsJSON.arrayValue else { throw fail("fields", "must be an array of field objects") }
        var fields: [SchemaField] = []
        for (index, item) in items.enumerated() {
            let field = try self.field(item, "fields[\(index)]")
            if fields.contains(where: { $0.name == field.name }) {
                throw fail("fields[\(index)].name", "the name \"\(field.name)\" is used by an earlier field")
            }
            fields.append(field)
        }
        var schema = TableSchema(fields: fields)
        if let missing = json["missingValues"] { schema.missingValues = try strings(missing, "missingValues") }
        if let key = json["primaryKey"] {
            schema.primaryKey = try names(key, "primaryKey")
            for (index, name) in schema.primaryKey.enumerated() where schema.field(named: name) == nil {
                throw fail(schema.primaryKey.count == 1 && key.stringValue != nil ? "primaryKey" : "primaryKey[\(index)]",
                           "names \"\(name)\", which is not a field of the schema")
            }
        }
        if let keys = json["foreignKeys"] {
            guard let items = keys.arrayValue else { throw fail("foreignKeys", "must be an array") }
            schema.foreignKeys = try items.enumerated().map { try foreignKey($1, "foreignKeys[\($0)]", schema: schema) }
        }
        if let rules = json["lumpini:geometry"] {
            schema.geometry = try geometryRules(rules, "lumpini:geometry")
        }
        for (index, field) in schema.fields.enumerated() {
            _ = try FieldChecker(field: field, number: index + 1, schema: schema, path: "fields[\(index)]", file: file)
        }
        return schema
    }

    func field(_ json: JSONValue, _ path: String) throws -> SchemaField {
        _ = try object(json, path)
        guard let nameJSON = json["name"] else { throw fail("\(path).name", "is required") }
        let name = try string(nameJSON, "\(path).name")
        if name.isEmpty { throw fail("\(path).name", "must not be empty") }
        var field = SchemaField(name: name)
        if let typeJSON = json["type"] {
            let text = try string(typeJSON, "\(path).type")
            guard let type = FieldType(rawValue: text) else {
                let known = FieldType.allCases.map(\.rawValue).joined(separator: ", ")
                throw fail("\(path).type", "\"\(text)\" is not a Table Schema type (\(known))")
            }
            field.type = type
        }
        if let formatJSON = json["format"] {
            field.format = try string(formatJSON, "\(path).format")
            if let known = field.type.knownFormats, !known.contains(field.format) {
                throw fail("\(path).format", "\"\(field.format)\" is not a format of type \(field.type.rawValue) (\(known.joined(separator: ", ")))")
            }
        }
        field.title = try json["title"].map { try string($0, "\(path).title") }
        field.description = try json["description"].map { try string($0, "\(path).description") }
        if let values = json["missingValues"] { field.missingValues = try strings(values, "\(path).missingValues") }
        if let values = json["trueValues"] { field.trueValues = try strings(values, "\(path).trueValues") }
        if let values = json["falseValues"] { field.falseValues = try strings(values, "\(path).falseValues") }
        if let text = json["decimalChar"] { field.decimalChar = try string(text, "\(path).decimalChar") }
        if let text = json["groupChar"] { field.groupChar = try string(text, "\(path).groupChar") }
        if let flag = json["bareNumber"] { field.bareNumber = try bool(flag, "\(path).bareNumber") }
        if let constraints = json["constraints"] {
            field.constraints = try self.constraints(constraints, "\(path).constraints", type: field.type)
        }
        return field
    }

    func constraints(_ json: JSONValue, _ path: String, type: FieldType) throws -> FieldConstraints {
        _ = try object(json, path)
        var constraints = FieldConstraints()
        for member in json.members ?? [] {
            let memberPath = "\(path).\(member.key)"
            guard let name = ConstraintName(rawValue: member.key) else {
                throw fail(memberPath, "\"\(member.key)\" is not a Table Schema constraint")
            }
            if name != .unique, !type.supportedConstraints.contains(name) {
                throw fail(memberPath, "constraint \"\(member.key)\" is not supported by type \"\(type.rawValue)\"")
            }
            let value = member.value
            switch name {
            case .required: constraints.required = try bool(value, memberPath)
            case .unique: constraints.unique = try bool(value, memberPath)
            case .minLength: constraints.minLength = try count(value, memberPath)
            case .maxLength: constraints.maxLength = try count(value, memberPath)
            case .minimum: constraints.minimum = value
            case .maximum: constraints.maximum = value
            case .exclusiveMinimum: constraints.exclusiveMinimum = value
            case .exclusiveMaximum: constraints.exclusiveMaximum = value
            case .pattern:
                let pattern = try string(value, memberPath)
                do {
                    _ = try Regex(pattern)
                } catch {
                    throw fail(memberPath, "\"\(pattern)\" is not a regular expression: \(error)")
                }
                constraints.pattern = pattern
            case .enumeration:
                guard let items = value.arrayValue else { throw fail(memberPath, "must be an array of allowed values") }
                constraints.enumeration = items
            }
        }
        return constraints
    }

    func foreignKey(_ json: JSONValue, _ path: String, schema: TableSchema) throws -> ForeignKey {
        _ = try object(json, path)
        guard let fieldsJSON = json["fields"] else { throw fail("\(path).fields", "is required") }
        let fields = try names(fieldsJSON, "\(path).fields")
        for (index, name) in fields.enumerated() where schema.field(named: name) == nil {
            throw fail(fieldsJSON.stringValue != nil ? "\(path).fields" : "\(path).fields[\(index)]", "names \"\(name)\", which is not a field of the schema")
        }
        guard let reference = json["reference"] else { throw fail("\(path).reference", "is required") }
        _ = try object(reference, "\(path).reference")
        let target: ForeignKey.Target
        if let dataset = reference["lumpini:dataset"] {
            target = .dataset(try string(dataset, "\(path).reference.lumpini:dataset"))
        } else if let vocabulary = reference["lumpini:vocabulary"] {
            target = .vocabulary(try string(vocabulary, "\(path).reference.lumpini:vocabulary"))
        } else if let resource = reference["resource"] {
            target = .resource(try string(resource, "\(path).reference.resource"))
        } else {
            throw fail("\(path).reference.resource", "is required (or \"lumpini:dataset\" / \"lumpini:vocabulary\")")
        }
        guard let referencedJSON = reference["fields"] else { throw fail("\(path).reference.fields", "is required") }
        let referenced = try names(referencedJSON, "\(path).reference.fields")
        if referenced.count != fields.count {
            throw fail("\(path).reference.fields", "names \(referenced.count) field(s) but the key has \(fields.count)")
        }
        if case .resource("") = target {
            for (index, name) in referenced.enumerated() where schema.field(named: name) == nil {
                throw fail("\(path).reference.fields[\(index)]", "names \"\(name)\", which is not a field of the schema")
            }
        }
        return ForeignKey(fields: fields, target: target, referencedFields: referenced)
    }

    func geometryRules(_ json: JSONValue, _ path: String) throws -> GeometryRules {
        _ = try object(json, path)
        var rules = GeometryRules()
        for member in json.members ?? [] {
            let memberPath = "\(path).\(member.key)"
            switch member.key {
            case "types":
                rules.types = try strings(member.value, memberPath).enumerated().map { index, name in
                    guard let type = GeometryType(rawValue: name), ![.unknown, .none, .other].contains(type) else {
                        throw fail("\(memberPath)[\(index)]", "\"\(name)\" is not a GeoJSON geometry type (Point, LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon, GeometryCollection)")
                    }
                    return type
                }
            case "required": rules.required = try bool(member.value, memberPath)
            case "valid": rules.valid = try bool(member.value, memberPath)
            case "nonEmpty": rules.nonEmpty = try bool(member.value, memberPath)
            case "crs":
                let crs = try string(member.value, memberPath)
                guard (try? SpatialReference(definition: crs)) != nil else {
                    throw fail(memberPath, "\"\(crs)\" is not a CRS PROJ knows")
                }
                rules.crs = crs
            case "precision":
                let precision = try count(member.value, memberPath)
                if precision > 15 { throw fail(memberPath, "must be 15 decimals or fewer") }
                rules.precision = precision
            case "within":
                if member.value.stringValue == "dataset" {
                    rules.withinDatasetArea = true
                } else {
                    guard let items = member.value.arrayValue, items.count == 4,
                          case let numbers = items.compactMap(\.doubleValue), numbers.count == 4,
                          numbers[0] <= numbers[2], numbers[1] <= numbers[3]
                    else {
                        throw fail(memberPath, "must be \"dataset\" or [minX, minY, maxX, maxY] with min ≤ max")
                    }
                    rules.within = numbers
                }
            default:
                throw fail(memberPath, "\"\(member.key)\" is not a geometry rule (types, required, valid, nonEmpty, within, crs, precision)")
            }
        }
        return rules
    }
}
