import ArgumentParser
import Foundation
import Lumpini
import LumpiniCommandLine
import LumpiniSite

/// `lumpini site`: builds the public portal from the public tree and its catalogue index.
struct Site: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the public website (bilingual pages, maps, search, statistics) into the public tree.",
        discussion: """
            Writes index.html at the root of the public tree, <id>/index.html and a bounded map preview beside each
            published dataset's versions, and the pages per agency and theme, the statistics, the search index and
            the assets under _site/. Only pages whose inputs changed are made again; `lumpini release` runs it after
            publishing. Serve the folder with any web server (python3 -m http.server -d public). See docs/site.md.
            When the basemap's tiles cannot load, maps draw the polygons of a published dataset of districts under
            the data (--outlines). The tile, URL and outline options are remembered: later builds, and releases, keep
            them until they are given again.
            Examples:
              lumpini site
              lumpini site --public /srv/opendata --tiles 'https://tiles.example.go.th/{z}/{x}/{y}.png' --tile-attribution '© BMA'
              lumpini site --tiles ''        (maps on a plain background with district outlines, no tile requests)
              lumpini site --outlines bma-district-boundaries
            Exit codes: 0 built; 2 no public tree or catalogue index, a bad tile URL, an outline dataset that is not
            published with polygons, a Debian JavaScript package missing.
            """
    )

    @OptionGroup var location: CatalogueLocation

    @Option(help: "The basemap's tile URL template ({z}/{x}/{y}, {s}); empty for none (default: OpenStreetMap's, or the last one given).")
    var tiles: String?

    @Option(help: "The attribution the tile provider asks for, as text.")
    var tileAttribution: String?

    @Option(help: "Where the attribution links to.")
    var tileAttributionURL: String?

    @Option(help: "Where the public tree is served, for the URLs pages give to use the data from code.")
    var baseURL: String?

    @Option(help: ArgumentHelp(
        "The published dataset of district polygons drawn under the data when tiles cannot load; empty for none.",
        discussion: "Default: the dataset whose English keywords include \"district boundaries\", else districts-sample, or the last one given.",
        valueName: "id"))
    var outlines: String?

    @Flag(help: "Print what was built as JSON.")
    var json = false

    func run() async throws {
        try await reportingFailures {
            let workspace = location.workspace
            var settings = SiteBuilder.rememberedSettings(publicRoot: workspace.publicRoot)
            if let tiles { settings.tileURL = tiles }
            if let tileAttribution { settings.tileAttribution = tileAttribution }
            if let tileAttributionURL { settings.tileAttributionURL = tileAttributionURL }
            if let baseURL { settings.baseURL = baseURL }
            if let outlines { settings.outlines = outlines }
            let builder = SiteBuilder(publicRoot: workspace.publicRoot, catalogueFile: location.file,
                                      vocabularies: try? Vocabularies.load(from: workspace), settings: settings)
            let report = try builder.build()
            if json {
                print(try JSONOutput.string(report), terminator: "")
            } else {
                print("Site of \(report.datasets) datasets: \(report.datasetsRebuilt.count) dataset pages made, \(report.filesWritten) files written, \(report.filesUnchanged) unchanged")
                print("Open \(report.index) (or serve it: python3 -m http.server -d \(workspace.publicRoot.path))")
            }
        }
    }
}
