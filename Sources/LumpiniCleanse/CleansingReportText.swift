/// The cleansing report for people: counts, then each step's changes with examples, the fuzzy
/// district matches, the repairs and the reasons for quarantine.
public enum CleansingReportText {
    /// Each line with its control characters made visible: the report quotes values, field names and
    /// paths from the agency's file, and is printed on a terminal.
    public static func render(_ report: CleansingReport) -> String {
        var lines = ["Cleansing \(report.dataset): \(report.rowsIn) rows in, \(report.rowsKept) kept, \(report.rowsQuarantined) quarantined"]
        if report.steps.isEmpty {
            lines.append("No value was changed.")
        } else {
            lines.append("")
            lines.append("Changes (step, field, values changed, examples as row: before → after):")
            for change in report.steps {
                lines.append("  \(change.step)  \(change.field)  \(change.changed)")
                for example in change.examples {
                    lines.append("      row \(example.row): \(quoted(example.before)) → \(quoted(example.after))")
                }
            }
        }
        if !report.fuzzyMatches.isEmpty {
            lines.append("")
            lines.append("Fuzzy district matches (check them):")
            for match in report.fuzzyMatches {
                let rows = match.rows.map(String.init).joined(separator: ", ")
                lines.append("  \(quoted(match.value)) in \(match.field) → \(match.code) \(match.nameTH) (\(match.nameEN)), distance \(match.distance), \(match.count) rows: \(rows)")
            }
        }
        if report.repairCount > 0 {
            lines.append("")
            lines.append("Geometry repairs: \(report.repairCount)")
            for repair in report.repairs.prefix(20) {
                lines.append("  row \(repair.row)  \(repair.action)  \(repair.detail)")
            }
            if report.repairCount > 20 { lines.append("  … \(report.repairCount - 20) more in the JSON report") }
        }
        if !report.quarantineReasons.isEmpty {
            lines.append("")
            lines.append("Quarantined by reason:")
            for (reason, count) in report.quarantineReasons.sorted(by: { $0.key < $1.key }) {
                lines.append("  \(reason)  \(count)")
            }
        }
        if let file = report.quarantineFile, report.rowsQuarantined > 0 {
            lines.append("Quarantine file: \(file)")
        }
        if let file = report.outputFile {
            lines.append("Cleansed records: \(file)")
        }
        return lines.map(\.printable).joined(separator: "\n") + "\n"
    }

    static func quoted(_ text: String?) -> String {
        text.map { "\"\($0)\"" } ?? "null"
    }
}
