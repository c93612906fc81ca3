import Foundation

/// Where `lumpini cleanse` and a release write, under the workspace's `.lumpini/` (never public):
/// the cleansed records, the quarantine and the reports of one dataset.
public struct CleansingFiles: Sendable {
    public let workspace: Workspace
    public let datasetID: String

    public init(workspace: Workspace, datasetID: String) {
        self.workspace = workspace
        self.datasetID = datasetID
    }

    /// `.lumpini/cleansed/<id>/<id>.csv`: the kept records, with the geometry as WKT.
    public var records: URL { workspace.workDirectory.appendingPathComponent("cleansed/\(datasetID)/\(datasetID).csv") }
    /// `.lumpini/cleansed/<id>/cleansing-report.json` and `.txt`.
    public var reportJSON: URL { workspace.workDirectory.appendingPathComponent("cleansed/\(datasetID)/cleansing-report.json") }
    public var reportText: URL { workspace.workDirectory.appendingPathComponent("cleansed/\(datasetID)/cleansing-report.txt") }
    /// `.lumpini/reports/<id>/`: a release's cleansing and validation reports in full, values unmasked
    /// (the public tree holds masked copies).
    public var fullReports: URL { workspace.workDirectory.appendingPathComponent("reports/\(datasetID)", isDirectory: true) }
    /// `.lumpini/quarantine/<id>/quarantine.csv`: rows that may not be public.
    public var quarantine: URL { workspace.workDirectory.appendingPathComponent("quarantine/\(datasetID)/quarantine.csv") }

    /// A path relative to the root, for reports.
    public func relative(_ url: URL) -> String {
        let root = workspace.root.path.hasSuffix("/") ? workspace.root.path : workspace.root.path + "/"
        return url.path.hasPrefix(root) ? String(url.path.dropFirst(root.count)) : url.path
    }
}
