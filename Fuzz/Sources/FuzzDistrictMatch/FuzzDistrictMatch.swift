import Foundation
import FuzzSupport
import Lumpini

/// District matching (exact and by edit distance) on arbitrary text, against the real vocabulary.
let vocabulary: DistrictVocabulary = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    return try! DistrictVocabulary.load(from: root.appendingPathComponent("schemas/vocabularies/districts.tsv"))
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDistrictMatch(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = fuzzInput(start, count)
    guard let first = bytes.first else { return 0 }
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    let distance = Int(first % 4)
    switch vocabulary.match(text, maxDistance: distance) {
    case .fuzzy(_, let found, _):
        precondition(found > 0 && found <= distance, "fuzzy distance \(found) outside 1...\(distance)")
    case .ambiguous(let districts):
        precondition(districts.count > 1)
    case .exact, .none:
        break
    }
    return 0
}
