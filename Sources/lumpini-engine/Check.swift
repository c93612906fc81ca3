import ArgumentParser
import Foundation
import Lumpini
import LumpiniCommandLine

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Say what is incomplete or inconsistent in a dataset, then what a release would publish and set aside (a dry run: nothing is written).",
        discussion: """
            Examples:
              lumpini check pm25-readings-sample
              lumpini check waste-tonnage-sample --json
            A derived dataset (derive: in dataset.yaml) lists the published files it would read, the latest
            version of each input, and its dry run computes its rows from them.
            When nothing blocks the dataset, every row goes through the release's own pipeline (the recipe,
            the schema as publishing loads it, the privacy gate) and the account says how many rows would be
            published and how many set aside, by stage and reason, with the first rows of each reason (the
            row of the file and, where it differs, the record number among the data rows).
            Exit code 0 when nothing blocks the dataset (warnings may remain), 1 when something must be
            fixed, 2 when dataset.yaml cannot be read at all.
            """
    )

    @Argument(help: "The dataset id (the folder name under datasets/).")
    var id: String

    @Flag(help: "Print the findings as JSON: dataset, ok, findings[] (severity, code, field, message), reads[] (a derived dataset's inputs: id, version, file, sha256), account (rowsIn, rowsPublished, rowsQuarantined, quarantineReasons, examples[]; null when the dry run did not run).")
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
            for source in result.reads ?? [] {
                print("reads \(source.id) v\(source.version) \(source.file) (sha256 \(source.sha256.prefix(12))…)".printable)
            }
            if let account = result.account { print(Self.render(account), terminator: "") }
            print(result.ok ? "\(id): ready (\(result.findings.count) warnings)" : "\(id): \(result.findings.filter { $0.severity == .error }.count) problems to fix")
        }
        if !result.ok { throw ExitCode(1) }
    }

    /// The dry run's account: the counts, then each stage's reasons with their first rows.
    static func render(_ account: DryRunAccount) -> String {
        var text = "A release would publish \(account.rowsPublished) of \(account.rowsIn) rows and set \(account.rowsQuarantined) aside (dry run: nothing was written)\n"
        for stage in QuarantineReasons.Stage.allCases {
            for (reason, count) in account.quarantineReasons[stage].sorted(by: { $0.key < $1.key }) {
                text += "  \(stage.rawValue) \(reason): \(count) \(count == 1 ? "row" : "rows")\n"
                for example in account.examples where example.stage == stage && example.reason == reason {
                    text += "    \(example.place.printable): \(example.message.printable)\n"
                }
            }
        }
        return text
    }
}
