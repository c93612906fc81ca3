import ArgumentParser
import LumpiniCatalogue

struct CatalogueSearch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search titles, descriptions and keywords in Thai and English, best matches first.",
        discussion: """
            Every word must appear; a word in the title ranks a dataset higher than one in its keywords, which
            ranks higher than one in its description. Words match inside longer words, so Thai written without
            spaces is found ("ฝุ่น" finds "ฝุ่นละอองขนาดเล็ก"); English ignores case and accents. Quote words
            to keep them together: "air quality". Takes the same filters and output options as `list`.
            """)

    @Argument(help: "The words to search for.") var words: [String]
    @OptionGroup var location: CatalogueLocation
    @OptionGroup var filters: CatalogueFilterOptions
    @OptionGroup var output: CatalogueOutputFormat

    func validate() throws {
        if words.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("give at least one word to search for")
        }
    }

    func run() async throws {
        try await reportingFailures {
            let query = words.map { $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: " ")
            try DatasetListOutput.write(try .search(query, filter: filters.filter), of: try location.open(), format: output)
        }
    }
}
