import Foundation
import GDAL

/// Writes one complete version of a dataset into a staging folder: the data files in one
/// streaming pass, the read-back check, the changelog, reports, `datapackage.json`, `README.md`,
/// and `manifest.json` last. Nothing here touches the public part of the tree.
///
/// Runs inside the one task that owns the dataset's records and GDAL handles.
struct VersionBuilder {
    let dataset: DatasetDescription
    let inputs: InputHashes
    let version: Int
    /// The version `latest` led to before this one, for the changelog.
    let previousVersion: Int?
    let tree: ReleaseTree
    let releasedAt: String

    /// Every how many rows `progress` is called.
    static let progressInterval = 65_536

    /// Builds the version into `staging` (an empty folder) and returns its manifest.
    /// - Throws: `LumpiniError` for data that cannot be published, a failed check, or an I/O failure.
    func build(from records: any PublishableRecords, into staging: URL, progress: (Int) -> Void) throws -> Manifest {
        let id = dataset.id
        var table = records.table
        table.precision = dataset.outputs.precision
        let formats = try publishedFormats(for: table)
        func path(_ format: PublishedFormat) -> String {
            staging.appendingPathComponent(format.fileName(id: id)).path
        }

        let encoder = CSVRowEncoder(table: table)
        let geoJSON = try formats.contains(.geoJSON) ? GeoJSONWriter(path: path(.geoJSON), table: table) : nil
        let csv = try formats.contains(.csv) ? CSVWriter(path: path(.csv), encoder: encoder, byteOrderMark: dataset.outputs.csvBOM) : nil
        let others = try formats.filter { $0.gdalDriver != nil }.map { format in
            try GDALFormatWriter(format: format, path: path(format), id: id, table: table)
        }
        let changelog = try ChangelogTracker(table: table, previousCSV: previousCSVPath())
        let readBack = ReadBackCheck(table: table)
        var geometryTypes = Set<GeometryType>()

        var written = 0
        let outcome = try Self.inTransactions(others) {
            try records.forEach { record in
                try geoJSON?.write(record)
                if let csv {
                    try csv.write(record)
                } else {
                    try encoder.encode(record)
                }
                changelog.observe(encoder)
                for writer in others {
                    try writer.write(record)
                }
                try readBack.observe(record)
                if let geometry = record.geometry, !geometry.isEmpty {
                    geometryTypes.insert(geometry.type)
                }
                written += 1
                if written == 1 { PausePoint.writing.reach() }
                if written % Self.progressInterval == 0 { progress(written) }
            }
        }
        progress(written)
        guard outcome.rowsIn == written + outcome.rowsQuarantined else {
            throw LumpiniError(
                "rows-do-not-add-up",
                "\(outcome.rowsIn) rows read but \(written) published and \(outcome.rowsQuarantined) quarantined",
                kind: .internal, hint: "this is a bug: every row must be published or quarantined; nothing was released"
            )
        }

        var dataFiles: [Manifest.File] = []
        if let geoJSON { dataFiles.append(try geoJSON.finish()) }
        if let csv { dataFiles.append(try csv.finish()) }
        for writer in others {
            dataFiles.append(try writer.finish())
        }
        if geoJSON != nil { try readBack.checkGeoJSON(at: path(.geoJSON), count: written) }
        if csv != nil { try readBack.checkCSV(at: path(.csv), count: written) }
        PausePoint.dataWritten.reach()

        let counts = Manifest.Counts(
            rowsIn: outcome.rowsIn, rowsPublished: written, rowsQuarantined: outcome.rowsQuarantined,
            features: geoJSON?.featureCount ?? 0
        )
        let extent = geoJSON?.extent
        var files = dataFiles
        let package = DataPackageDescriptor(dataset: dataset, table: table, version: version, releasedAt: releasedAt, dataFiles: dataFiles)
        files.append(try writeFile(DataPackageDescriptor.fileName, JSONOutput.data(package), in: staging, format: "JSON", mediaType: "application/json", role: .metadata))
        let readme = DatasetReadme(
            dataset: dataset, table: table, version: version, releasedAt: releasedAt, counts: counts, extent: extent, dataFiles: dataFiles,
            csvSeparatorMisread: readBack.csvSeparatorMisread, readBack: readBack.readers
        )
        files.append(try writeFile(DatasetReadme.fileName, Data(readme.text.utf8), in: staging, format: "Markdown", mediaType: "text/markdown", role: .documentation))
        for report in outcome.reports.sorted(by: { $0.name < $1.name }) {
            files.append(try writeFile(report.name, report.contents, in: staging, format: "JSON", mediaType: "application/json", role: .report))
        }
        let changes = try changelog.finish(id: id, version: version, previousVersion: previousVersion)
        files.append(try writeFile(Changelog.fileName, JSONOutput.data(changes), in: staging, format: "JSON", mediaType: "application/json", role: .report))

        let manifest = Manifest(
            id: id, version: version, releasedAt: releasedAt, inputs: inputs, counts: counts, extent: extent,
            geometryType: Self.geometryTypeName(geometryTypes, table: table), quality: outcome.quality,
            files: files, metadata: dataset.metadata
        )
        _ = try writeFile(Manifest.fileName, JSONOutput.data(manifest), in: staging, format: "JSON", mediaType: "application/json", role: .metadata)
        try Durability.sync(staging.path)
        return manifest
    }

    /// The formats `dataset.yaml` asks for, without GeoJSON for a table without geometry.
    private func publishedFormats(for table: OutputTable) throws -> [PublishedFormat] {
        var formats: [PublishedFormat] = []
        for option in dataset.outputs.formats {
            let format = PublishedFormat(option)
            if format == .geoJSON && !table.hasGeometry { continue }
            if !formats.contains(format) { formats.append(format) }
        }
        guard !formats.isEmpty else {
            throw LumpiniError(
                "no-output-format", "dataset.yaml asks for no format this dataset can be published in", kind: .input,
                field: "outputs.formats", hint: "list at least csv (and geojson for data with geometry)"
            )
        }
        return formats
    }

    private func previousCSVPath() -> String? {
        guard let previousVersion else { return nil }
        let path = tree.versionDirectory(dataset.id, version: previousVersion)
            .appendingPathComponent(PublishedFormat.csv.fileName(id: dataset.id)).path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    private func writeFile(
        _ name: String, _ contents: Data, in folder: URL, format: String, mediaType: String, role: Manifest.File.Role
    ) throws -> Manifest.File {
        var writer = try BufferedFileWriter(path: folder.appendingPathComponent(name).path, capacity: max(contents.count, 1))
        contents.withUnsafeBytes { writer.append($0) }
        let (size, sha256) = try writer.finish()
        return Manifest.File(path: name, format: format, mediaType: mediaType, size: size, sha256: sha256, role: role)
    }

    private static func inTransactions<T>(_ writers: [GDALFormatWriter], _ body: () throws -> T) throws -> T {
        guard let first = writers.first else { return try body() }
        return try first.inTransaction { try inTransactions(Array(writers.dropFirst()), body) }
    }

    private static func geometryTypeName(_ seen: Set<GeometryType>, table: OutputTable) -> String? {
        guard table.hasGeometry, !seen.isEmpty else { return nil }
        return seen.count == 1 ? seen.first!.rawValue : "Mixed"
    }
}
