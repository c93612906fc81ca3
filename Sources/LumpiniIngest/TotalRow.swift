/// A spreadsheet's total line ("รวม", "รวมทั้งสิ้น", "Total"): not a record. One rule for the
/// `skip-total-rows` step, which sets such rows aside, and for `inspect`, which looks for them to
/// suggest the step.
package enum TotalRow {
    /// The labels a total row starts with, lowercased.
    package static let defaultPrefixes = ["รวม", "ยอดรวม", "total", "grand total", "sum"]

    /// The label that makes the row a total, trimmed, or nil: the value of `field`, or else the
    /// row's first non-empty value, starting with one of `prefixes` (lowercased), case ignored.
    package static func label(of values: [String?], field: Int? = nil, prefixes: [String] = defaultPrefixes) -> String? {
        let candidate: String?
        if let field {
            candidate = field < values.count ? values[field]?.trimmingWhitespace : nil
        } else {
            candidate = values.lazy.compactMap { $0?.trimmingWhitespace }.first { !$0.isEmpty }
        }
        guard let candidate, case let text = candidate.lowercased(), prefixes.contains(where: { text.hasPrefix($0) }) else { return nil }
        return candidate
    }
}
