import ArgumentParser
import Foundation
import LumpiniCatalogue
import LumpiniCommandLine

/// `lumpini-catalogue-generator`: a public tree or index of many plausible datasets, to measure the
/// catalogue on 10,000 of them. Kept out of `lumpini`: people publish data, they do not generate it.
@main
struct GenerateCatalogue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lumpini-catalogue-generator",
        abstract: "Write a generated public tree of many datasets and index it (for benchmarks and demos).",
        discussion: """
            Writes COUNT plausible datasets (one to three versions each, with real GeoJSON and CSV files and manifests)
            into the public tree, the same for the same --seed, then builds the catalogue index from it.
            Refuses a public tree that already holds anything. With --index-only, the generated manifests go straight
            into the catalogue index and no file is written to the public tree: seconds instead of minutes, for
            query benchmarks (`catalog path` then names files that do not exist).
            """)

    @Option(help: "How many datasets.") var count = 10_000
    @Option(help: "The seed of the generator.") var seed: UInt64 = 42
    @Flag(help: "Write only the catalogue index, not the public tree.") var indexOnly = false
    @OptionGroup var location: CatalogueLocation

    func validate() throws {
        if count < 1 { throw ValidationError("--count must be at least 1") }
    }

    func run() async throws {
        try await reportingFailures {
            let publicRoot = location.workspace.publicRoot
            let existing = (try? FileManager.default.contentsOfDirectory(atPath: publicRoot.path)) ?? []
            guard existing.filter({ !$0.hasPrefix(".") }).isEmpty else {
                throw LumpiniError(
                    "public-tree-not-empty", "the public tree already holds datasets", kind: .input, file: publicRoot.path,
                    hint: "give an empty folder with --public DIR")
            }
            let generator = CatalogueGenerator(count: count, seed: seed)
            if indexOnly {
                if FileManager.default.fileExists(atPath: location.file.path) { try FileManager.default.removeItem(at: location.file) }
                let releases = try generator.record(into: Catalogue.open(at: location.file, publicRoot: publicRoot, create: true))
                print("Indexed \(counted(count, "generated dataset")) (\(counted(releases, "release"))) into \(location.file.path)")
            } else {
                let releases = try generator.write(into: publicRoot)
                let report = try Catalogue.build(publicRoot: publicRoot, file: location.file)
                print("Generated \(count) datasets (\(releases) releases) in \(publicRoot.path); indexed \(report.datasets) into \(location.file.path)")
            }
        }
    }
}
