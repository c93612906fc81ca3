import Foundation
import GDAL

/// Reads one source file as a stream of `Record`s: the header (field names), then one record per
/// row or feature with values as text and the geometry as GDAL read it.
///
/// CSV files go through Lumpini's own streaming reader (`CSVRecordSource`: faster than GDAL's CSV
/// driver, and it keeps rows with extra cells visible); every other format through GDAL
/// (`LayerRecordSource`). Text is decoded by Lumpini, not GDAL, so TIS-620 shapefiles without a
/// `.cpg` and TIS-620 CSVs come out as Thai. Every file passes `checkReadable` first (a CSV here, any
/// other file where `SourceFormat.openDataset` opens it).
/// Not `Sendable`: it may hold a GDAL dataset and belongs to the task that reads it.
public final class SourceReader {
    public let path: String
    public let format: SourceFormat
    /// The CRS the geometries are in: the declared one, else the file's own; nil when neither says.
    public let spatialReference: SpatialReference?
    private let source: any RecordSource

    /// Field names, in the order of `Record.values`.
    public var header: [String] { source.header }
    public var encoding: TextEncoding { source.encoding }
    /// The fields as the source types them (every CSV field is text).
    public var fields: [FieldDefinition] { source.fields }
    /// The geometry type the source declares (`none` for tables).
    public var geometryType: GeometryType { source.geometryType }
    /// The GDAL layer read; nil for CSV files, which Lumpini reads itself.
    public var layer: Layer? { (source as? LayerRecordSource)?.layer }
    /// For a CSV, how its encoding was chosen (declared, or detected with a confidence); nil otherwise.
    public var csvEncodingDetection: EncodingDetector.Detection? { (source as? CSVRecordSource)?.encodingDetection }
    /// Why the header as declared does not fit the sheet's merged cells, when the reader was told to
    /// read it anyway (`refusingMergedHeaders: false`); nil otherwise.
    public var headerProblem: LumpiniError? { (source as? LayerRecordSource)?.headerProblem }

    /// Opens `path` for reading.
    /// - Parameters:
    ///   - declared: what `dataset.yaml` declares about the file (layer, encoding, CRS, header rows, delimiter).
    ///   - refusingMergedHeaders: false to read a header whose merged cells the declared rows do not
    ///     cover anyway, with the problem in `headerProblem` (for `inspect`, which shows the file as it is).
    ///   - readingAhead: read and decode a CSV a batch ahead on a thread of its own. Worth it when each
    ///     record then takes real work (a derived dataset's published input); a reader that only counts
    ///     or checks rows is faster without it, as handing strings between threads costs more than it
    ///     saves. A dataset being cleansed reads ahead its own way, the recipe's text steps included
    ///     (`SourceRows` in the cleanse stage), so it opens its sources without this.
    /// - Throws: `LumpiniError` naming the file when it cannot be read, when a sheet's XML is broken,
    ///   or when an XLSX header has merged cells the declared header rows do not cover.
    public init(path: String, declared: SourceDeclarations = SourceDeclarations(), refusingMergedHeaders: Bool = true, readingAhead: Bool = false) throws {
        self.path = path
        format = SourceFormat(path: path)
        if format == .csv { try Self.checkReadable(path) }
        let layout = format.isTable
            ? HeaderRows(first: declared.headerRow ?? 1, count: max(declared.headerRows ?? 1, 1))
            : HeaderRows(first: 0, count: 1)
        let declaredCRS = try declared.crs.map { try Self.declaredCRS($0, path: path) }
        if format == .csv {
            source = try CSVRecordSource(path: path, declared: declared, layout: layout, readingAhead: readingAhead)
        } else {
            source = try LayerRecordSource(path: path, format: format, declared: declared, layout: layout, refusingMergedHeaders: refusingMergedHeaders)
        }
        spatialReference = declaredCRS ?? source.fileSpatialReference
    }

    /// The next record, or nil at the end.
    /// - Throws: `LumpiniError` when the file cannot be read on (a truncated file, bytes that are
    ///   not valid in the encoding).
    public func next() throws -> Record? {
        try source.next()
    }

    /// Why the geometry of `record` (read by this reader) cannot be trusted, or nil. GDAL reads a
    /// GeoJSON point whose coordinates are `NaN` or `Infinity` (not JSON) as an empty point, other
    /// shapes with such coordinates as NaN or infinite numbers, and `1e999` as infinite: publishing
    /// them would publish a feature without its place, or with an impossible one. A feature GDAL
    /// reported a failure for as it read it (coordinates written as text) is not trusted either.
    public func unreadableGeometry(_ record: Record) -> String? {
        if let failure = (source as? LayerRecordSource)?.lastReadFailure, failure.row == record.rowNumber {
            return "feature \(record.rowNumber): GDAL could not read it whole (\(failure.message))"
        }
        guard let geometry = record.geometry else { return nil }
        if geometry.hasNonFiniteCoordinate {
            return "feature \(record.rowNumber): a coordinate of its \(geometry.typeName) is not a finite number (NaN, Infinity or too large)"
        }
        if format == .geojson, geometry.type == .point, geometry.isEmpty {
            return "feature \(record.rowNumber): its Point has no readable coordinates (NaN and Infinity are not JSON numbers)"
        }
        return nil
    }

    /// Records that do not come from a file (a derived dataset's computed rows), read as a source is.
    /// - Parameters:
    ///   - name: what messages and the quarantine call the source.
    ///   - spatialReference: the CRS of the records' geometries.
    package init(name: String, records: any RecordSource, spatialReference: SpatialReference?) {
        path = name
        format = .other
        source = records
        self.spatialReference = spatialReference
    }

    private static func declaredCRS(_ definition: String, path: String) throws -> SpatialReference {
        do {
            return try SpatialReference(definition: definition)
        } catch {
            throw LumpiniError("unknown-crs", "the CRS \"\(definition)\" is not one PROJ knows", file: path, hint: "write it as EPSG:<code>, e.g. EPSG:32647 for UTM zone 47N")
        }
    }
}
