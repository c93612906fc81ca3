import FuzzSupport
import Lumpini

/// inspect's value classifier on arbitrary text (invalid UTF-8 repaired as GDAL's strings would be).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzValueClassifier(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = fuzzInput(start, count)
    let text = String(decoding: bytes, as: UTF8.self)
    _ = ValueClassifier.classify(text)
    return 0
}
