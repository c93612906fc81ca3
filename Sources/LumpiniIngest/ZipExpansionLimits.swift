/// How much of a zip-based source Lumpini lets GDAL inflate. An XLSX or ODS file is a zip of XML parts,
/// and GDAL's spreadsheet drivers read a whole sheet into memory, as the KML drivers read a KMZ's whole
/// document: a zip bomb of 3.5 MB declaring 30 million rows took more than 3.8 GB and never finished,
/// and one 1.5 GB cell in a 1.5 MB file took 3.2 GB. So the zip's directory is read first
/// (`ZipDirectory`, nothing decompressed) and a source whose parts expand past these limits is refused
/// with an input error before GDAL opens it. For documents read whole, the size of the parts bounds
/// the rows, the cells and any one cell GDAL can read; other zips (a zipped shapefile, read record by
/// record) may be large, but no part may expand like a bomb. A CSV is read as a stream and has no such
/// limit, so the message advises saving a sheet as CSV.
enum ZipExpansionLimits {
    /// The most one part of the workbook (a sheet's XML, the shared strings) may expand to.
    static let maximumPartBytes: UInt64 = 100 << 20
    /// The most all parts together may expand to.
    static let maximumTotalBytes: UInt64 = 200 << 20
    /// The most a part larger than `ratioCheckedFromBytes` may expand per compressed byte. Sheet XML
    /// compresses 5 to 30 times; zip bombs hundreds or thousands of times.
    static let maximumExpansionRatio: UInt64 = 200
    /// The same for a part read record by record (a zipped shapefile): there a large part costs time,
    /// not memory, and a sparse `.dbf` padded with spaces compresses far better than XML; only what is
    /// little but repetition (deflate stops near 1,030 times) is taken for a bomb.
    static let maximumStreamedExpansionRatio: UInt64 = 1_000
    /// Below this, a part's ratio does not matter: it cannot cost much memory.
    static let ratioCheckedFromBytes: UInt64 = 10 << 20

    /// Refuses a zip-based source at `path` whose declared parts exceed the limits: all of them when
    /// GDAL reads the document whole (`readWhole`: workbooks, KMZ), the expansion ratio otherwise.
    /// Files that are not zips, or whose directory cannot be read, are left to GDAL.
    /// - Throws: `LumpiniError` (`zip-too-large`, an input error) naming the part and the limit.
    static func check(_ path: String, readWhole: Bool) throws {
        guard let directory = ZipDirectory(path: path) else { return }
        var total: UInt64 = 0
        for entry in directory.entries {
            let expanded = entry.uncompressedSize
            total &+= expanded
            let ratio = expanded / max(entry.compressedSize, 1)
            let limit = readWhole ? maximumExpansionRatio : maximumStreamedExpansionRatio
            if expanded >= ratioCheckedFromBytes, ratio > limit {
                throw refusal(path, "its part \(entry.name) expands \(ratio) times (to \(megabytes(expanded))), more than the \(limit) times real data does: it looks like a zip bomb")
            }
            guard readWhole else { continue }
            if expanded > maximumPartBytes {
                throw refusal(path, "its part \(entry.name) expands to \(megabytes(expanded)), more than the \(megabytes(maximumPartBytes)) Lumpini reads from one part of a document read whole")
            }
            if total > maximumTotalBytes {
                throw refusal(path, "its parts expand to more than \(megabytes(maximumTotalBytes)), the most Lumpini reads from a document read whole")
            }
        }
    }

    private static func refusal(_ path: String, _ reason: String) -> LumpiniError {
        LumpiniError(
            "zip-too-large", "the file was not opened: \(reason)", kind: .input, file: path,
            hint: "save a sheet as CSV (Lumpini reads CSV of any size as a stream), or split the file into smaller ones; ask the agency for the data itself if it is not what they meant to send")
    }

    private static func megabytes(_ bytes: UInt64) -> String {
        bytes >= 10 << 30 ? "\(bytes >> 30) GB" : "\(bytes >> 20) MB"
    }
}
