/// How much of a workbook Lumpini lets GDAL inflate. An XLSX or ODS file is a zip of XML parts, and
/// GDAL's spreadsheet drivers read a whole sheet into memory: a zip bomb of 3.5 MB declaring 30 million
/// rows took more than 3.8 GB and never finished, and one 1.5 GB cell in a 1.5 MB file took 3.2 GB.
/// So the zip's directory is read first (`ZipDirectory`, nothing decompressed) and a workbook whose
/// parts expand past these limits is refused with an input error before GDAL opens it. The size of
/// the parts bounds the rows, the cells and the size of any one cell that GDAL can read. A CSV is read
/// as a stream and has no such limit, so the message advises saving the sheet as CSV.
enum WorkbookSizeLimits {
    /// The most one part of the workbook (a sheet's XML, the shared strings) may expand to.
    static let maximumPartBytes: UInt64 = 100 << 20
    /// The most all parts together may expand to.
    static let maximumTotalBytes: UInt64 = 200 << 20
    /// The most a part larger than `ratioCheckedFromBytes` may expand per compressed byte. Sheet XML
    /// compresses 5 to 30 times; zip bombs hundreds or thousands of times.
    static let maximumExpansionRatio: UInt64 = 200
    /// Below this, a part's ratio does not matter: it cannot cost much memory.
    static let ratioCheckedFromBytes: UInt64 = 10 << 20

    /// Refuses a zip-based workbook at `path` whose declared parts exceed the limits. Files that are
    /// not zips, or whose directory cannot be read, are left to GDAL.
    /// - Throws: `LumpiniError` (`workbook-too-large`, an input error) naming the part and the limit.
    static func check(_ path: String) throws {
        guard let directory = ZipDirectory(path: path) else { return }
        var total: UInt64 = 0
        for entry in directory.entries {
            let expanded = entry.uncompressedSize
            total &+= expanded
            let ratio = expanded / max(entry.compressedSize, 1)
            if expanded > maximumPartBytes {
                throw refusal(path, "its part \(entry.name) expands to \(megabytes(expanded)), more than the \(megabytes(maximumPartBytes)) Lumpini reads from one part of a workbook")
            }
            if expanded >= ratioCheckedFromBytes, ratio > maximumExpansionRatio {
                throw refusal(path, "its part \(entry.name) expands \(ratio) times (to \(megabytes(expanded))), more than the \(maximumExpansionRatio) times a real sheet does: it looks like a zip bomb")
            }
            if total > maximumTotalBytes {
                throw refusal(path, "its parts expand to more than \(megabytes(maximumTotalBytes)), the most Lumpini reads from a workbook")
            }
        }
    }

    private static func refusal(_ path: String, _ reason: String) -> LumpiniError {
        LumpiniError(
            "workbook-too-large", "the workbook was not opened: \(reason)", kind: .input, file: path,
            hint: "save the sheet as CSV (Lumpini reads CSV of any size as a stream), or split the workbook into smaller ones")
    }

    private static func megabytes(_ bytes: UInt64) -> String {
        bytes >= 10 << 30 ? "\(bytes >> 30) GB" : "\(bytes >> 20) MB"
    }
}
