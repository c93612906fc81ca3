import ArgumentParser
import Foundation
import LumpiniCatalogue

struct CatalogueBuild: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Rebuild the catalogue index from the public tree alone.",
        discussion: """
            Reads every public/<id>/v<N>/manifest.json and public/<id>/latest, writes a new index and puts it in
            place of the old one in one step. Running it again on the same tree gives the same index. Datasets that
            releases recorded as not published (awaiting approval) are kept. A release that cannot be read is
            reported and left out; the exit code is then 1.
            """)

    @OptionGroup var location: CatalogueLocation
    @Flag(help: "Print the summary as JSON.") var json = false

    func run() async throws {
        try await reportingFailures {
            let report = try Catalogue.build(publicRoot: location.workspace.publicRoot, file: location.file)
            for problem in report.problems { Terminal.warning(problem) }
            if json {
                FileHandle.standardOutput.write(try JSONOutput.data(report))
            } else {
                print("Indexed \(counted(report.datasets, "dataset")) (\(counted(report.versions, "version"))) into \(location.file.path)")
            }
            if !report.problems.isEmpty { throw ExitCode(1) }
        }
    }
}
