import ArgumentParser
import Foundation
import Lumpini
import LumpiniCommandLine

struct Cleanse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a dataset's recipe: write the cleansed records, the cleansing report and the quarantine.",
        discussion: """
            Examples:
              lumpini cleanse pm25-readings-sample
              lumpini cleanse waste-tonnage-sample --json --root ~/bma-data
            Files go under <root>/.lumpini/ (never public): cleansed/<id>/<id>.csv,
            cleansed/<id>/cleansing-report.json and .txt, quarantine/<id>/quarantine.csv.
            --json prints the report; its keys rowsIn, rowsKept, rowsQuarantined, steps[] (step, field,
            changed, examples) and quarantineFile are stable. Exit code 0 even when rows are quarantined:
            the quarantine is the outcome, not a failure.
            """
    )

    @Argument(help: "The dataset id (the folder name under datasets/).")
    var id: String

    @Flag(help: "Print the report as JSON.")
    var json = false

    @OptionGroup var options: WorkspaceOptions

    func run() async throws {
        try await reportingFailures {
            let report = try DatasetCleanser.run(id: id, workspace: options.workspace)
            if json {
                print(try JSONOutput.string(report), terminator: "")
            } else {
                print(CleansingReportText.render(report), terminator: "")
            }
        }
    }
}
