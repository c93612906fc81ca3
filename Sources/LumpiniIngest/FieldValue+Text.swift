import Foundation
import GDAL

extension FieldValue {
    /// The value written as text the way Table Schema reads it back: integers in decimal, reals
    /// in the shortest form that round-trips, dates and times in ISO 8601; nil when null or unset.
    /// Strings are returned as GDAL decoded them; `SourceReader` decodes raw bytes itself.
    public var text: String? {
        switch self {
        case .unset, .null: return nil
        case .integer(let value): return String(value)
        case .real(let value): return NumberText.shortest(value)
        case .string(let value): return value
        case .boolean(let value): return value ? "true" : "false"
        case .date(let value): return value.isoDate
        case .time(let value): return value.isoTime
        case .dateTime(let value): return value.isoDate + "T" + value.isoTime + value.isoZone
        case .binary(let bytes): return bytes.map { String($0, radix: 16) }.joined()
        case .integerList(let values): return "[" + values.map(String.init).joined(separator: ",") + "]"
        case .realList(let values): return "[" + values.map(NumberText.shortest).joined(separator: ",") + "]"
        case .stringList(let values): return "[" + values.map { "\"\($0)\"" }.joined(separator: ",") + "]"
        }
    }

    /// The value as a spreadsheet shows it: a real at the 15 significant digits Excel and LibreOffice
    /// display, so a cell the agency sees as `72.68` (stored as `72.68000000000001` after a sum) is
    /// read as `72.68`; anything else as `text`.
    public var spreadsheetText: String? {
        guard case .real(let value) = self else { return text }
        return NumberText.asSpreadsheetShows(value)
    }
}

extension DateTimeValue {
    var isoDate: String {
        pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    var isoTime: String {
        let whole = Int(second)
        let fraction = second - Double(whole)
        var text = pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(whole, 2)
        if fraction > 0.0005 {
            text += "." + pad(Int((fraction * 1000).rounded()), 3)
        }
        return text
    }

    /// GDAL's TZFlag: 100 is UTC, 100 ± 4n an offset of n quarter hours; 0 and 1 carry no zone.
    var isoZone: String {
        guard timeZoneFlag >= 2 else { return "" }
        let quarters = timeZoneFlag - 100
        if quarters == 0 { return "Z" }
        let minutes = abs(quarters) * 15
        return (quarters > 0 ? "+" : "-") + pad(minutes / 60, 2) + ":" + pad(minutes % 60, 2)
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// Number formatting shared by every writer: shortest round-trip, never an exponent.
public enum NumberText {
    public static func shortest(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "Infinity" : "-Infinity") }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        let text = "\(value)"
        guard text.contains("e") else { return text }
        return plainDecimal(text)
    }

    /// The shortest decimal that gives the same value as `value` at 15 significant digits: what a
    /// spreadsheet displays in a cell of the General format, which shows no more digits than that.
    public static func asSpreadsheetShows(_ value: Double) -> String {
        guard value.isFinite, let displayed = Double(String(format: "%.15g", value)) else { return shortest(value) }
        return shortest(displayed)
    }

    /// A spreadsheet cell's text as the spreadsheet shows it: a decimal number stored with more than
    /// the 15 significant digits a cell displays (`72.68000000000001`, a numeric cell in a column GDAL
    /// reads as text because title rows sit above the header) as `asSpreadsheetShows` gives it; any
    /// other text unchanged, whole numbers too (a 16-digit reference number is not a measurement).
    public static func asSpreadsheetShows(text: String) -> String {
        guard text.utf8.count > 16 else { return text }
        let mantissa = text.prefix { $0 != "e" && $0 != "E" }
        guard mantissa.contains("."), text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
              mantissa.filter(\.isNumber).drop(while: { $0 == "0" }).count > 15,
              let value = Double(text) else { return text }
        return asSpreadsheetShows(value)
    }

    /// Rewrites Swift's exponent form ("1.5e-07") as a plain decimal ("0.00000015").
    static func plainDecimal(_ text: String) -> String {
        let parts = text.split(separator: "e")
        guard parts.count == 2, let exponent = Int(parts[1]) else { return text }
        var mantissa = String(parts[0])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integer = String(pieces[0])
        let fraction = pieces.count > 1 ? String(pieces[1]) : ""
        var digits = integer + fraction
        var point = integer.count + exponent
        if point <= 0 {
            digits = String(repeating: "0", count: -point + 1) + digits
            point = 1
        } else if point > digits.count {
            digits += String(repeating: "0", count: point - digits.count)
        }
        var result = String(digits.prefix(point))
        let rest = digits.dropFirst(point)
        let trimmedRest = rest.reversed().drop(while: { $0 == "0" }).reversed()
        if !trimmedRest.isEmpty { result += "." + String(trimmedRest) }
        let trimmedInteger = result.drop(while: { $0 == "0" })
        if trimmedInteger.isEmpty || trimmedInteger.first == "." { result = "0" + trimmedInteger } else { result = String(trimmedInteger) }
        return (negative ? "-" : "") + result
    }
}
