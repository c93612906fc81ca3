import FuzzSupport
@testable import GDAL

/// VRT recognition and the scan of the paths a VRT names (used in messages), on arbitrary text:
/// both run on every file Lumpini opens, so neither may crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzVRTReferences(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: fuzzInput(start, count), as: UTF8.self)
    _ = IndirectSourcePolicy.isVRT(text: text)
    _ = IndirectSourcePolicy.references(in: text)
    return 0
}
