import FuzzSupport
@testable import LumpiniCleanse

/// The number reader of `parse-numbers` on arbitrary text: nil, or `-?digits(.digits)?` that reads as a number.
let parser = AgencyNumber(thousandsSeparator: ",", decimalSeparator: ".", units: ["ตัน", "µg/m³", "มก./ลบ.ม.", "ม."], percent: true)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAgencyNumber(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: fuzzInput(start, count), as: UTF8.self)
    guard let number = parser.parse(text) else { return 0 }
    var body = Substring(number)
    if body.first == "-" { body = body.dropFirst() }
    let pieces = body.split(separator: ".", omittingEmptySubsequences: false)
    precondition(pieces.count <= 2 && pieces.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) },
                 "not a plain number: \(number)")
    precondition(Double(number) != nil, "Double cannot read \(number)")
    return 0
}
