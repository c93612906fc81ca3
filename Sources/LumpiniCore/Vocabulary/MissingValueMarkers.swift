import Foundation

/// Values agencies write where a value is missing.
public enum MissingValueMarkers {
    /// Compared after trimming and lowercasing.
    public static let common: Set<String> = [
        "-", "--", "—", "–", "n/a", "na", "#n/a", "null", "none", "nan", "ไม่มีข้อมูล", "ไม่ระบุ", "ไม่มี", "?", ".",
    ]

    public static func isMarker(_ value: String) -> Bool {
        common.contains(value.trimmingWhitespace.lowercased())
    }
}
