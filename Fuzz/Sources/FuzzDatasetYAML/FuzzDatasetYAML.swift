import FuzzSupport
import Lumpini

/// The strict dataset.yaml loader on arbitrary text: it returns a description or throws a
/// `LumpiniError` with a message; anything else (a crash, another error type) is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDatasetYAML(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = fuzzInput(start, count)
    let text = String(decoding: bytes, as: UTF8.self)
    do {
        let description = try DatasetLoader.parse(text)
        precondition(Slug.isValid(description.id), "an invalid id was accepted: \(description.id)")
    } catch let error as LumpiniError {
        precondition(!error.message.isEmpty, "an error without a message")
    } catch {
        preconditionFailure("not a LumpiniError: \(type(of: error)) \(error)")
    }
    return 0
}
