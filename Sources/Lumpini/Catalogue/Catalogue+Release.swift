import Foundation

extension Catalogue {
    /// Brings the index up to date after a release: records every version it published, re-records
    /// an unchanged dataset whose latest version the index lacks (a release stopped between switching
    /// `latest` and updating the index), and records the datasets it built but did not publish, so the
    /// progress toward the high-value target counts them. Call it after a release that was not a dry run.
    public func update(after summary: ReleaseSummary, workspace: Workspace) throws {
        let tree = ReleaseTree(root: workspace.publicRoot)
        for outcome in summary.published {
            try record(manifestAt: tree.versionDirectory(outcome.id, version: outcome.version ?? 0).appendingPathComponent(Manifest.fileName))
        }
        let recorded = try recordedLatestVersions()
        for outcome in summary.unchanged where recorded[outcome.id] != outcome.version {
            guard let version = outcome.version else { continue }
            try record(manifestAt: tree.versionDirectory(outcome.id, version: version).appendingPathComponent(Manifest.fileName))
        }
        for outcome in summary.awaitingApproval + summary.failed where recorded[outcome.id] == nil {
            guard let description = try? DatasetLoader.load(id: outcome.id, in: workspace) else { continue }
            try recordUnpublished(description.metadata, reason: outcome.reason)
        }
    }
}
