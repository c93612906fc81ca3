import Foundation

/// How to validate: how many errors to keep, how to read text files, where foreign keys to
/// other datasets and vocabularies are looked up.
public struct ValidationOptions {
    /// The most errors kept per task (counts stay exact); nil keeps all.
    public var maxErrors: Int?
    /// The declared text encoding of CSV files; nil detects it.
    public var encoding: String?
    /// The CSV delimiter; nil for a comma.
    public var delimiter: String?
    /// Key sets for foreign keys to other datasets and vocabularies.
    public var keySets: KeySetProvider?
    /// The dataset's area `[minX, minY, maxX, maxY]`, for `"within": "dataset"` geometry rules.
    public var area: [Double]?

    public init(maxErrors: Int? = nil, encoding: String? = nil, delimiter: String? = nil, keySets: KeySetProvider? = nil, area: [Double]? = nil) {
        self.maxErrors = maxErrors
        self.encoding = encoding
        self.delimiter = delimiter
        self.keySets = keySets
        self.area = area
    }
}

/// One table to validate: where it is and how to read it.
struct TableResource {
    var name: String
    /// The path to read.
    var path: String
    /// The path as the report shows it.
    var place: String
    var schema: TableSchema?
    var encoding: String?
    var delimiter: String?

    var isSpreadsheet: Bool {
        ["xlsx", "xls", "ods"].contains((path as NSString).pathExtension.lowercased())
    }

    func openSource() throws -> TableSource {
        if isSpreadsheet { return try GDALTableSource(path: path) }
        return try CSVReader(path: path, dialect: try delimiter.map(CSVDialect.init(delimiter:)) ?? CSVDialect(), encoding: encoding)
    }
}

/// Validates tables: streams the rows of each through a `TableValidator`, after loading the key
/// sets its foreign keys refer to.
enum TableValidation {
    /// Validates `resource`; `siblings` are the other resources of its package (for foreign keys).
    static func validate(_ resource: TableResource, siblings: [TableResource] = [], options: ValidationOptions) throws -> ValidationTask {
        var errors = ErrorCollector(limit: options.maxErrors)
        let source = try resource.openSource()
        var row = CellRow()
        do {
            guard try source.next(into: &row) else {
                errors.add(ValidationProblem(.sourceError, message: "the file is empty: it has no header row — check that it is the right file", note: "the source is empty"))
                return ValidationTask(name: resource.name, type: "table", place: resource.place, encoding: source.textEncoding,
                                      rows: 0, fields: resource.schema?.fields.count ?? 0, bytes: source.bytesRead, errors: errors)
            }
        } catch let failure as CSVEncodingError {
            errors.add(encodingError(failure, place: resource.place))
            return ValidationTask(name: resource.name, type: "table", place: resource.place, encoding: source.textEncoding,
                                  rows: nil, fields: nil, bytes: source.bytesRead, errors: errors)
        }
        let labels = row.strings.map { $0 ?? "" }
        // The first rows are read ahead: they infer a schema when there is none and size the key tables.
        var sample: [CellRow] = []
        var stoppedBy: CSVEncodingError?
        do {
            var sampled = CellRow()
            while sample.count < SchemaInference.sampleRows, try source.next(into: &sampled) { sample.append(sampled) }
        } catch let failure as CSVEncodingError {
            stoppedBy = failure
        }
        let schema = resource.schema ?? SchemaInference.schema(labels: labels, sample: sample)
        let lookups = try keySets(for: schema, of: resource, siblings: siblings, options: options)
        let validator = try TableValidator(schema: schema, labels: labels, lookups: lookups,
                                           expectedRows: estimatedRows(of: resource, sample: sample))
        validator.headerErrors.forEach { errors.add($0) }
        var rows = 0
        func check(_ row: CellRow) {
            rows += 1
            for error in validator.validate(row) { errors.add(error) }
        }
        sample.forEach(check)
        if stoppedBy == nil {
            do {
                while try source.next(into: &row) { check(row) }
            } catch let failure as CSVEncodingError {
                stoppedBy = failure
            }
        }
        if let stoppedBy { errors.add(encodingError(stoppedBy, place: resource.place)) }
        return ValidationTask(name: resource.name, type: "table", place: resource.place, labels: labels, encoding: source.textEncoding,
                              rows: rows, fields: schema.fields.count, bytes: source.bytesRead, errors: errors)
    }

    /// About how many rows a text file holds, from its size and the sample's row length.
    static func estimatedRows(of resource: TableResource, sample: [CellRow]) -> Int {
        guard !sample.isEmpty, !resource.isSpreadsheet,
              let size = (try? FileManager.default.attributesOfItem(atPath: resource.path))?[.size] as? Int else { return 0 }
        let sampleBytes = sample.reduce(0) { $0 + $1.bytes.count + $1.count }
        return size / max(sampleBytes / sample.count, 1)
    }

    static func encodingError(_ failure: CSVEncodingError, place: String) -> ValidationProblem {
        ValidationProblem(
            .encodingError,
            message: "\(place): byte 0x\(String(failure.byte, radix: 16, uppercase: true)) at offset \(failure.offset) (row \(failure.rowNumber)) is not valid \(failure.encoding); reading stopped there — declare the file's real encoding (for example TIS-620) or re-save it as UTF-8",
            note: failure.note)
    }

    /// The key sets of the schema's foreign keys, by the key's position in the schema.
    static func keySets(for schema: TableSchema, of resource: TableResource, siblings: [TableResource], options: ValidationOptions) throws -> [Int: ReferenceKeySet] {
        var lookups: [Int: ReferenceKeySet] = [:]
        for (index, key) in schema.foreignKeys.enumerated() {
            switch key.target {
            case .resource(let name):
                let referenced: TableResource
                if name.isEmpty || name == resource.name {
                    referenced = TableResource(name: resource.name, path: resource.path, place: resource.place, schema: schema,
                                               encoding: resource.encoding, delimiter: resource.delimiter)
                } else if let sibling = siblings.first(where: { $0.name == name }) {
                    referenced = sibling
                } else {
                    throw LumpiniError("foreign-key-target-missing", "the foreign key on \(key.fields.joined(separator: ", ")) refers to resource \"\(name)\", which the package does not have",
                                       file: resource.place, hint: "add the resource to the package or fix the reference")
                }
                lookups[index] = try keySet(of: referenced, fields: key.referencedFields)
            case .dataset, .vocabulary:
                guard let provider = options.keySets else {
                    throw LumpiniError("foreign-key-target-missing", "the foreign key on \(key.fields.joined(separator: ", ")) refers to \(TableValidator.targetDescription(key.target)), which cannot be looked up here",
                                       file: resource.place, hint: "validate the dataset from its workspace (lumpini validate <dataset-id>)")
                }
                lookups[index] = try provider.keySet(for: key.target, fields: key.referencedFields)
            }
        }
        return lookups
    }

    /// Reads a table and collects the keys made of `fields`, typed by its schema.
    static func keySet(of resource: TableResource, fields: [String]) throws -> ReferenceKeySet {
        var set = ReferenceKeySet()
        let source = try resource.openSource()
        var row = CellRow()
        guard try source.next(into: &row) else { return set }
        let labels = row.strings.map { $0 ?? "" }
        var schema = resource.schema ?? TableSchema(fields: [])
        schema.foreignKeys = []
        let validator = try TableValidator(schema: schema, labels: labels)
        guard let columns = validator.columns(of: fields) else {
            throw LumpiniError("foreign-key-target-missing", "resource \"\(resource.name)\" has no field(s) \(fields.joined(separator: ", ")) for a foreign key to refer to",
                               file: resource.place, hint: "fix the foreign key's reference fields")
        }
        do {
            while try source.next(into: &row) {
                if let digest = validator.referenceDigest(row, columns: columns) { set.insert(digest: digest) }
            }
        } catch is CSVEncodingError {
            // The referenced table reports its own encoding error when validated.
        }
        return set
    }
}
