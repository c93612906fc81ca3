import ArgumentParser
import Foundation
import LumpiniCatalogue

extension CatalogueExportFormat: ExpressibleByArgument {}

struct CatalogueExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the catalogue as DCAT-AP 3, data.json, CKAN packages or Thai GD Catalog fields.",
        discussion: """
            dcat-ap: DCAT-AP 3 JSON-LD (dcat-ap-turtle: the same as Turtle); high-value datasets carry their EU HVD
            category and the applicable legislation (--legislation). data-json: Project Open Data 1.1.
            ckan: one package_show JSON per line, as `ckanapi load datasets` reads it; with --output DIR/ one
            <id>.json per dataset. gd-catalog: the Thai GD Catalog fields per dataset, with the required fields
            that are missing (also reported on stderr). Prints to stdout unless --output is given.
            """)

    @Option(help: "The export format: \(CatalogueExportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: CatalogueExportFormat
    @Option(help: "Write here instead of stdout (for ckan, a folder ending in / gets one file per dataset).") var output: String?
    @Option(help: "Where the public tree is served (download URLs are <base-url>/<id>/v<N>/<file>).")
    var baseURL = CatalogueExportSettings().baseURL
    @Option(help: "The legal basis cited for high-value datasets, an IRI (repeat for several; default: the EU HVD regulation).")
    var legislation: [String] = []
    @OptionGroup var location: CatalogueLocation
    @Flag(help: "Only high-value datasets (for a DCAT-AP HVD feed).") var highValue = false
    @Option(help: "Only datasets of this publisher (agency code).") var publisher: String?
    @Option(help: "Only datasets of this theme code.") var theme: String?

    private var filter: DatasetFilter {
        DatasetFilter(theme: theme, publisher: publisher, highValue: highValue ? true : nil)
    }

    func validate() throws {
        guard let url = URL(string: baseURL), url.scheme == "https" || url.scheme == "http", url.host != nil else {
            throw ValidationError("--base-url \"\(baseURL)\" is not an http(s) URL")
        }
        for iri in legislation where URL(string: iri)?.scheme == nil {
            throw ValidationError("--legislation \"\(iri)\" is not an IRI")
        }
    }

    func run() async throws {
        try await reportingFailures {
            let catalogue = try location.open()
            var settings = CatalogueExportSettings(baseURL: baseURL)
            // Names and EU themes from schemas/vocabularies/ when the workspace has them; codes otherwise.
            if let vocabularies = try? Vocabularies.load(from: location.workspace) { settings.use(vocabularies) }
            if !legislation.isEmpty { settings.applicableLegislation = legislation }
            if format == .ckan, let output, output.hasSuffix("/") || isDirectory(output) {
                let files = try catalogue.exportCKANPackages(to: URL(fileURLWithPath: output, isDirectory: true), filter: filter, settings: settings)
                note("wrote \(files.count) CKAN packages into \(output)")
                return
            }
            let datasets = try catalogue.allDatasets(filter)
            if format == .gdCatalog { reportMissingGDFields(datasets, settings: settings) }
            if let output {
                try BlockOutput.writingFile(at: URL(fileURLWithPath: output)) { file in
                    try Catalogue.export(format, of: datasets, settings: settings, to: &file)
                }
            } else {
                var standardOutput = BlockOutput()
                try Catalogue.export(format, of: datasets, settings: settings, to: &standardOutput)
                try standardOutput.flush()
            }
        }
    }

    private func reportMissingGDFields(_ datasets: [DatasetDetail], settings: CatalogueExportSettings) {
        let records = datasets.map { GDCatalogRecord($0, settings: settings) }
        for record in records {
            if !record.missing.isEmpty {
                Terminal.warning("\(record.name): the GD Catalog requires \(record.missing.joined(separator: ", ")) — add them under gdCatalog: in its dataset.yaml")
            }
            for invalid in record.invalid {
                Terminal.warning("\(record.name): gdCatalog \(invalid.field) \"\(invalid.value)\" is not an allowed value — use one of: \(invalid.allowed.joined(separator: " · "))")
            }
        }
        let complete = records.filter { $0.missing.isEmpty && $0.invalid.isEmpty }.count
        note("\(complete) of \(records.count) datasets have every required GD Catalog field")
    }

    private func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
