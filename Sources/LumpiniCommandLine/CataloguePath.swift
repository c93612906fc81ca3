import ArgumentParser
import LumpiniCatalogue

struct CataloguePath: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Print the path of a dataset's latest data file, for scripts.",
        discussion: "The path is inside the version folder (public/<id>/v<N>/…), which never changes once released.")

    @Argument(help: "The dataset's id.") var id: String
    @Option(help: "The file's format (geojson, csv, gpkg, …); the first data file when not given.") var format: String?
    @OptionGroup var location: CatalogueLocation

    func run() async throws {
        try await reportingFailures {
            print(try location.open().latestFile(id: id, format: format).path)
        }
    }
}
