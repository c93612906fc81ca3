import Foundation

/// How a release runs.
public struct ReleaseOptions: Sendable {
    /// Rebuild even when the inputs are unchanged.
    public var force: Bool
    /// Build and check everything, publish nothing.
    public var dryRun: Bool
    /// Datasets built at once; defaults to the number of cores.
    public var parallelism: Int

    public init(force: Bool = false, dryRun: Bool = false, parallelism: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.force = force
        self.dryRun = dryRun
        self.parallelism = max(1, parallelism)
    }
}

/// `lumpini release`: every dataset (or the named ones) released into the public tree under an
/// exclusive lock, in parallel (bounded by `parallelism`), one dataset's failure never stopping
/// or touching the others.
public struct ReleaseRunner: Sendable {
    public let workspace: Workspace
    public let pipeline: any PublishPipeline
    public let options: ReleaseOptions
    /// The release time written into manifests: `SOURCE_DATE_EPOCH` when set (reproducible builds), else now.
    public let releasedAt: String
    /// Reads each published GeoJSON while it is written: the catalogue's feature index.
    public let geoJSONFollowing: (any GeoJSONFollowing)?

    public init(
        workspace: Workspace, pipeline: any PublishPipeline, options: ReleaseOptions = ReleaseOptions(),
        environment: [String: String] = ProcessInfo.processInfo.environment, geoJSONFollowing: (any GeoJSONFollowing)? = nil
    ) {
        self.workspace = workspace
        self.pipeline = pipeline
        self.options = options
        self.geoJSONFollowing = geoJSONFollowing
        releasedAt = Self.releaseTime(environment: environment)
    }

    public var tree: ReleaseTree { ReleaseTree(root: workspace.publicRoot) }

    /// Releases `ids` (every dataset of the workspace when nil).
    /// - Throws: `LumpiniError` before anything is built: an unknown id (exit 2), the lock held by
    ///   another release (exit 2), a public tree inside the datasets or work folders or left
    ///   inconsistent (exit 2, see `PublicTreeState`), a public tree that cannot be written. Dataset failures do not
    ///   throw: they are in the summary.
    public func run(ids: [String]? = nil, progress: @escaping @Sendable (ReleaseEvent) -> Void = { _ in }) async throws -> ReleaseSummary {
        let known = try workspace.datasetIDs()
        let selected = ids ?? known
        if let unknown = selected.first(where: { !known.contains($0) }) {
            throw LumpiniError(
                "dataset-unknown", "no dataset \"\(unknown)\" in \(workspace.datasetsDirectory.path)", kind: .input,
                hint: "the id is the folder name under datasets/ holding a dataset.yaml"
            )
        }
        try workspace.requirePublicTreeApart()
        try PublicTreeState.requireBookkeeping(tree)
        let lock = try ReleaseLock.acquire(tree, startedAt: releasedAt)
        defer { lock.release() }
        let interrupted = try PublicTreeState.requireConsistent(tree)
        // A dry run changes nothing, not even to finish what a crashed release left.
        if !options.dryRun { try VersionCommit(tree: tree).completeInterrupted(interrupted) }
        let vocabularies = try InputHashes.vocabulariesHash(in: workspace)

        let order = ReleaseOrder(ids: selected, inputsOf: derivedInputs)
        var outcomes: [DatasetOutcome] = order.cycles.keys.sorted().map { id in
            let outcome = DatasetOutcome(
                id: id, status: .failed, reason: "its inputs form a cycle: \(order.cycles[id]!) — a dataset cannot derive from itself, even through others",
                code: "derive-cycle"
            )
            progress(.finished(outcome))
            return outcome
        }
        for wave in order.waves {
            var releases: [DatasetRelease] = []
            for id in wave {
                if let failure = failedInput(of: id, order: order, outcomes: outcomes) {
                    progress(.finished(failure))
                    outcomes.append(failure)
                    continue
                }
                releases.append(DatasetRelease(
                    id: id, workspace: workspace, tree: tree, pipeline: pipeline, options: options,
                    releasedAt: releasedAt, vocabulariesHash: vocabularies, geoJSONFollowing: geoJSONFollowing
                ))
            }
            outcomes += await build(releases, progress: progress)
        }
        return ReleaseSummary(publicRoot: tree.root.path, dryRun: options.dryRun, outcomes: outcomes)
    }

    /// The ids dataset `id` derives from; nil when it is not derived. Only a `dataset.yaml` that says
    /// `derive:` is parsed, so a release of ordinary datasets reads none twice.
    private func derivedInputs(_ id: String) -> [String]? {
        let file = workspace.datasetDirectory(id).appendingPathComponent(DatasetDescription.fileName)
        guard let text = try? String(contentsOf: file, encoding: .utf8), text.contains("derive:") else { return nil }
        return (try? pipeline.describe(id, in: workspace))?.derivation?.inputIDs
    }

    /// A failed outcome for a derived dataset whose input failed earlier in this release; nil otherwise.
    private func failedInput(of id: String, order: ReleaseOrder, outcomes: [DatasetOutcome]) -> DatasetOutcome? {
        for input in order.inputs[id] ?? [] {
            guard let failed = outcomes.first(where: { $0.id == input && $0.status == .failed }) else { continue }
            return DatasetOutcome(
                id: id, status: .failed, reason: "its input \(input) failed in this release (\(failed.reason ?? failed.code ?? "failed")); it was not derived from an older version",
                code: "derive-input-failed"
            )
        }
        return nil
    }

    /// Builds `releases` in parallel, at most `parallelism` at once.
    private func build(_ releases: [DatasetRelease], progress: @escaping @Sendable (ReleaseEvent) -> Void) async -> [DatasetOutcome] {
        await withTaskGroup(of: DatasetOutcome.self) { group in
            var pending = releases.makeIterator()
            for _ in 0..<options.parallelism {
                guard let release = pending.next() else { break }
                group.addTask { release.run(progress: progress) }
            }
            var outcomes: [DatasetOutcome] = []
            for await outcome in group {
                outcomes.append(outcome)
                if let release = pending.next() {
                    group.addTask { release.run(progress: progress) }
                }
            }
            return outcomes
        }
    }

    public static func releaseTime(environment: [String: String]) -> String {
        let date = environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init).map(Date.init(timeIntervalSince1970:)) ?? Date()
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
