import Foundation
import GDAL

/// Releases one dataset: skips it when its inputs are unchanged, otherwise builds a version in
/// staging and publishes it when the governance gate allows (or discards it for dry runs and
/// datasets awaiting approval). Never throws: every failure becomes a `failed` outcome, and the
/// staging folder of a failed build is removed.
struct DatasetRelease: Sendable {
    let id: String
    let workspace: Workspace
    let tree: ReleaseTree
    let pipeline: any PublishPipeline
    let options: ReleaseOptions
    let releasedAt: String
    let vocabulariesHash: String?
    let geoJSONFollowing: (any GeoJSONFollowing)?

    func run(progress: @Sendable (ReleaseEvent) -> Void) -> DatasetOutcome {
        progress(.started(id: id))
        let outcome: DatasetOutcome
        do {
            outcome = try release(progress: progress)
        } catch let error as LumpiniError {
            outcome = DatasetOutcome(id: id, status: .failed, reason: error.description, code: error.code)
        } catch let error as GDALError {
            outcome = DatasetOutcome(id: id, status: .failed, reason: error.description, code: "gdal-error")
        } catch {
            outcome = DatasetOutcome(id: id, status: .failed, reason: "internal error: \(error)", code: "internal")
        }
        progress(.finished(outcome))
        return outcome
    }

    /// Skips the dataset when its inputs, hashed where they are, are those of the latest version: the
    /// decision publishes nothing, so a file swapped meanwhile can change it but never what is published.
    /// Otherwise hashes and builds from a snapshot of the dataset's folder (`DatasetSnapshot`), so the
    /// bytes recorded in the manifest are the bytes read; errors name the real files.
    private func release(progress: @Sendable (ReleaseEvent) -> Void) throws -> DatasetOutcome {
        // The latest version, while this release's inputs may still prove to be its.
        var undecided = options.force ? nil : tree.latestInputHash(id)
        if let latest = undecided {
            // An unchanged dataset.yaml names the schema it named before: inputs are hashed without parsing it.
            if let current = try InputHashes.computeIfDescriptionUnchanged(recorded: latest.inputs, id: id, in: workspace, vocabularies: vocabulariesHash) {
                if current.inputHash() == latest.inputHash { return DatasetOutcome(id: id, status: .unchanged, version: latest.version) }
                // Decided: the snapshot's hashes only go to the manifest, and are not needed first.
                undecided = nil
            }
        }
        let snapshot = try DatasetSnapshot.take(id, of: workspace)
        defer { snapshot.remove() }
        do {
            return try release(reading: snapshot.workspace(workspace), undecided: undecided, progress: progress)
        } catch let error as LumpiniError {
            throw snapshot.restoringPaths(error)
        }
    }

    /// - Parameter undecided: the latest version, when this release's hashes must still say whether its
    ///   inputs are that version's (a dataset.yaml changed, or a manifest that does not name its schema file).
    private func release(reading workspace: Workspace, undecided: ManifestInputHash?, progress: @Sendable (ReleaseEvent) -> Void) throws -> DatasetOutcome {
        let dataset = try pipeline.describe(id, in: workspace)
        let compute: @Sendable () throws -> InputHashes = { [id, vocabulariesHash] in
            try InputHashes.compute(id: id, schema: dataset.schema, in: workspace, vocabularies: vocabulariesHash, derivation: dataset.derivation)
        }
        let inputs: PendingInputHashes
        // A release that may still be skipped waits for its hashes, and a derived one reads what its
        // hashes name. Otherwise the hashes wait for the manifest, computed meanwhile.
        if let latest = undecided {
            let hashes = try compute()
            if latest.inputHash == hashes.inputHash() { return DatasetOutcome(id: id, status: .unchanged, version: latest.version) }
            inputs = PendingInputHashes(hashes)
        } else if dataset.derivation != nil {
            inputs = PendingInputHashes(try compute())
        } else {
            inputs = PendingInputHashes(computing: compute)
        }
        // Whatever happens to the version, nothing keeps reading the snapshot once the release is over.
        defer { _ = try? inputs.value() }
        let derivedFrom = dataset.derivation == nil ? nil : try inputs.value().derivedFrom

        let gate = governanceGate(dataset.metadata)
        let publish = gate == nil && !options.dryRun
        let previousVersion = tree.latestVersion(id)
        let version = (tree.versions(id).last ?? 0) + 1
        let commit = VersionCommit(tree: tree)
        let staging = try commit.makeStaging(for: id)
        do {
            let records = try pipeline.records(of: dataset, in: workspace, derivedFrom: derivedFrom)
            let builder = VersionBuilder(
                dataset: dataset, inputs: inputs, version: version, previousVersion: previousVersion,
                tree: tree, releasedAt: releasedAt, geoJSONFollowing: publish ? geoJSONFollowing : nil
            )
            let manifest = try builder.build(from: records, into: staging) { rows in
                progress(.rows(id: id, count: rows))
            }
            let counts = manifest.counts
            guard publish else {
                commit.discard(staging)
                // A dry run of a derived dataset says what it read: the inputs as published now.
                let reads = derivedFrom.map { "reads " + $0.map { "\($0.id) v\($0.version) \($0.file)" }.joined(separator: ", ") }
                return DatasetOutcome(
                    id: id, status: gate == nil ? .wouldPublish : .awaitingApproval, version: version, reason: gate ?? reads,
                    rowsIn: counts.rowsIn, rowsPublished: counts.rowsPublished, rowsQuarantined: counts.rowsQuarantined
                )
            }
            try commit.commit(staging, id: id, version: version)
            return DatasetOutcome(
                id: id, status: .published, version: version, rowsIn: counts.rowsIn, rowsPublished: counts.rowsPublished,
                rowsQuarantined: counts.rowsQuarantined, path: tree.versionDirectory(id, version: version).path
            )
        } catch {
            commit.discard(staging)
            throw error
        }
    }

    /// Why the dataset may not be published yet, or nil when it may.
    private func governanceGate(_ metadata: DatasetMetadata) -> String? {
        var reasons: [String] = []
        let governance = metadata.governance
        if !governance.isApproved {
            if governance.status != .approved {
                reasons.append("governance status is \(governance.status.rawValue), not approved")
            } else {
                reasons.append("the approval does not record who approved it and when (governance.approvedBy, governance.approvedOn)")
            }
        }
        if metadata.classification != .public {
            reasons.append("classification is \(metadata.classification.rawValue), not public")
        }
        return reasons.isEmpty ? nil : reasons.joined(separator: "; ")
    }
}
