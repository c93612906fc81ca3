import ArgumentParser
import Foundation
import LumpiniCatalogue

/// `lumpini catalog …`: the index of what has been published, and its exports.
/// None of it needs GDAL: `lumpini` answers these commands itself, and the engine's full tree holds the same group.
public struct CatalogueCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Find published datasets, track progress and export catalogue metadata.",
        discussion: """
            The catalogue is a SQLite index built from the public tree alone (public/<id>/v<N>/manifest.json
            and public/<id>/latest); `lumpini release` keeps it up to date and `catalog build` rebuilds it.
            By default it is <public>/.lumpini/catalog.sqlite (set LUMPINI_CATALOG or --catalog to change it).
            Every query prints a table, or JSON with --json, or CSV with --csv.
            """,
        subcommands: [
            CatalogueBuild.self, CatalogueList.self, CatalogueSearch.self, CatalogueShow.self, CatalogueStats.self,
            CataloguePath.self, CatalogueExport.self,
        ]
    )

    public init() {}
}

/// Where the catalogue and the public tree are.
public struct CatalogueLocation: ParsableArguments {
    @Option(name: .customLong("catalog"), help: "The catalogue index file (default: LUMPINI_CATALOG, else <public>/.lumpini/catalog.sqlite).")
    var catalogFile: String?

    @Option(name: .customLong("public"), help: "The public tree (default: LUMPINI_PUBLIC, else <root>/public).")
    var publicDirectory: String?

    @Option(help: "The workspace root (default: LUMPINI_ROOT, else the current directory).")
    var root: String?

    public init() {}

    public var workspace: Workspace { Workspace(root: root, publicRoot: publicDirectory) }

    /// The index file: `--catalog`, else LUMPINI_CATALOG, else `<public>/.lumpini/catalog.sqlite`.
    public var file: URL {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        if let path = catalogFile ?? ProcessInfo.processInfo.environment["LUMPINI_CATALOG"] {
            return URL(fileURLWithPath: path, relativeTo: cwd).standardizedFileURL
        }
        return Catalogue.defaultFile(publicRoot: workspace.publicRoot)
    }

    func open() throws -> Catalogue {
        try Catalogue.open(at: file, publicRoot: workspace.publicRoot)
    }
}

/// How a query prints its answer.
struct CatalogueOutputFormat: ParsableArguments {
    @Flag(help: "Print JSON.") var json = false
    @Flag(help: "Print CSV (RFC 4180, UTF-8, with a header row).") var csv = false

    func validate() throws {
        if json && csv { throw ValidationError("choose one of --json and --csv") }
    }
}

extension Classification: ExpressibleByArgument {}

/// The filters `list` and `search` share.
struct CatalogueFilterOptions: ParsableArguments {
    @Option(help: "Only datasets of this theme code.") var theme: String?
    @Option(help: "Only datasets of this publisher (agency code).") var publisher: String?
    @Option(help: "Only datasets published in this format (geojson, csv, gpkg, …).") var format: String?
    @Flag(inversion: .prefixedNo, help: "Only high-value datasets (--no-high-value: only the others).") var highValue: Bool?
    @Option(help: "Only high-value datasets of this category (geospatial, earth-observation-and-environment, meteorological, statistics, companies, mobility).")
    var category: String?
    @Option(help: "Only datasets of this classification (\(Classification.allCases.map(\.rawValue).joined(separator: ", "))).")
    var classification: Classification?
    @Option(help: "Only datasets linked to this livability indicator code or SDG target.") var indicator: String?
    @Option(help: "Only datasets released on or after this date (YYYY-MM-DD or ISO 8601 date and time).") var updatedSince: String?
    @Flag(help: "Only datasets past their declared update frequency.") var stale = false
    @Option(help: "Only datasets whose extent intersects this box: minLon,minLat,maxLon,maxLat (WGS 84).") var bbox: String?
    @Option(help: "At most this many datasets.") var limit: Int?

    func validate() throws {
        if let updatedSince, parsedDate(updatedSince) == nil {
            throw ValidationError("--updated-since \"\(updatedSince)\" is not a date: write YYYY-MM-DD")
        }
        if let bbox, parsedBBox(bbox) == nil {
            throw ValidationError("--bbox \"\(bbox)\" is not a box: write minLon,minLat,maxLon,maxLat with min ≤ max, for example 100.5,13.7,100.6,13.8")
        }
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
    }

    var filter: DatasetFilter {
        DatasetFilter(
            theme: theme, publisher: publisher, format: format, highValue: category != nil ? true : highValue,
            highValueCategory: category, classification: classification, indicator: indicator,
            updatedSince: updatedSince.flatMap(parsedDate), stale: stale ? true : nil, bbox: bbox.flatMap(parsedBBox), limit: limit)
    }

    private func parsedDate(_ text: String) -> Date? {
        (try? Date(text, strategy: .iso8601)) ?? (try? Date(text, strategy: Date.ISO8601FormatStyle().year().month().day()))
    }

    private func parsedBBox(_ text: String) -> [Double]? {
        let numbers = text.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard numbers.count == 4, numbers[0] <= numbers[2], numbers[1] <= numbers[3] else { return nil }
        return numbers
    }
}

/// A line for people on stderr, so that stdout stays the data.
func note(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
