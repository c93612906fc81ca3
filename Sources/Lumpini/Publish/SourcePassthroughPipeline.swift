import Foundation
import GDAL

/// The pipeline `publish` and `release` use until the cleanse and validate stages are wired in:
/// `dataset.yaml` through `DatasetLoader`, the source through `SourceReader`, every row published
/// as read (nothing quarantined). Column types come from GDAL's (integer, number, else string);
/// geometry must already be in WGS 84, since reprojection is the recipe's work.
public struct SourcePassthroughPipeline: PublishPipeline {
    public init() {}

    public func describe(_ id: String, in workspace: Workspace) throws -> DatasetDescription {
        try DatasetLoader.load(id: id, in: workspace)
    }

    public func records(of dataset: DatasetDescription, in workspace: Workspace) throws -> any PublishableRecords {
        guard let first = dataset.source.paths.first else {
            throw LumpiniError("source-missing", "dataset.yaml names no source file", kind: .input, field: "source.path")
        }
        let reader = try SourceReader(
            path: workspace.datasetDirectory(dataset.id).appendingPathComponent(first).path,
            layer: dataset.source.layer, encoding: dataset.source.encoding.flatMap(TextEncoding.init(named:)),
            crs: dataset.source.crs, headerRow: dataset.source.headerRow
        )
        return try Records(reader: reader)
    }

    final class Records: PublishableRecords {
        let reader: SourceReader
        let table: OutputTable

        init(reader: SourceReader) throws {
            self.reader = reader
            let types = reader.layer.fields.map(\.type)
            let fields = reader.header.enumerated().map { index, name in
                OutputField(name: name, type: index < types.count ? Self.outputType(types[index]) : .string)
            }
            let geometryType = reader.layer.geometryType
            if geometryType != .none, let crs = reader.spatialReference, crs.epsgCode != 4326 {
                throw LumpiniError(
                    "crs-not-wgs84", "the source is in \(crs.name ?? "another CRS"); publishing needs WGS 84 (EPSG:4326)",
                    kind: .input, file: reader.path, hint: "reproject it with the recipe's geometry step"
                )
            }
            table = OutputTable(fields: fields, geometryType: geometryType == .none ? .none : geometryType)
        }

        static func outputType(_ type: GDAL.FieldType) -> OutputFieldType {
            switch type {
            case .integer, .integer64: return .integer
            case .real: return .number
            default: return .string
            }
        }

        func forEach(_ body: (Record) throws -> Void) throws -> PipelineOutcome {
            var count = 0
            while let record = try reader.next() {
                try body(record)
                count += 1
            }
            return PipelineOutcome(
                rowsIn: count, rowsQuarantined: 0,
                quality: Manifest.Quality(valid: true, errorCount: 0, warningCount: 0, changedValues: 0), reports: []
            )
        }
    }
}
