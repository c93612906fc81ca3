import FuzzSupport
@testable import GDAL

/// The VRT reference scan of `IndirectSourcePolicy` on arbitrary text: every reference it finds is
/// judged, and a reference it accepts is a plain relative path.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzVRTReferences(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: fuzzInput(start, count), as: UTF8.self)
    for reference in IndirectSourcePolicy.references(in: text) where IndirectSourcePolicy.reasonToRefuse(reference.path) == nil {
        let components = reference.path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        precondition(!reference.path.hasPrefix("/") && !reference.path.contains(":") && !components.contains(".."),
                     "accepted \(reference.path)")
    }
    return 0
}
