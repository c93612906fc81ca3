import ArgumentParser
import Foundation
import LumpiniCatalogue

struct CatalogueShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show everything about one dataset: its metadata, freshness, quality, inputs (when derived), versions and files.",
        discussion: "--json prints the latest manifest with the versions and the quality score; --csv prints the files.")

    @Argument(help: "The dataset's id.") var id: String
    @OptionGroup var location: CatalogueLocation
    @OptionGroup var output: CatalogueOutputFormat

    func run() async throws {
        try await reportingFailures {
            let catalogue = try location.open()
            guard let detail = try catalogue.dataset(id: id) else {
                throw LumpiniError(
                    "dataset-not-in-catalogue", "no dataset \"\(id)\" in the catalogue", kind: .input,
                    hint: "`lumpini catalog search` finds datasets by words")
            }
            if output.json {
                FileHandle.standardOutput.write(try JSONOutput.data(detail))
            } else if output.csv {
                print(CatalogueCSV.render(
                    headers: ["version", "path", "format", "media_type", "size", "sha256", "role"],
                    rows: detail.files.map { [String(detail.version), $0.path, $0.format, $0.mediaType, String($0.size), $0.sha256, $0.role.rawValue] }),
                    terminator: "")
            } else {
                let vocabularies = try? Vocabularies.load(from: location.workspace)
                print(describe(detail, publicRoot: catalogue.publicRoot, vocabularies: vocabularies), terminator: "")
            }
        }
    }

    private func describe(_ detail: DatasetDetail, publicRoot: URL, vocabularies: Vocabularies?) -> String {
        let metadata = detail.metadata
        let manifest = detail.manifest
        var fields: [(String, String)] = []
        func add(_ label: String, _ value: String?) {
            // One line per field: a description written over several lines (a YAML block) is joined.
            if let value, !value.isEmpty { fields.append((label, value.joiningLines(with: " ").printable)) }
        }
        add("Title (th)", metadata.title.th)
        add("Title (en)", metadata.title.en)
        add("Description (th)", metadata.description.th)
        add("Description (en)", metadata.description.en)
        add("Publisher", metadata.publisher + (vocabularies?.agency(code: metadata.publisher).map { " — \($0.nameTH) / \($0.nameEN)" } ?? ""))
        add("Contact", "\(metadata.contact.name) <\(metadata.contact.email)>" + (metadata.contact.phone.map { " \($0)" } ?? ""))
        add("Theme", metadata.theme + (vocabularies?.theme(code: metadata.theme).map { " — \($0.nameTH) / \($0.nameEN)" } ?? ""))
        add("Keywords", metadata.keywords.all.joined(separator: ", "))
        add("Licence", metadata.license)
        add("Classification", metadata.classification.rawValue)
        add("Governance", [metadata.governance.status.rawValue, metadata.governance.approvedBy.map { "by \($0)" }, metadata.governance.approvedOn.map { "on \($0)" }]
            .compactMap { $0 }.joined(separator: " "))
        add("High value", metadata.highValue.flag ? "yes" + (metadata.highValue.category.map { " (\($0))" } ?? "") : "no")
        let freshness = detail.staleAt.map { detail.stale ? "stale since \($0)" : "fresh until \($0)" } ?? "never stale"
        add("Updated", "\(detail.releasedAt) (v\(detail.version)); \(metadata.updateFrequency.rawValue), \(freshness)")
        add("First released", detail.firstReleasedAt)
        add("Spatial", "\(metadata.spatial.name) " + metadata.spatial.bbox.map { String($0) }.joined(separator: ","))
        add("Extent", manifest.extent.map { "\($0.minX),\($0.minY),\($0.maxX),\($0.maxY)" + (manifest.geometryType.map { " (\($0))" } ?? "") })
        add("Temporal", metadata.temporal.map { "\($0.start ?? "…") – \($0.end ?? "…")" })
        add("Indicators", (metadata.indicators.livability + metadata.indicators.sdg.map { "SDG \($0)" }).joined(separator: ", "))
        add("Derived from", manifest.derivedFrom?.map { "\($0.id) v\($0.version) (\($0.file), sha256 \($0.sha256.prefix(12))…)" }.joined(separator: "; "))
        let counts = manifest.counts
        add("Rows", "\(counts.rowsIn) in, \(counts.rowsPublished) published, \(counts.rowsQuarantined) quarantined, \(counts.features) features")
        if let reasons = counts.quarantineReasons, reasons.total > 0 { add("Quarantined", reasons.summary) }
        let quality = manifest.quality
        add("Validation", "\(quality.valid ? "valid" : "invalid"), \(quality.errorCount) errors, \(quality.warningCount) warnings, "
            + "\(quality.changedValues) values changed by the recipe")
        let dimensions = QualityScore.Dimension.allCases.map { "\($0.rawValue) \(detail.quality.byDimension[$0.rawValue] ?? 0)" }
        add("Metadata quality", "\(detail.quality.points)/\(QualityScore.maximum) \(detail.quality.rating.rawValue) (\(dimensions.joined(separator: ", ")))")

        let labelWidth = fields.map { TextTable.width($0.0) }.max() ?? 0
        var text = Terminal.styled("\(detail.id)", .bold) + "\n"
        for (label, value) in fields {
            text += label + String(repeating: " ", count: labelWidth - TextTable.width(label)) + "  " + value + "\n"
        }
        if !detail.quality.missing.isEmpty {
            text += "\nTo raise the metadata quality score:\n"
            for advice in detail.quality.missing { text += "  +\(advice.points) \(advice.check): \(advice.advice)\n" }
        }
        text += "\nFiles of v\(detail.version) in \(publicRoot.appendingPathComponent(detail.directory).path.printable):\n"
        let files = TextTable(
            headers: ["PATH", "FORMAT", "ROLE", "SIZE", "SHA-256"],
            rows: detail.files.map { [$0.path, $0.format, $0.role.rawValue, String($0.size), String($0.sha256.prefix(16)) + "…"] })
        text += files.render()
        text += "\nVersions:\n"
        let versions = TextTable(
            headers: ["VERSION", "RELEASED", "ROWS", "QUARANTINED", "FILES", "BYTES"],
            rows: detail.versions.map {
                ["v\($0.version)", $0.releasedAt, $0.rowsPublished.map(String.init) ?? "", $0.rowsQuarantined.map(String.init) ?? "",
                 String($0.fileCount), String($0.totalSize)]
            })
        text += versions.render()
        return text
    }
}
