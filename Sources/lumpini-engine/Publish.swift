import ArgumentParser
import Lumpini

struct Publish: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Publish one dataset: a new version with GeoJSON, CSV, metadata, reports and checksums, made visible atomically.",
        discussion: """
            The same as `lumpini release <id>` for one dataset: skipped when its inputs are unchanged (use --force),
            held back until the governance committee approves it. See docs/publishing.md.
            Example:
              lumpini publish pm25-readings-sample
            """
    )

    @Argument(help: "The dataset id (its folder under datasets/).")
    var id: String

    @OptionGroup var options: ReleaseArguments

    func run() async throws {
        try await options.release([id])
    }
}
