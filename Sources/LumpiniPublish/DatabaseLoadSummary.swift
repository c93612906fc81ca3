/// What a release loaded into the GIS database (`--database`), and the `database` key of its
/// `--json` summary (keys stable). The database's own bookkeeping is in docs/database.md.
public struct DatabaseLoadSummary: Codable, Sendable, Equatable {
    /// The database, its password shown as `***`.
    public var database: String
    public var schema: String
    public var loaded: [DatabaseLoadOutcome]
    public var unchanged: [DatabaseLoadOutcome]
    public var failed: [DatabaseLoadOutcome]

    public init(database: String, schema: String, outcomes: [DatabaseLoadOutcome]) {
        self.database = database
        self.schema = schema
        let sorted = outcomes.sorted { $0.id < $1.id }
        loaded = sorted.filter { $0.status == .loaded }
        unchanged = sorted.filter { $0.status == .unchanged }
        failed = sorted.filter { $0.status == .failed }
    }
}

/// What happened to one dataset's latest version in the database.
public struct DatabaseLoadOutcome: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        /// Loaded into its table, and the view switched to it.
        case loaded
        /// Already loaded by an earlier run: nothing was done.
        case unchanged
        /// Not loaded: the view still shows what it showed before.
        case failed
    }

    public var id: String
    public var status: Status
    public var version: Int?
    /// The view users query, `<schema>.<id with - as _>`.
    public var view: String?
    /// The version's table, `<schema>.<id with - as _>_v<N>`.
    public var table: String?
    public var rows: Int?
    public var reason: String?
    public var code: String?

    public init(
        id: String, status: Status, version: Int? = nil, view: String? = nil, table: String? = nil, rows: Int? = nil,
        reason: String? = nil, code: String? = nil
    ) {
        self.id = id
        self.status = status
        self.version = version
        self.view = view
        self.table = table
        self.rows = rows
        self.reason = reason
        self.code = code
    }
}
