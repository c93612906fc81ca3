import FuzzSupport
import Lumpini

/// The privacy gate on arbitrary cells: lines are records, tabs separate values; the first line
/// is the header. Masked examples must never be longer than the value they come from plus the mask.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPrivacyScanner(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = fuzzInput(start, count)
    let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let header = (lines.first ?? "").split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    guard var scanner = try? PrivacyScanner(header: header, allow: [header.first ?? "": ["email"]]) else { return 0 }
    for (index, line) in lines.dropFirst().enumerated() {
        let values = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0) as String? }
        scanner.scan(Record(rowNumber: index + 2, values: values))
    }
    let report = scanner.report
    for finding in report.findings + report.allowed {
        precondition(finding.count > 0 && finding.examples.count <= PrivacyScanner.exampleLimit)
        precondition(!finding.examples.isEmpty, "a finding without an example")
    }
    return 0
}
