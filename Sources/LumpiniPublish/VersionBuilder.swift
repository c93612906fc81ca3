import Foundation
import GDAL

/// Writes one complete version of a dataset into a staging folder: the data files in one
/// streaming pass, the read-back check, the changelog, reports, `datapackage.json`, `README.md`,
/// and `manifest.json` last. Nothing here touches the public part of the tree.
///
/// Runs inside the one task that owns the dataset's records and GDAL handles.
struct VersionBuilder {
    let dataset: DatasetDescription
    let inputs: PendingInputHashes
    let version: Int
    /// The version `latest` led to before this one, for the changelog.
    let previousVersion: Int?
    let tree: ReleaseTree
    let releasedAt: String
    /// Reads the GeoJSON while it is written (the catalogue's feature index); nil for a version that will not be published.
    var geoJSONFollowing: (any GeoJSONFollowing)? = nil

    /// Every how many rows `progress` is called.
    static let progressInterval = 65_536

    /// Builds the version into `staging` (an empty folder) and returns its manifest.
    /// - Throws: `LumpiniError` for data that cannot be published, a failed check, or an I/O failure.
    func build(from records: any PublishableRecords, into staging: URL, progress: (Int) -> Void) throws -> Manifest {
        var table = records.table
        table.precision = dataset.outputs.precision
        table.csvGeometry = dataset.outputs.csvGeometry
        let formats = try publishedFormats(for: table)
        let follower = formats.contains(.geoJSON)
            ? geoJSONFollowing?.follower(id: dataset.id, fields: table.fields.map { ($0.name, $0.type.rawValue) }) : nil
        do {
            let manifest = try writeFiles(of: records, table: table, formats: formats, follower: follower, into: staging, progress: progress)
            // The follower's last work (the index's sorted keys) ran while the other files were finished and read back.
            follower?.complete()
            return manifest
        } catch {
            follower?.cancel()
            throw error
        }
    }

    /// The data files in one pass, then the metadata; the follower is left for `build` to complete or cancel.
    private func writeFiles(
        of records: any PublishableRecords, table: OutputTable, formats: [PublishedFormat], follower: (any FileFollower)?, into staging: URL,
        progress: (Int) -> Void
    ) throws -> Manifest {
        let data = try VersionDataFiles(
            formats: formats, table: table, id: dataset.id, byteOrderMark: dataset.outputs.csvBOM,
            staging: staging, previousCSV: previousCSVPath(), geoJSONFollower: follower
        )
        let outcome = try data.inTransactions {
            try records.forEach { record in
                try data.write(record)
                if data.written == 1 { PausePoint.writing.reach() }
                if data.written % Self.progressInterval == 0 { progress(data.written) }
            }
        }
        progress(data.written)
        guard outcome.rowsIn == data.written + outcome.rowsQuarantined,
              outcome.quarantineReasons.map({ $0.total == outcome.rowsQuarantined }) ?? true else {
            throw LumpiniError(
                "rows-do-not-add-up",
                "\(outcome.rowsIn) rows read but \(data.written) published and \(outcome.rowsQuarantined) quarantined"
                    + (outcome.quarantineReasons.map { " (\($0.total) by reason)" } ?? ""),
                kind: .internal, hint: "this is a bug: every row must be published or quarantined; nothing was released"
            )
        }
        let dataFiles = try data.finish()
        PausePoint.dataWritten.reach()
        return try writeMetadata(of: data, dataFiles: dataFiles, table: table, outcome: outcome, into: staging)
    }

    /// `datapackage.json`, `README.md`, the reports and the changelog, then `manifest.json` last, synced.
    private func writeMetadata(
        of data: VersionDataFiles, dataFiles: [Manifest.File], table: OutputTable, outcome: PipelineOutcome, into staging: URL
    ) throws -> Manifest {
        let inputs = try self.inputs.value()
        let counts = Manifest.Counts(
            rowsIn: outcome.rowsIn, rowsPublished: data.written, rowsQuarantined: outcome.rowsQuarantined, features: data.featureCount,
            quarantineReasons: outcome.quarantineReasons
        )
        var files = dataFiles
        let package = DataPackageDescriptor(
            dataset: dataset, table: table, version: version, releasedAt: releasedAt, dataFiles: dataFiles, derivedFrom: inputs.derivedFrom
        )
        files.append(try writeFile(DataPackageDescriptor.fileName, JSONOutput.data(package), in: staging, format: "JSON", mediaType: "application/json", role: .metadata))
        let readme = DatasetReadme(
            dataset: dataset, table: table, version: version, releasedAt: releasedAt, counts: counts, extent: data.extent, dataFiles: dataFiles,
            csvSeparatorMisread: data.readBack.csvSeparatorMisread, readBack: data.readBack.readers, formulaColumns: outcome.formulaColumns,
            derivedFrom: inputs.derivedFrom ?? []
        )
        files.append(try writeFile(DatasetReadme.fileName, Data(readme.text.utf8), in: staging, format: "Markdown", mediaType: "text/markdown", role: .documentation))
        for report in outcome.reports.sorted(by: { $0.name < $1.name }) {
            files.append(try writeFile(report.name, report.contents, in: staging, format: "JSON", mediaType: "application/json", role: .report))
        }
        let changes = try data.changelog.finish(id: dataset.id, version: version, previousVersion: previousVersion)
        files.append(try writeFile(Changelog.fileName, JSONOutput.data(changes), in: staging, format: "JSON", mediaType: "application/json", role: .report))

        let manifest = Manifest(
            id: dataset.id, version: version, releasedAt: releasedAt, inputs: inputs, counts: counts, extent: data.extent,
            geometryType: Self.geometryTypeName(data.geometryTypes, table: table), quality: outcome.quality,
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

    private static func geometryTypeName(_ seen: Set<GeometryType>, table: OutputTable) -> String? {
        guard table.hasGeometry, !seen.isEmpty else { return nil }
        return seen.count == 1 ? seen.first!.rawValue : "Mixed"
    }
}
