import GDAL

/// A source's header and records, as one of the two readers reads a file: `CSVRecordSource`
/// (Lumpini's own CSV reader) or `LayerRecordSource` (a GDAL layer), which `SourceReader` picks; or the
/// rows a derived dataset computed (`LumpiniDerive`), handed to the same pipeline.
package protocol RecordSource: AnyObject {
    /// Field names, in the order of `Record.values`.
    var header: [String] { get }
    /// The fields as the source types them.
    var fields: [FieldDefinition] { get }
    var encoding: TextEncoding { get }
    /// The CRS the file itself declares; nil when it says nothing (every CSV).
    var fileSpatialReference: SpatialReference? { get }
    var geometryType: GeometryType { get }
    /// The next record, or nil at the end.
    func next() throws -> Record?
}
