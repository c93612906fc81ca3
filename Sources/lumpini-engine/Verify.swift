import ArgumentParser
import Foundation
import Lumpini
import LumpiniCommandLine

struct Verify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-hash the public tree against its manifests and report any file that changed, is missing or is not listed.",
        discussion: """
            Checks every version of every dataset (or those named) and that each `latest` leads to a version.
            Exit codes: 0 everything matches; 1 something differs; 2 usage error or a dataset never published.
            Examples:
              lumpini verify
              lumpini verify pm25-readings-sample --json
            """
    )

    @Argument(help: "Dataset ids (default: every dataset in the public tree).")
    var ids: [String] = []

    @Option(help: "The folder holding datasets/ and schemas/ (default: LUMPINI_ROOT, else the current directory).")
    var root: String?

    @Option(name: .customLong("public"), help: "The public tree (default: LUMPINI_PUBLIC, else <root>/public).")
    var publicRoot: String?

    @Flag(help: "Print the report as JSON: {publicRoot, ok, datasets[{id, latest, versions[{version, files, problems}], problems}]}.")
    var json = false

    func run() async throws {
        try await reportingFailures {
            let workspace = Workspace(root: root, publicRoot: publicRoot)
            let report = try Verifier(tree: ReleaseTree(root: workspace.publicRoot)).verify(ids: ids.isEmpty ? nil : ids)
            if json {
                print(try JSONOutput.string(report), terminator: "")
            } else {
                print(Self.render(report))
            }
            if !report.ok { throw ExitCode(1) }
        }
    }

    static func render(_ report: Verifier.Report) -> String {
        var lines: [String] = []
        for dataset in report.datasets {
            let files = dataset.versions.map(\.files).reduce(0, +)
            let status = dataset.ok ? Terminal.styled("ok", .green) : Terminal.styled("DIFFERS", .red)
            lines.append("\(status) \(dataset.id): \(counted(dataset.versions.count, "version")), \(counted(files, "file")), latest v\(dataset.latest.map(String.init) ?? "?")")
            let problems = dataset.problems + dataset.versions.flatMap(\.problems)
            for problem in problems {
                lines.append("    \(problem.kind.rawValue) \(problem.path.printable)" + (problem.detail.map { ": \($0.printable)" } ?? ""))
            }
        }
        if report.datasets.isEmpty { lines.append("nothing published in \(report.publicRoot.printable)") }
        lines.append(report.ok ? "All files match their manifests." : "Some files differ from their manifests.")
        return lines.joined(separator: "\n")
    }
}
