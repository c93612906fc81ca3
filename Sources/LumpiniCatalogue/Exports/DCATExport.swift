/// The catalogue as DCAT-AP 3 (with the DCAT-AP HVD additions for high-value datasets): a catalogue,
/// its datasets, their distributions with SPDX checksums, publishers, contact points, licences,
/// spatial and temporal coverage, Thai and English literals with language tags, every linked node typed.
public struct DCATExport {
    public let settings: CatalogueExportSettings

    public init(settings: CatalogueExportSettings = CatalogueExportSettings()) {
        self.settings = settings
    }

    static let prefixes: [(prefix: String, namespace: String)] = [
        ("dcat", "http://www.w3.org/ns/dcat#"), ("dct", "http://purl.org/dc/terms/"), ("dcatap", "http://data.europa.eu/r5r/"),
        ("eli", "http://data.europa.eu/eli/ontology#"), ("foaf", "http://xmlns.com/foaf/0.1/"),
        ("skos", "http://www.w3.org/2004/02/skos/core#"), ("vcard", "http://www.w3.org/2006/vcard/ns#"),
        ("spdx", "http://spdx.org/rdf/terms#"), ("xsd", "http://www.w3.org/2001/XMLSchema#"),
        ("owl", "http://www.w3.org/2002/07/owl#"), ("locn", "http://www.w3.org/ns/locn#"),
        ("gsp", "http://www.opengis.net/ont/geosparql#"), ("adms", "http://www.w3.org/ns/adms#"),
    ]

    public func writeJSONLD<Output: ByteOutput & ~Copyable>(_ datasets: [DatasetDetail], to output: inout Output) throws(Output.Failure) {
        try graph(datasets).writeJSONLD(to: &output)
    }

    public func turtle(_ datasets: [DatasetDetail]) -> String { graph(datasets).turtle }

    func graph(_ datasets: [DatasetDetail]) -> RDFGraph {
        var graph = RDFGraph(prefixes: Self.prefixes)
        let base = settings.baseURL
        let catalogue = "\(base)/catalog"
        let service = "\(base)/service"
        let themeScheme = "\(base)/theme"
        let catalogueContact = "\(base)/catalog#contact"
        let publisher = agent(settings.publisher, name: settings.publisherName, into: &graph)

        graph.add(catalogue, types: ["dcat:Catalog"], RDFGraph.texts(settings.title).map { ("dct:title", $0) }
            + RDFGraph.texts(settings.description).map { ("dct:description", $0) }
            + [("dct:publisher", .iri(publisher)), ("foaf:homepage", .iri(base + "/")), ("dcat:themeTaxonomy", .iri(themeScheme)),
               ("dct:language", .iri(Self.language("THA"))), ("dct:language", .iri(Self.language("ENG")))])
        graph.add(base + "/", types: ["foaf:Document"])
        graph.add(themeScheme, types: ["skos:ConceptScheme"], [
            ("dct:title", .text("หมวดหมู่ของบัญชีข้อมูลเปิดกรุงเทพมหานคร", language: "th")),
            ("dct:title", .text("Themes of the Bangkok open data catalogue", language: "en")),
        ])
        for code in ["THA", "ENG"] { graph.add(Self.language(code), types: ["dct:LinguisticSystem"]) }
        graph.add(catalogueContact, types: ["vcard:Kind", "vcard:Organization"], RDFGraph.texts(settings.publisherName).map { ("vcard:fn", $0) }
            + [("vcard:hasEmail", .iri("mailto:\(settings.contactEmail)"))])

        let highValue = datasets.filter { $0.metadata.highValue.flag }
        for detail in datasets {
            let dataset = settings.datasetURL(detail.id)
            graph.add(catalogue, types: [], [("dcat:dataset", .iri(dataset))])
            addDataset(detail, iri: dataset, themeScheme: themeScheme, into: &graph)
        }
        if !highValue.isEmpty {
            // High-value datasets must be served by a data service (DCAT-AP HVD): the file service of the public tree.
            let licence = License.code("CC-BY-4.0")
            graph.add(licence.iri, types: ["dct:LicenseDocument"])
            graph.add(service, types: ["dcat:DataService"], [
                ("dct:title", .text("บริการดาวน์โหลดไฟล์ข้อมูลเปิดกรุงเทพมหานคร", language: "th")),
                ("dct:title", .text("Bangkok open data file download service", language: "en")),
                ("dcat:endpointURL", .iri(base + "/")), ("foaf:page", .iri(base + "/")),
                ("dcat:contactPoint", .iri(catalogueContact)), ("dct:license", .iri(licence.iri)),
            ] + settings.applicableLegislation.map { ("dcatap:applicableLegislation", .iri($0)) })
            graph.add(catalogue, types: [], [("dcat:service", .iri(service))])
            for detail in highValue {
                graph.add(service, types: [], [("dcat:servesDataset", .iri(settings.datasetURL(detail.id)))])
                if let category = detail.metadata.highValue.category.flatMap({ HighValueCategory.concepts[$0] }) {
                    graph.add(service, types: [], [("dcatap:hvdCategory", .iri(category.iri))])
                }
            }
        }
        return graph
    }

    /// The dataset's node and the nodes it links to. The order in which nodes and properties are added
    /// is the order the export writes them: the parts below keep it.
    private func addDataset(_ detail: DatasetDetail, iri dataset: String, themeScheme: String, into graph: inout RDFGraph) {
        var properties = describe(detail, iri: dataset, themeScheme: themeScheme, into: &graph)
        properties += coverage(detail.metadata, extent: detail.manifest.extent, iri: dataset, into: &graph)
        var distributionProperties = licence(detail.metadata.license, into: &graph)
        if detail.metadata.highValue.flag {
            let (datasetLinks, distributionLinks) = highValue(detail.metadata.highValue, into: &graph)
            properties += datasetLinks
            distributionProperties += distributionLinks
        }
        for file in detail.manifest.dataFiles {
            let distribution = addDistribution(file, of: detail, shared: distributionProperties, into: &graph)
            properties.append(("dcat:distribution", .iri(distribution)))
        }
        graph.add(dataset, types: ["dcat:Dataset"], properties)
    }

    /// Who publishes the dataset, whom to ask, its theme, access rights, frequency, dates, titles,
    /// descriptions and keywords.
    private func describe(_ detail: DatasetDetail, iri dataset: String, themeScheme: String, into graph: inout RDFGraph) -> [(String, RDFGraph.Object?)] {
        let metadata = detail.metadata
        let publisher = agent(metadata.publisher, name: settings.publisherName(metadata.publisher), into: &graph)
        let contact = "\(dataset)#contact"
        graph.add(contact, types: ["vcard:Kind", "vcard:Organization"], [
            ("vcard:fn", .text(metadata.contact.name, language: nil)),
            ("vcard:hasEmail", .iri("mailto:\(metadata.contact.email)")),
            ("vcard:hasTelephone", metadata.contact.phone.map { .iri("tel:" + $0.filter { $0.isNumber || $0 == "+" }) }),
        ])
        let theme = "\(themeScheme)/\(metadata.theme)"
        graph.add(theme, types: ["skos:Concept"], [("skos:inScheme", .iri(themeScheme))]
            + RDFGraph.texts(settings.themeNames[metadata.theme] ?? LocalizedText(en: metadata.theme)).map { ("skos:prefLabel", $0) })
        if let euTheme = settings.euThemes[metadata.theme] {
            let iri = "http://publications.europa.eu/resource/authority/data-theme/\(euTheme)"
            graph.add(iri, types: ["skos:Concept"], [
                ("skos:prefLabel", .text(Self.euThemeLabels[euTheme] ?? euTheme, language: "en")),
                ("skos:inScheme", .iri("http://publications.europa.eu/resource/authority/data-theme")),
            ])
            graph.add(dataset, types: [], [("dcat:theme", .iri(iri))])
        }
        let accessRights = "http://publications.europa.eu/resource/authority/access-right/\(metadata.classification.euAccessRight)"
        graph.add(accessRights, types: ["dct:RightsStatement"])
        let frequency = "http://publications.europa.eu/resource/authority/frequency/\(metadata.updateFrequency.euFrequency)"
        graph.add(frequency, types: ["dct:Frequency"])

        var properties: [(String, RDFGraph.Object?)] = [
            ("dct:identifier", .text(detail.id, language: nil)),
            ("dct:publisher", .iri(publisher)), ("dcat:contactPoint", .iri(contact)), ("dcat:theme", .iri(theme)),
            ("dct:accessRights", .iri(accessRights)), ("dct:accrualPeriodicity", .iri(frequency)),
            ("dct:issued", .typed(detail.firstReleasedAt, datatype: "xsd:dateTime")),
            ("dct:modified", .typed(detail.releasedAt, datatype: "xsd:dateTime")),
            ("dcat:version", .text(String(detail.version), language: nil)),
            ("dcat:landingPage", .iri(settings.landingPage(detail.id))),
        ]
        properties += RDFGraph.texts(metadata.title).map { ("dct:title", $0) }
        properties += RDFGraph.texts(metadata.description).map { ("dct:description", $0) }
        properties += metadata.keywords.th.map { ("dcat:keyword", .text($0, language: "th")) }
        properties += metadata.keywords.en.map { ("dcat:keyword", .text($0, language: "en")) }
        graph.add(settings.landingPage(detail.id), types: ["foaf:Document"])
        return properties
    }

    /// Where and when: the extent the release measured (else the declared box) and the temporal coverage.
    private func coverage(_ metadata: DatasetMetadata, extent: Envelope?, iri dataset: String, into graph: inout RDFGraph) -> [(String, RDFGraph.Object?)] {
        var properties: [(String, RDFGraph.Object?)] = []
        let box = extent.map { [$0.minX, $0.minY, $0.maxX, $0.maxY] } ?? (metadata.spatial.bbox.count == 4 ? metadata.spatial.bbox : nil)
        if let box {
            let location = "\(dataset)#spatial"
            let wkt = "POLYGON((\(box[0]) \(box[1]), \(box[2]) \(box[1]), \(box[2]) \(box[3]), \(box[0]) \(box[3]), \(box[0]) \(box[1])))"
            graph.add(location, types: ["dct:Location"], [
                ("dcat:bbox", .typed(wkt, datatype: "gsp:wktLiteral")), ("skos:prefLabel", .text(metadata.spatial.name, language: "en")),
            ])
            properties.append(("dct:spatial", .iri(location)))
        }
        if let temporal = metadata.temporal, temporal.start != nil || temporal.end != nil {
            let period = "\(dataset)#temporal"
            graph.add(period, types: ["dct:PeriodOfTime"], [
                ("dcat:startDate", temporal.start.map { .typed($0, datatype: Self.dateType($0)) }),
                ("dcat:endDate", temporal.end.map { .typed($0, datatype: Self.dateType($0)) }),
            ])
            properties.append(("dct:temporal", .iri(period)))
        }
        return properties
    }

    /// The licence's node; the property every distribution carries.
    private func licence(_ code: String, into graph: inout RDFGraph) -> [(String, RDFGraph.Object?)] {
        let licence = License.code(code)
        graph.add(licence.iri, types: ["dct:LicenseDocument"], [
            ("dct:identifier", .text(licence.code, language: nil)),
            ("skos:exactMatch", licence.isKnown ? .iri("http://spdx.org/licenses/\(licence.code)") : nil),
        ])
        return [("dct:license", .iri(licence.iri))]
    }

    /// A high-value dataset's legislation (on the dataset and each distribution) and category (on the dataset).
    private func highValue(
        _ highValue: HighValue, into graph: inout RDFGraph
    ) -> (dataset: [(String, RDFGraph.Object?)], distribution: [(String, RDFGraph.Object?)]) {
        var datasetLinks: [(String, RDFGraph.Object?)] = []
        var distributionLinks: [(String, RDFGraph.Object?)] = []
        for legislation in settings.applicableLegislation {
            graph.add(legislation, types: ["eli:LegalResource"])
            datasetLinks.append(("dcatap:applicableLegislation", .iri(legislation)))
            distributionLinks.append(("dcatap:applicableLegislation", .iri(legislation)))
        }
        if let category = highValue.category.flatMap({ HighValueCategory.concepts[$0] }) {
            graph.add(category.iri, types: ["skos:Concept"], [
                ("skos:prefLabel", .text(category.label, language: "en")), ("skos:inScheme", .iri(HighValueCategory.scheme)),
            ])
            graph.add(HighValueCategory.scheme, types: ["skos:ConceptScheme"], [("dct:title", .text("High-value dataset categories", language: "en"))])
            datasetLinks.append(("dcatap:hvdCategory", .iri(category.iri)))
        }
        return (datasetLinks, distributionLinks)
    }

    /// One published data file as a distribution, with its checksum, format and media type; returns its IRI.
    private func addDistribution(
        _ file: Manifest.File, of detail: DatasetDetail, shared: [(String, RDFGraph.Object?)], into graph: inout RDFGraph
    ) -> String {
        let download = settings.downloadURL(detail, file)
        let distribution = "\(download)#distribution"
        let checksum = "\(download)#sha256"
        graph.add(checksum, types: ["spdx:Checksum"], [
            ("spdx:algorithm", .iri("http://spdx.org/rdf/terms#checksumAlgorithm_sha256")),
            ("spdx:checksumValue", .typed(file.sha256, datatype: "xsd:hexBinary")),
        ])
        var fileProperties: [(String, RDFGraph.Object?)] = [
            ("dct:title", .text(file.path, language: nil)),
            ("dcat:accessURL", .iri(settings.accessURL(detail.id))), ("dcat:downloadURL", .iri(download)),
            ("dcat:byteSize", .typed(String(file.size), datatype: "xsd:nonNegativeInteger")),
            ("spdx:checksum", .iri(checksum)),
            ("dct:issued", .typed(detail.releasedAt, datatype: "xsd:dateTime")),
        ]
        let format = FileFormat.named(file.format)
        if let code = format?.euFileType {
            let iri = FileFormat.euFileTypeBase + code
            graph.add(iri, types: ["dct:MediaTypeOrExtent"])
            fileProperties.append(("dct:format", .iri(iri)))
        }
        if !file.mediaType.isEmpty {
            let iri = "http://www.iana.org/assignments/media-types/\(file.mediaType)"
            graph.add(iri, types: ["dct:MediaType"])
            fileProperties.append(("dcat:mediaType", .iri(iri)))
        }
        graph.add(distribution, types: ["dcat:Distribution"], fileProperties + shared)
        return distribution
    }

    private func agent(_ code: String, name: LocalizedText, into graph: inout RDFGraph) -> String {
        let iri = "\(settings.baseURL)/publisher/\(code)"
        graph.add(iri, types: ["foaf:Agent", "foaf:Organization"], RDFGraph.texts(name).map { ("foaf:name", $0) }
            + [("dct:identifier", .text(code, language: nil))])
        return iri
    }

    /// The English labels of the EU data themes (`http://publications.europa.eu/resource/authority/data-theme`).
    static let euThemeLabels = [
        "AGRI": "Agriculture, fisheries, forestry and food", "ECON": "Economy and finance", "EDUC": "Education, culture and sport",
        "ENER": "Energy", "ENVI": "Environment", "GOVE": "Government and public sector", "HEAL": "Health",
        "INTR": "International issues", "JUST": "Justice, legal system and public safety", "REGI": "Regions and cities",
        "SOCI": "Population and society", "TECH": "Science and technology", "TRAN": "Transport",
    ]

    private static func language(_ code: String) -> String {
        "http://publications.europa.eu/resource/authority/language/\(code)"
    }

    private static func dateType(_ value: String) -> String {
        value.count == 10 ? "xsd:date" : value.count == 4 ? "xsd:gYear" : "xsd:dateTime"
    }
}
