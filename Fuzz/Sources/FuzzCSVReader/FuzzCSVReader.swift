import Foundation
import FuzzSupport
import Lumpini

/// Lumpini's streaming CSV reader on arbitrary bytes (written to a file, as it reads files):
/// every row comes out, or a `LumpiniError` or `CSVEncodingError` says why not. The first byte picks the delimiter.
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("lumpini-fuzz-csv-\(getpid()).csv").path

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVReader(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = fuzzInput(start, count)
    guard let first = bytes.first else { return 0 }
    let delimiters: [UInt8] = [0x2C, 0x3B, 0x09, 0x7C]
    FileManager.default.createFile(atPath: scratch, contents: Data(bytes.dropFirst()))
    do {
        let reader = try CSVReader(path: scratch, dialect: CSVDialect(delimiter: delimiters[Int(first) % delimiters.count]))
        var row = CellRow()
        var previous = 0
        while try reader.next(into: &row) {
            precondition(row.number > previous, "row numbers must increase")
            previous = row.number
            _ = row.strings
        }
    } catch is LumpiniError {
    } catch is CSVEncodingError {
        // Bytes the encoding cannot hold: the validator reports them as an encoding error.
    } catch {
        preconditionFailure("not a LumpiniError: \(error)")
    }
    return 0
}
