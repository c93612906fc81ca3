import Foundation
import GDAL

/// The data files of one version, written in one pass over the records: GeoJSON, CSV and the GDAL
/// formats `dataset.yaml` asks for, with the changelog and the read-back check observing each
/// record as it is encoded. Not `Sendable`: it holds GDAL datasets of the dataset's task.
final class VersionDataFiles {
    private let encoder: CSVRowEncoder
    private let geoJSON: GeoJSONWriter?
    private let csv: CSVWriter?
    private let others: [GDALFormatWriter]
    private let paths: [PublishedFormat: String]
    let changelog: ChangelogTracker
    let readBack: ReadBackCheck
    /// The types of the non-empty geometries written.
    private(set) var geometryTypes = Set<GeometryType>()
    /// Records written so far.
    private(set) var written = 0

    /// Opens a writer per format in `staging`.
    /// - Parameters:
    ///   - previousCSV: the latest version's CSV, which the changelog compares with.
    ///   - geoJSONFollower: reads the GeoJSON as it is written.
    init(
        formats: [PublishedFormat], table: OutputTable, id: String, byteOrderMark: Bool, staging: URL, previousCSV: String?,
        geoJSONFollower: (any FileFollower)? = nil
    ) throws {
        var paths: [PublishedFormat: String] = [:]
        for format in formats { paths[format] = staging.appendingPathComponent(format.fileName(id: id)).path }
        self.paths = paths
        let encoder = CSVRowEncoder(table: table)
        self.encoder = encoder
        geoJSON = try paths[.geoJSON].map { try GeoJSONWriter(path: $0, table: table, follower: geoJSONFollower) }
        csv = try paths[.csv].map { try CSVWriter(path: $0, encoder: encoder, byteOrderMark: byteOrderMark) }
        others = try formats.filter { $0.gdalDriver != nil }.map { format in
            try GDALFormatWriter(format: format, path: paths[format]!, id: id, table: table)
        }
        changelog = try ChangelogTracker(table: table, previousCSV: previousCSV)
        readBack = ReadBackCheck(table: table)
    }

    /// Runs `body` inside a transaction of every GDAL writer (one commit per file, not per feature).
    func inTransactions<T>(_ body: () throws -> T) throws -> T {
        try Self.inTransactions(others, body)
    }

    private static func inTransactions<T>(_ writers: [GDALFormatWriter], _ body: () throws -> T) throws -> T {
        guard let first = writers.first else { return try body() }
        return try first.inTransaction { try inTransactions(Array(writers.dropFirst()), body) }
    }

    /// Writes `record` to every file. The CSV encoding serves the changelog even when no CSV is published.
    func write(_ record: Record) throws {
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
    }

    /// Closes every file (each hashed as it was written), then reads the GeoJSON and CSV back.
    func finish() throws -> [Manifest.File] {
        var files: [Manifest.File] = []
        if let geoJSON { files.append(try geoJSON.finish()) }
        if let csv { files.append(try csv.finish()) }
        for writer in others {
            files.append(try writer.finish())
        }
        try readBack.check(geoJSON: geoJSON == nil ? nil : paths[.geoJSON], csv: csv == nil ? nil : paths[.csv], count: written)
        return files
    }

    var featureCount: Int { geoJSON?.featureCount ?? 0 }
    var extent: Envelope? { geoJSON?.extent }
}
