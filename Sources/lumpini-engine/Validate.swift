import ArgumentParser
import Foundation
import Lumpini
import LumpiniCommandLine

struct Validate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check data against its Table Schema and geometry rules, as Frictionless does, and report what is wrong.",
        discussion: """
            Examples:
              lumpini validate pm25-readings-sample     a dataset's cleansed records
              lumpini validate data.csv --schema pm25   a CSV against a schema of schemas/
              lumpini validate datapackage.json --json  every resource, keys across them
              lumpini validate districts.geojson        RFC 7946 and GEOS validity
            Without --schema a table's schema is inferred from its first 100 rows, as
            `frictionless validate` does. Exit codes: 0 valid, 1 invalid, 2 usage or
            input error (missing file, malformed schema). The --json report has
            Frictionless's shape (docs/validation.md).
            """
    )

    @Argument(help: "A dataset id, or a CSV, TSV, XLSX, GeoJSON or datapackage.json file.")
    var target: String

    @Option(help: "The Table Schema: a file, or the name of one in the workspace's schemas/ folder.")
    var schema: String?

    @Flag(help: "Print the report as JSON (Frictionless-shaped).")
    var json = false

    @Option(help: "Keep at most this many errors per table in the report (the counts stay exact).")
    var maxErrors: Int?

    @Option(help: "The text encoding of a CSV file (UTF-8, TIS-620, CP874, CP1252); detected when not given.")
    var encoding: String?

    @Option(help: "The CSV delimiter (\",\", \";\", \"|\" or \"tab\").")
    var delimiter: String?

    @Option(help: "The workspace folder holding datasets/ and schemas/ (default: LUMPINI_ROOT or the current folder).")
    var root: String?

    func validate() throws {
        if let maxErrors, maxErrors < 0 {
            Terminal.error("--max-errors must be 0 or more (it was \(maxErrors))")
            throw ExitCode(2)
        }
    }

    func run() async throws {
        let valid = try await reportingFailures { () -> Bool in
            let workspace = Workspace(root: root)
            var options = ValidationOptions(maxErrors: maxErrors, encoding: encoding, delimiter: delimiter, keySets: WorkspaceKeySets(workspace: workspace))
            let report: ValidationReport
            let tableSchema = try schema.map { try loadSchema($0, workspace: workspace) }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), !isDirectory.boolValue {
                report = try Validator.validate(file: target, schema: tableSchema, options: options)
            } else {
                let description = try DatasetLoader.load(id: target, in: workspace)
                options.area = description.metadata.spatial.bbox
                report = try Validator.validate(dataset: description, in: workspace, schema: tableSchema, options: options)
            }
            print(json ? try JSONOutput.string(report) : ValidationText.render(report), terminator: json ? "" : "\n")
            return report.valid
        }
        if !valid { throw ExitCode(1) }
    }

    private func loadSchema(_ reference: String, workspace: Workspace) throws -> TableSchema {
        if FileManager.default.fileExists(atPath: reference) {
            return try TableSchema.load(contentsOf: URL(fileURLWithPath: reference))
        }
        return try TableSchema.load(named: reference, in: workspace)
    }
}

/// The human-readable form of a validation report: per table its verdict, then its errors grouped
/// by type with exact counts and the first examples.
enum ValidationText {
    static let examplesPerType = 3

    static func render(_ report: ValidationReport) -> String {
        var lines: [String] = []
        for task in report.tasks {
            let rows = task.stats.rows.map { "\($0) rows" } ?? "not read"
            let verdict = task.valid ? Terminal.styled("valid", .green) : Terminal.styled("invalid", .red)
            let encoding = task.encoding.map { ", \($0.printable)" } ?? ""
            lines.append("\(Terminal.styled(task.place, .bold)): \(verdict) (\(rows)\(encoding), \(counted(task.stats.errors, "error")))")
            let order = task.errors.map(\.type).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let unseen = task.stats.types.keys.filter { !order.contains($0) }.sorted()
            for type in order + unseen {
                let count = task.stats.types[type] ?? 0
                lines.append("  \(Terminal.styled(type, .yellow)) × \(count)")
                let examples = task.errors.filter { $0.type == type }.prefix(examplesPerType)
                for error in examples { lines.append("    " + error.message.printable) }
                if count > examples.count { lines.append(Terminal.styled("    … and \(count - examples.count) more", .dim)) }
            }
            if task.partial {
                lines.append(Terminal.styled("  (the report keeps the first \(task.errors.count) errors; the counts above are exact)", .dim))
            }
            for warning in task.warnings.prefix(examplesPerType) { lines.append(Terminal.styled("  warning: ", .yellow) + warning.message.printable) }
            if task.warnings.count > examplesPerType { lines.append(Terminal.styled("  … and \(task.warnings.count - examplesPerType) more warnings", .dim)) }
        }
        for error in report.errors { lines.append(Terminal.styled("error: ", .red) + error.message.printable) }
        let summary = report.valid ? Terminal.styled("valid", .green) : Terminal.styled("invalid", .red)
        lines.append("\(summary): \(counted(report.stats.errors, "error")), \(counted(report.stats.warnings, "warning")) in \(counted(report.stats.tasks, "table"))")
        return lines.joined(separator: "\n")
    }
}
