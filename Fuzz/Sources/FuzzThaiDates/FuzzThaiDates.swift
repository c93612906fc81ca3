import FuzzSupport
@testable import LumpiniCleanse

/// The Thai date reader of `parse-dates` on arbitrary text, in every order and era setting (the
/// first byte picks them): it returns nil or an ISO 8601 date, month or date-time that exists.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzThaiDates(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = fuzzInput(start, count)
    guard let first = bytes.first else { return 0 }
    var reader = DateText()
    reader.order = DateText.Order.allCases[Int(first) % 3]
    reader.era = DateText.Era.allCases[Int(first / 3) % 3]
    reader.twoDigitYears = DateText.TwoDigitYears.allCases[Int(first / 9) % 3]
    reader.excelSerial = first & 0x80 != 0
    guard let iso = reader.parse(String(decoding: bytes.dropFirst(), as: UTF8.self)) else { return 0 }
    precondition(isISO(iso), "not ISO 8601: \(iso)")
    return 0
}

/// `YYYY-MM`, `YYYY-MM-DD` or `YYYY-MM-DDThh:mm:ss` with a real month, day and time.
func isISO(_ text: String) -> Bool {
    let parts = text.split(separator: "T", omittingEmptySubsequences: false)
    guard parts.count <= 2 else { return false }
    let date = parts[0].split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
    guard date.count >= 2, date.count <= 3, let year = date[0], let month = date[1], (1...12).contains(month),
          parts[0].utf8.count == (date.count == 2 ? 7 : 10) else { return false }
    if date.count == 3 {
        guard let day = date[2] else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day) else { return false }
    }
    guard parts.count == 2 else { return true }
    let time = parts[1].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
    guard time.count == 3, let hour = time[0], let minute = time[1], let second = time[2] else { return false }
    return (0...23).contains(hour) && (0...59).contains(minute) && (0...60).contains(second)
}
