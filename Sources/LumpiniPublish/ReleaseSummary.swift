/// What happened to one dataset in a release.
public struct DatasetOutcome: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        /// A new version is public.
        case published
        /// Inputs unchanged since the latest version: nothing was built.
        case unchanged
        /// Built and checked as a dry run; not published until the governance committee approves it.
        case awaitingApproval
        /// `--dry-run`: built and checked, would have been published.
        case wouldPublish
        case failed
    }

    public var id: String
    public var status: Status
    /// The new version (published), the current one (unchanged), the one it would get (dry runs).
    public var version: Int?
    public var reason: String?
    /// The error's stable code, for failures.
    public var code: String?
    public var rowsIn: Int?
    public var rowsPublished: Int?
    public var rowsQuarantined: Int?
    /// The version folder, for published datasets.
    public var path: String?

    public init(
        id: String, status: Status, version: Int? = nil, reason: String? = nil, code: String? = nil,
        rowsIn: Int? = nil, rowsPublished: Int? = nil, rowsQuarantined: Int? = nil, path: String? = nil
    ) {
        self.id = id
        self.status = status
        self.version = version
        self.reason = reason
        self.code = code
        self.rowsIn = rowsIn
        self.rowsPublished = rowsPublished
        self.rowsQuarantined = rowsQuarantined
        self.path = path
    }
}

/// The result of `lumpini release`, and its `--json` form (keys stable: automation relies on them).
public struct ReleaseSummary: Codable, Sendable, Equatable {
    public var publicRoot: String
    public var dryRun: Bool
    public var published: [DatasetOutcome]
    public var unchanged: [DatasetOutcome]
    public var awaitingApproval: [DatasetOutcome]
    public var wouldPublish: [DatasetOutcome]
    public var failed: [DatasetOutcome]
    /// Whether the catalogue index was brought up to date after the release; nil until the caller has tried.
    public var catalogueIndex: CatalogueIndexState?
    /// What was loaded into the GIS database; nil when the release had no `--database` (or was a dry run).
    public var database: DatabaseLoadSummary?

    /// What became of the catalogue index after a release.
    public enum CatalogueIndexState: String, Codable, Sendable {
        case updated
        /// The release is complete and public, but the index still describes the tree before it:
        /// `lumpini catalog build` rebuilds it from the manifests.
        case stale
        /// A dry run: nothing was published, so nothing was indexed.
        case untouched
    }

    public init(publicRoot: String, dryRun: Bool, outcomes: [DatasetOutcome]) {
        self.publicRoot = publicRoot
        self.dryRun = dryRun
        let sorted = outcomes.sorted { $0.id < $1.id }
        published = sorted.filter { $0.status == .published }
        unchanged = sorted.filter { $0.status == .unchanged }
        awaitingApproval = sorted.filter { $0.status == .awaitingApproval }
        wouldPublish = sorted.filter { $0.status == .wouldPublish }
        failed = sorted.filter { $0.status == .failed }
    }

    /// 0 when every dataset succeeded, 1 when any failed (in the release or in the database), 4 when
    /// every dataset succeeded and only the catalogue index could not be updated (the release stands;
    /// the index is stale).
    public var exitCode: Int32 {
        if !failed.isEmpty || !(database?.failed.isEmpty ?? true) { return 1 }
        return catalogueIndex == .stale ? 4 : 0
    }
}

/// Progress of a release, reported as it happens.
public enum ReleaseEvent: Sendable {
    case started(id: String)
    case rows(id: String, count: Int)
    case finished(DatasetOutcome)
}
