import ArgumentParser
import Foundation
import Lumpini
import LumpiniCommandLine

struct New: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a dataset from an agency's file: copy it, write dataset.yaml with what inspect found, a suggested recipe and an inferred schema.",
        discussion: """
            Examples:
              lumpini new pm25-readings --from ~/Downloads/pm25.csv
              lumpini new parks --from parks.shp --root ~/bma-data
            Every value a person must write is marked TODO; run `lumpini check <id>` to see what is left.
            """
    )

    @Argument(help: "The new dataset's id: lowercase letters, digits and hyphens.")
    var id: String

    @Option(help: ArgumentHelp("The file the agency sent (CSV, XLSX, Shapefile, GeoJSON, KML, …).", valueName: "file"))
    var from: String

    @Flag(help: "Print what was written as JSON.")
    var json = false

    @OptionGroup var options: WorkspaceOptions

    func run() async throws {
        try await reportingFailures {
            let result = try DatasetScaffold.create(id: id, from: from, workspace: options.workspace)
            if json {
                print(try JSONOutput.string(result), terminator: "")
            } else {
                print("Created \(result.dataset):")
                for file in result.files { print("  \(file.printable)") }
                print("Suggested recipe: \(result.recipe.joined(separator: " → "))")
                print("Next: replace each TODO in datasets/\(result.dataset)/dataset.yaml, then run `lumpini check \(result.dataset)`.")
            }
        }
    }
}
