import Foundation

/// The stages before publishing (load → ingest → cleanse → validate), as the release sees them.
///
/// A release calls `describe` for every dataset (cheap: it decides whether the dataset changed),
/// then `records` inside the one task that consumes them.
public protocol PublishPipeline: Sendable {
    /// Reads and checks `datasets/<id>/dataset.yaml`.
    /// - Throws: `LumpiniError` naming the file and key when it is malformed.
    func describe(_ id: String, in workspace: Workspace) throws -> DatasetDescription

    /// Opens the dataset's valid records for publishing.
    /// - Parameter derivedFrom: for a derived dataset, the published files its input hash resolved: the
    ///   rows are computed from exactly these, so the manifest's `derivedFrom` names what was read.
    func records(of dataset: DatasetDescription, in workspace: Workspace, derivedFrom: [DerivedSource]?) throws -> any PublishableRecords
}

/// One dataset's cleansed and validated records, streamed once.
///
/// Not `Sendable`: its records carry GDAL geometries and belong to the task that reads them.
public protocol PublishableRecords {
    /// The published columns, key, geometry type and precision.
    var table: OutputTable { get }

    /// Streams every record that passed cleansing and validation to `body`, in source order;
    /// the others are quarantined by the pipeline. Returns what happened once all rows are read.
    func forEach(_ body: (Record) throws -> Void) throws -> PipelineOutcome
}

/// What the pipeline reports once a dataset's rows are read.
public struct PipelineOutcome: Sendable {
    public var rowsIn: Int
    public var rowsQuarantined: Int
    /// `rowsQuarantined` by stage and reason, when the pipeline tells them apart.
    public var quarantineReasons: QuarantineReasons?
    public var quality: Manifest.Quality
    /// `cleansing-report.json`, `validation-report.json`: copied into the version as they are.
    public var reports: [ReportFile]
    /// The published columns holding cells a spreadsheet would run as formulas, which the README names.
    public var formulaColumns: [String]

    public init(
        rowsIn: Int, rowsQuarantined: Int, quarantineReasons: QuarantineReasons? = nil, quality: Manifest.Quality, reports: [ReportFile],
        formulaColumns: [String] = []
    ) {
        self.rowsIn = rowsIn
        self.rowsQuarantined = rowsQuarantined
        self.quarantineReasons = quarantineReasons
        self.quality = quality
        self.reports = reports
        self.formulaColumns = formulaColumns
    }
}

/// A report file placed in every version.
public struct ReportFile: Sendable, Equatable {
    public var name: String
    public var contents: Data

    public init(name: String, contents: Data) {
        self.name = name
        self.contents = contents
    }
}
