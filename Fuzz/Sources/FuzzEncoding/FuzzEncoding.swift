import FuzzSupport
import Lumpini

/// Encoding detection and decoding on arbitrary bytes: never a crash, and what the decoders
/// promise holds (a strict decode that succeeds agrees with the repairing one).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEncoding(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Array(fuzzInput(start, count))
    let detection = EncodingDetector.detect(bytes)
    precondition((0...1).contains(detection.confidence), "confidence \(detection.confidence) out of range")
    for encoding in TextEncoding.allCases {
        let decoder = TextDecoder(encoding)
        let repaired = decoder.decodeRepairing(bytes)
        if let strict = try? decoder.decode(bytes) {
            precondition(strict == repaired, "\(encoding): strict and repairing decodes differ")
        }
    }
    return 0
}
