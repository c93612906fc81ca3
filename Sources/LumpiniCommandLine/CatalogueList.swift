import ArgumentParser
import LumpiniCatalogue

struct CatalogueList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List published datasets, filtered by theme, publisher, format, high value, freshness or place.",
        discussion: """
            With --json: an array of objects with id, title {th, en}, publisher, theme, highValue,
            highValueCategory, classification, updated, version, formats, updateFrequency, stale,
            qualityScore, qualityRating.
            """)

    @OptionGroup var location: CatalogueLocation
    @OptionGroup var filters: CatalogueFilterOptions
    @OptionGroup var output: CatalogueOutputFormat

    func run() async throws {
        try await reportingFailures {
            try DatasetListOutput.write(.list(filters.filter), of: try location.open(), format: output)
        }
    }
}
