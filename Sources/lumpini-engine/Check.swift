import ArgumentParser
import Foundation
import Lumpini
import LumpiniCommandLine

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Say what is incomplete or inconsistent in a dataset (placeholders, unknown codes, missing files, recipe or schema mismatches).",
        discussion: """
            Examples:
              lumpini check pm25-readings-sample
              lumpini check waste-tonnage-sample --json
            Exit code 0 when nothing blocks the dataset (warnings may remain), 1 when something must be
            fixed, 2 when dataset.yaml cannot be read at all.
            """
    )

    @Argument(help: "The dataset id (the folder name under datasets/).")
    var id: String

    @Flag(help: "Print the findings as JSON: dataset, ok, findings[] (severity, code, field, message).")
    var json = false

    @OptionGroup var options: WorkspaceOptions

    func run() async throws {
        let result = try await reportingFailures { try DatasetCheck.run(id: id, workspace: options.workspace) }
        if json {
            print(try JSONOutput.string(result), terminator: "")
        } else {
            for finding in result.findings {
                let label = finding.severity == .error ? Terminal.styled("error", .red) : Terminal.styled("warning", .yellow)
                print("\(label) \(finding.field.map { "\($0): " }?.printable ?? "")\(finding.message.printable)")
            }
            print(result.ok ? "\(id): ready (\(result.findings.count) warnings)" : "\(id): \(result.findings.filter { $0.severity == .error }.count) problems to fix")
        }
        if !result.ok { throw ExitCode(1) }
    }
}
