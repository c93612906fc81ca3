/// A calendar date with an optional time and time zone, as GDAL reads it.
public struct DateTimeValue: Sendable, Equatable, Hashable, Codable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Double
    /// GDAL's TZFlag: 0 unknown, 1 local time, 100 UTC, 100 ± 4 per hour of offset.
    public var timeZoneFlag: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Double = 0, timeZoneFlag: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.timeZoneFlag = timeZoneFlag
    }
}

/// The value of one field of one feature.
///
/// `unset` (the field was never given a value) is kept apart from `null` (it was set to null),
/// as GDAL does: a GeoJSON property that is absent is unset, one that is `null` is null.
public enum FieldValue: Sendable, Equatable, Hashable {
    case unset
    case null
    case integer(Int64)
    case real(Double)
    case string(String)
    case boolean(Bool)
    case date(DateTimeValue)
    case time(DateTimeValue)
    case dateTime(DateTimeValue)
    case binary([UInt8])
    case integerList([Int64])
    case realList([Double])
    case stringList([String])

    /// True for `unset` and `null`.
    public var isMissing: Bool {
        switch self {
        case .unset, .null: return true
        default: return false
        }
    }
}
