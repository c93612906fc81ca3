/// The result of validating one or more tables or files, shaped as a Frictionless report:
/// one `valid` flag, exact counts, and per task (table, resource or GeoJSON file) its errors.
public struct ValidationReport: Sendable, Equatable, Codable {
    public struct Stats: Sendable, Equatable, Codable {
        public var tasks: Int
        /// Every error found, including those not kept.
        public var errors: Int
        public var warnings: Int
    }

    public var valid: Bool
    public var stats: Stats
    /// Problems that belong to no single task (a missing resource file, say).
    public var errors: [ValidationProblem]
    public var warnings: [ValidationProblem]
    public var tasks: [ValidationTask]
    /// Rows set aside by the schema before the rows the tasks describe were published; nil when the
    /// report describes rows as they were read (`lumpini validate`).
    public var setAside: SetAsideRows?

    public init(tasks: [ValidationTask], errors: [ValidationProblem] = []) {
        self.tasks = tasks
        self.errors = errors
        self.warnings = []
        let errorCount = errors.count + tasks.reduce(0) { $0 + $1.stats.errors }
        stats = Stats(tasks: tasks.count, errors: errorCount, warnings: tasks.reduce(0) { $0 + $1.stats.warnings })
        valid = errorCount == 0
    }
}

/// The validation of one table or file.
public struct ValidationTask: Sendable, Equatable, Codable {
    public struct Stats: Sendable, Equatable, Codable {
        /// Every error found, including those not kept in `errors`.
        public var errors: Int
        public var warnings: Int
        /// Data rows read (blank rows included, the header not); nil when reading stopped before the rows.
        public var rows: Int?
        /// Fields of the schema used.
        public var fields: Int?
        public var bytes: Int?
        /// Every error counted by type (exact even when `errors` was cut short).
        public var types: [String: Int]
    }

    public var name: String
    /// `table` or `geojson`.
    public var type: String
    /// The file, as given.
    public var place: String
    public var valid: Bool
    public var labels: [String]
    /// The text encoding the file was read with.
    public var encoding: String?
    public var stats: Stats
    /// The errors kept (at most `--max-errors`), in the order found.
    public var errors: [ValidationProblem]
    public var warnings: [ValidationProblem]
    /// True when errors were found beyond those kept.
    public var partial: Bool

    public init(name: String, type: String, place: String, labels: [String] = [], encoding: String? = nil,
                rows: Int?, fields: Int?, bytes: Int? = nil, errors: ErrorCollector, warnings: [ValidationProblem] = []) {
        self.name = name
        self.type = type
        self.place = place
        self.labels = labels
        self.encoding = encoding
        self.errors = errors.kept
        self.warnings = warnings
        self.partial = errors.count > errors.kept.count
        self.stats = Stats(errors: errors.count, warnings: warnings.count, rows: rows, fields: fields, bytes: bytes, types: errors.countsByType)
        self.valid = errors.count == 0
    }
}

/// Keeps the first errors up to a limit while counting every one, so totals stay exact.
public struct ErrorCollector: Sendable {
    public let limit: Int
    public private(set) var kept: [ValidationProblem] = []
    public private(set) var count = 0
    /// Errors by type, every one counted.
    public private(set) var countsByType: [String: Int] = [:]

    /// - Parameter limit: the most errors kept; nil keeps all.
    public init(limit: Int? = nil) {
        self.limit = limit ?? Int.max
    }

    public mutating func add(_ error: ValidationProblem) {
        count += 1
        countsByType[error.type, default: 0] += 1
        if kept.count < limit { kept.append(error) }
    }
}
