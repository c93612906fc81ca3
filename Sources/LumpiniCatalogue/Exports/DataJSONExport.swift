/// The catalogue as a Project Open Data `data.json` (DCAT-US 1.1), valid against its non-federal schema.
public struct DataJSONExport {
    public let settings: CatalogueExportSettings

    public init(settings: CatalogueExportSettings = CatalogueExportSettings()) {
        self.settings = settings
    }

    public func document(_ datasets: [DatasetDetail]) -> JSONNode {
        [
            "@context": "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld",
            "@id": .string("\(settings.baseURL)/data.json"),
            "@type": "dcat:Catalog",
            "conformsTo": "https://project-open-data.cio.gov/v1.1/schema",
            "describedBy": "https://project-open-data.cio.gov/v1.1/schema/catalog.json",
            "dataset": .array(datasets.map(dataset)),
        ]
    }

    private func dataset(_ detail: DatasetDetail) -> JSONNode {
        let metadata = detail.metadata
        let both = { (text: LocalizedText, separator: String) in
            [text.th, text.en].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: separator)
        }
        var temporal: String?
        if let start = metadata.temporal?.start, let end = metadata.temporal?.end { temporal = "\(start)/\(end)" }
        let box = detail.manifest.extent.map { [$0.minX, $0.minY, $0.maxX, $0.maxY] } ?? metadata.spatial.bbox
        let publisher = settings.publisherName(metadata.publisher)
        var contact: [String: JSONNode] = ["@type": "vcard:Contact", "fn": .string(metadata.contact.name)]
        if metadata.contact.email.contains("@") { contact["hasEmail"] = .string("mailto:\(metadata.contact.email)") }
        return .compact([
            "@type": "dcat:Dataset",
            "identifier": .string(settings.datasetURL(detail.id)),
            "title": .string(both(metadata.title, " / ")),
            "description": .string(both(metadata.description, "\n\n")),
            "keyword": .array(metadata.keywords.all.map(JSONNode.string)),
            "modified": .string(detail.releasedAt),
            "issued": .string(detail.firstReleasedAt),
            "publisher": ["@type": "org:Organization", "name": .string(publisher.en ?? publisher.th ?? metadata.publisher)],
            "contactPoint": .object(contact),
            "accessLevel": .string(metadata.classification.podAccessLevel),
            "license": .string(License.code(metadata.license).iri),
            "spatial": .string(box.count == 4 ? box.map { String($0) }.joined(separator: ",") : metadata.spatial.name),
            "temporal": .optional(temporal),
            "accrualPeriodicity": .optional(metadata.updateFrequency.isoRepeatingDuration),
            "theme": [.string(metadata.theme)],
            "language": .array([("th", metadata.title.th), ("en", metadata.title.en)].compactMap { ($0.1 ?? "").isEmpty ? nil : .string($0.0) }),
            "landingPage": .string(settings.landingPage(detail.id)),
            "distribution": .array(detail.manifest.dataFiles.map { file in
                [
                    "@type": "dcat:Distribution", "title": .string(file.path), "format": .string(file.format),
                    "mediaType": .string(file.mediaType), "downloadURL": .string(settings.downloadURL(detail, file)),
                ]
            }),
        ])
    }
}
