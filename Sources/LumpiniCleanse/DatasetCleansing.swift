import Foundation
import GDAL

/// A dataset's source files read one after another and cleansed by its recipe, record by record.
/// This is what the publish stage pulls from: each call to `next()` gives the next record kept
/// or quarantined; `finish()` gives the report and checks that the counts add up.
///
/// ```swift
/// let cleansing = try DatasetCleansing(description: description, workspace: workspace)
/// while let outcome = try cleansing.next() {
///     switch outcome {
///     case .kept(let record): …             // cleansing.fields names record.values
///     case .quarantined(let entry): …
///     }
/// }
/// let report = try cleansing.finish()
/// ```
/// Not `Sendable`: it holds GDAL datasets and belongs to the task that runs it.
public final class DatasetCleansing {
    public let description: DatasetDescription
    /// The fields of the records that come out.
    public var fields: [String] { runner.outputFields }
    /// The fields of the source, as read.
    public let sourceFields: [String]
    /// Whether records carry geometries (the source has them, or a step makes them).
    public let hasGeometry: Bool
    private let runner: RecipeRunner
    private let directory: URL
    private var pendingPaths: [String]
    private var currentPath: String
    private var rows: SourceRows
    private var rowsRead = 0
    /// The last record read from the source, before the recipe changed it, and its position among the
    /// records of its file.
    private var lastRead: Record?
    private var recordInFile = 0

    /// Opens the first source file and builds the recipe against its fields.
    /// - Throws: `LumpiniError` for a source that cannot be read, an encoding Lumpini does not know,
    ///   a recipe that does not fit the fields (naming the line of `dataset.yaml`), columns that would be
    ///   published without a name or under the name of another (`ColumnNames`).
    public convenience init(description: DatasetDescription, workspace: Workspace, vocabularies: Vocabularies? = nil) throws {
        let directory = workspace.datasetDirectory(description.id)
        let file = "datasets/\(description.id)/\(DatasetDescription.fileName)"
        try SourcePathPolicy.check(try Self.source(of: description), datasetDirectory: directory, file: file)
        try self.init(description: description, directory: directory, vocabularies: vocabularies ?? Vocabularies.load(from: workspace))
    }

    /// The source files of `description`, or why there are none: a derived dataset is computed by a release.
    static func source(of description: DatasetDescription) throws -> SourceDescription {
        guard let source = description.source else {
            throw LumpiniError(
                "derived-dataset", "\(description.id) is derived from other datasets: it has no source files to read", kind: .input,
                file: "datasets/\(description.id)/\(DatasetDescription.fileName)", field: "derive",
                hint: "`lumpini release \(description.id)` computes it from its inputs' published versions"
            )
        }
        return source
    }

    /// The sources as `description` declares them, their paths taken from `directory`: for a
    /// description not (yet) in a workspace, such as the draft `inspect` and `new` try their
    /// suggested recipe with. The caller has checked the paths.
    package convenience init(description: DatasetDescription, directory: URL, vocabularies: Vocabularies) throws {
        var paths = try Self.source(of: description).paths
        let first = paths.removeFirst()
        try self.init(
            description: description, directory: directory, vocabularies: vocabularies,
            reader: try Self.open(first, description: description, directory: directory), path: first, pendingPaths: paths
        )
    }

    /// Records that come from no file of the dataset's folder (a derived dataset's computed rows), cleansed,
    /// counted and set aside as a source's are; the quarantine names the reader's `path` as their source.
    package convenience init(description: DatasetDescription, directory: URL, vocabularies: Vocabularies, computed reader: SourceReader) throws {
        try self.init(description: description, directory: directory, vocabularies: vocabularies, reader: reader, path: reader.path, pendingPaths: [])
    }

    private init(
        description: DatasetDescription, directory: URL, vocabularies: Vocabularies, reader: SourceReader, path: String, pendingPaths: [String]
    ) throws {
        self.description = description
        self.directory = directory
        let file = "datasets/\(description.id)/\(DatasetDescription.fileName)"
        self.pendingPaths = pendingPaths
        currentPath = path
        sourceFields = reader.header
        let sourceCRS = try description.source?.crs ?? reader.spatialReference.map { try $0.wkt() }
        let context = CleansingContext(
            datasetID: description.id, descriptionFile: file, districts: vocabularies.districts,
            area: try DatasetArea.of(description, datasetDirectory: directory), sourceCRS: sourceCRS,
            precision: description.outputs.precision, coordinateColumns: description.source?.coordinates,
            wktColumn: description.source?.wktColumn
        )
        runner = try RecipeRunner(recipe: description.recipe, inputFields: reader.header, context: context)
        try ColumnNames.requireDistinct(runner.outputFields, sourceHeader: reader.header, file: reader.path)
        if reader.format == .csv {
            try ColumnNames.requireNoStraySeparator(
                runner.outputFields, delimiter: description.source?.delimiter ?? ",", sourceHeader: reader.header, file: reader.path
            )
        }
        let makesGeometry = description.recipe.contains { $0.name == PointsFromColumns.name || $0.name == GeometryFromWKT.name }
        hasGeometry = makesGeometry || ![.none, .unknown].contains(reader.geometryType) || (reader.geometryType == .unknown && !reader.format.isTable)
        rows = SourceRows(reader, leading: runner.leading)
    }

    static func open(_ path: String, description: DatasetDescription, directory: URL) throws -> SourceReader {
        let source = try Self.source(of: description)
        var encoding: TextEncoding?
        if let name = source.encoding {
            guard let known = TextEncoding(named: name) else {
                throw LumpiniError(
                    "unknown-encoding", "the encoding \"\(name)\" is not one Lumpini reads", kind: .input,
                    file: "datasets/\(description.id)/\(DatasetDescription.fileName)", field: "source.encoding",
                    hint: "use UTF-8, TIS-620, Windows-874, UTF-16LE, UTF-16BE or Windows-1252"
                )
            }
            encoding = known
        }
        let declared = SourceDeclarations(
            layer: source.layer, encoding: encoding, crs: source.crs, headerRow: source.headerRow,
            headerRows: source.headerRows, delimiter: source.delimiter
        )
        return try SourceReader(path: directory.appendingPathComponent(path).path, declared: declared)
    }

    /// The next record, kept or quarantined; nil after the last row of the last file.
    public func next() throws -> CleansingOutcome? {
        while true {
            if let row = try rows.next() {
                rowsRead += 1
                recordInFile += 1
                let outcome: CleansingOutcome
                switch row {
                case .read(let record, let reader):
                    lastRead = record
                    if let problem = reader.unreadableGeometry(record) {
                        return .quarantined(located(runner.quarantine(record, reason: "unreadable-geometry", message: problem, field: "geometry")))
                    }
                    outcome = try runner.process(record)
                case .readAhead(.passed(let passed)):
                    lastRead = Record(rowNumber: passed.rowNumber, values: passed.valuesAsRead)
                    outcome = try runner.process(passed)
                case .readAhead(.setAside(let entry)):
                    outcome = .quarantined(entry)
                }
                switch outcome {
                case .kept: return outcome
                case .quarantined(let entry): return .quarantined(located(entry))
                }
            }
            guard !pendingPaths.isEmpty else { return nil }
            currentPath = pendingPaths.removeFirst()
            recordInFile = 0
            let reader = try Self.open(currentPath, description: description, directory: directory)
            guard reader.header == sourceFields else {
                throw LumpiniError(
                    "source-fields-differ", "the fields differ from those of \(description.source?.paths.first ?? "the first file")", kind: .input,
                    file: "datasets/\(description.id)/\(currentPath)",
                    hint: "the source files of one dataset must have the same columns in the same order"
                )
            }
            rows = SourceRows(reader, leading: runner.leading)
        }
    }

    /// The quarantine entry of the record `next()` just kept, for a later stage that sets it aside:
    /// the row as the source gave it (values and geometry before the recipe), as the recipe's own
    /// entries hold it, so the quarantine shows every row set aside the same way.
    public func entry(settingAside record: Record, reason: String, message: String, field: String?) -> QuarantineEntry {
        let source = lastRead ?? record
        return located(QuarantineEntry(
            row: record.rowNumber, reason: reason, message: message, field: field, values: source.values, geometryWKT: source.geometry.map { $0.wkt }
        ))
    }

    /// `entry` with the file it was read from and its record number there.
    private func located(_ entry: QuarantineEntry) -> QuarantineEntry {
        var located = entry
        located.source = currentPath
        located.record = recordInFile
        return located
    }

    /// The report; throws when the rows read differ from the rows the recipe saw, or when
    /// rows in ≠ kept + quarantined.
    public func finish(quarantineFile: String? = nil, outputFile: String? = nil) throws -> CleansingReport {
        let report = try runner.finish(quarantineFile: quarantineFile, outputFile: outputFile)
        guard report.rowsIn == rowsRead else {
            throw LumpiniError("rows-unbalanced", "\(rowsRead) rows read but \(report.rowsIn) cleansed", kind: .internal, file: "datasets/\(description.id)")
        }
        return report
    }
}
