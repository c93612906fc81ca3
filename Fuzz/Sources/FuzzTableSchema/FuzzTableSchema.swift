import FuzzSupport
import Lumpini

/// Lumpini's JSON parser and Table Schema loading on arbitrary bytes: a schema or a `LumpiniError`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTableSchema(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Array(fuzzInput(start, count))
    guard let json = try? JSONParser.parse(bytes) else { return 0 }
    do {
        _ = try TableSchema(json: json, file: "fuzz.schema.json")
    } catch is LumpiniError {
    } catch {
        preconditionFailure("not a LumpiniError: \(error)")
    }
    return 0
}
