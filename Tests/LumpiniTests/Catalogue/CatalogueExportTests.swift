import Foundation
import Lumpini
import XCTest

final class CatalogueExportTests: XCTestCase {
    var tree: CatalogueTestTree!
    var catalogue: Catalogue!

    static let coreShapes = ["dcat-ap-3/3.0.1/html-shacl/shapes.ttl", "dcat-ap-3/3.0.1/html-shacl/range.ttl"]
    static let hvdShapes = ["dcat-ap-hvd/3.0.0-hvd/shacl/hvd-SHACL.ttl"]

    override func setUpWithError() throws {
        tree = try CatalogueTestTree()
        try CatalogueSample.write(into: tree)
        try tree.build()
        catalogue = try tree.open()
    }

    override func tearDown() {
        tree.remove()
    }

    private func write(_ data: Data, _ name: String) throws -> URL {
        let url = tree.root.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    private func json(_ data: Data) throws -> Any {
        try JSONSerialization.jsonObject(with: data)
    }

    /// The nodes of a JSON-LD export, by `@id`.
    private func nodes(_ data: Data) throws -> [String: [String: Any]] {
        let graph = try XCTUnwrap((try json(data) as? [String: Any])?["@graph"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: graph.map { ($0["@id"] as! String, $0) })
    }

    /// Settings as a workspace with vocabularies gives them: names of publishers and themes, EU data themes.
    static var settingsWithVocabularies: CatalogueExportSettings {
        var settings = CatalogueExportSettings()
        settings.publisherNames = ["ENV": LocalizedText(th: "สำนักสิ่งแวดล้อม", en: "Department of Environment")]
        settings.themeNames = ["environment": LocalizedText(th: "สิ่งแวดล้อม", en: "Environment")]
        settings.euThemes = ["environment": "ENVI", "education": "EDUC"]
        return settings
    }

    func testDCATAPJSONLDConformsToTheDCATAP3Shapes() throws {
        let validator = try ReferenceValidator(scratch: tree.root)
        let plain = try validator.shacl(try write(catalogue.export(.dcatAP), "plain.jsonld"), format: "json-ld", shapes: Self.coreShapes)
        XCTAssertTrue(plain.conforms, plain.output)
        let export = try write(catalogue.export(.dcatAP, settings: Self.settingsWithVocabularies), "catalog.jsonld")
        let verdict = try validator.shacl(export, format: "json-ld", shapes: Self.coreShapes)
        XCTAssertTrue(verdict.conforms, verdict.output)
    }

    func testDCATAPTurtleConformsToTheDCATAP3Shapes() throws {
        let validator = try ReferenceValidator(scratch: tree.root)
        let export = try write(catalogue.export(.dcatAPTurtle, settings: Self.settingsWithVocabularies), "catalog.ttl")
        let verdict = try validator.shacl(export, format: "turtle", shapes: Self.coreShapes)
        XCTAssertTrue(verdict.conforms, verdict.output)
    }

    /// A contact address that would close Turtle's `<…>` and open a triple of its own is written as one
    /// IRI, percent-encoded, in Turtle and JSON-LD alike, and the Turtle still parses and conforms.
    func testIRIsAreEscapedInTurtleAndJSONLD() throws {
        var settings = Self.settingsWithVocabularies
        settings.contactEmail = "data@bangkok.go.th> <http://evil.example/x> \"injected"
        let turtle = String(decoding: try catalogue.export(.dcatAPTurtle, settings: settings), as: UTF8.self)
        XCTAssertTrue(turtle.contains("<mailto:data@bangkok.go.th%3E%20%3Chttp://evil.example/x%3E%20%22injected>"), turtle)
        XCTAssertFalse(turtle.contains("<http://evil.example/x>"))
        let jsonLD = try nodes(try catalogue.export(.dcatAP, settings: settings))
        let emails = jsonLD.values.compactMap { $0["vcard:hasEmail"] as? [[String: Any]] }.flatMap { $0 }.compactMap { $0["@id"] as? String }
        XCTAssertTrue(emails.contains("mailto:data@bangkok.go.th%3E%20%3Chttp://evil.example/x%3E%20%22injected"), "\(emails)")
        let validator = try ReferenceValidator(scratch: tree.root)
        let verdict = try validator.shacl(try write(Data(turtle.utf8), "escaped.ttl"), format: "turtle", shapes: Self.coreShapes)
        XCTAssertTrue(verdict.conforms, verdict.output)
    }

    func testTheShapesCatchAnExportWithoutTitles() throws {
        // The check above is only worth something if the validator rejects a broken export of ours.
        let validator = try ReferenceValidator(scratch: tree.root)
        let text = String(decoding: try catalogue.export(.dcatAPTurtle), as: UTF8.self)
        let broken = text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !($0.contains("dct:title") && $0.contains("PM2.5")) }.joined(separator: "\n")
        let export = try write(Data(broken.utf8), "broken.ttl")
        let verdict = try validator.shacl(export, format: "turtle", shapes: Self.coreShapes)
        XCTAssertFalse(verdict.conforms, verdict.output)
        XCTAssertTrue(verdict.output.contains("pm25-readings"), verdict.output)
    }

    func testHighValueExportConformsToTheDCATAPHVDShapes() throws {
        let validator = try ReferenceValidator(scratch: tree.root)
        let export = try write(catalogue.export(.dcatAP, filter: DatasetFilter(highValue: true)), "hvd.jsonld")
        let verdict = try validator.shacl(export, format: "json-ld", shapes: Self.hvdShapes, rdfsInference: true)
        XCTAssertTrue(verdict.conforms, verdict.output)
        let full = try validator.shacl(
            export, format: "json-ld", shapes: ["dcat-ap-hvd/3.0.0-hvd/html-shacl/hvd-SHACL-full.ttl"], rdfsInference: true, allowWarnings: true)
        XCTAssertTrue(full.conforms, full.output)
    }

    func testDCATAPCarriesChecksumsLanguageTagsAndHighValueCategories() throws {
        let settings = CatalogueExportSettings(
            baseURL: "https://data.example.go.th/open/", applicableLegislation: [CatalogueExportSettings.euHighValueRegulation, "https://example.go.th/law/digital-government-2562"])
        let nodes = try nodes(catalogue.export(.dcatAP, settings: settings))
        let dataset = try XCTUnwrap(nodes["https://data.example.go.th/open/pm25-readings"])
        XCTAssertEqual(dataset["@type"] as? [String], ["dcat:Dataset"])
        let titles = try XCTUnwrap(dataset["dct:title"] as? [[String: String]])
        XCTAssertEqual(Set(titles), [
            ["@value": "ฝุ่นละอองขนาดเล็ก PM2.5", "@language": "th"], ["@value": "Fine particulate matter (PM2.5) readings", "@language": "en"],
        ])
        XCTAssertEqual((dataset["dcatap:hvdCategory"] as? [[String: String]])?.first?["@id"], "http://data.europa.eu/bna/c_dd313021")
        XCTAssertEqual(Set((dataset["dcatap:applicableLegislation"] as? [[String: String]])?.compactMap { $0["@id"] } ?? []),
                       [CatalogueExportSettings.euHighValueRegulation, "https://example.go.th/law/digital-government-2562"])

        let manifest = try Manifest.read(at: tree.publicRoot.appendingPathComponent("pm25-readings/v2/manifest.json"))
        let geojson = try XCTUnwrap(manifest.files.first { $0.format == "GeoJSON" })
        let distribution = try XCTUnwrap(nodes["https://data.example.go.th/open/pm25-readings/v2/pm25-readings.geojson#distribution"])
        XCTAssertEqual((distribution["dcat:downloadURL"] as? [[String: String]])?.first?["@id"],
                       "https://data.example.go.th/open/pm25-readings/v2/pm25-readings.geojson")
        let checksumIRI = try XCTUnwrap((distribution["spdx:checksum"] as? [[String: String]])?.first?["@id"])
        let checksum = try XCTUnwrap(nodes[checksumIRI])
        XCTAssertEqual(checksum["@type"] as? [String], ["spdx:Checksum"])
        XCTAssertEqual((checksum["spdx:checksumValue"] as? [[String: String]])?.first?["@value"], geojson.sha256)
        XCTAssertEqual((distribution["dcat:byteSize"] as? [[String: String]])?.first?["@value"], String(geojson.size))

        // Every node that something links to is typed (the DCAT-AP range shapes need it).
        for node in nodes.values {
            for (key, value) in node where !key.hasPrefix("@") {
                for object in value as? [[String: String]] ?? [] {
                    guard let target = object["@id"], !["dcat:downloadURL", "dcat:accessURL", "dcat:endpointURL", "vcard:hasEmail", "vcard:hasTelephone",
                                                       "foaf:homepage", "skos:inScheme", "spdx:algorithm", "skos:exactMatch"].contains(key) else { continue }
                    XCTAssertNotNil(nodes[target]?["@type"], "\(key) → \(target) is not typed")
                }
            }
        }
        // Not a high-value dataset: no category, no legislation.
        let cafe = try XCTUnwrap(nodes["https://data.example.go.th/open/cafe-terraces"])
        XCTAssertNil(cafe["dcatap:hvdCategory"])
        XCTAssertNil(cafe["dcatap:applicableLegislation"])
    }

    func testDataJSONIsValidAgainstTheNonFederalSchema() throws {
        let validator = try ReferenceValidator(scratch: tree.root)
        let export = try write(catalogue.export(.dataJSON), "data.json")
        let verdict = try validator.dataJSON(export, schemas: "data-json-1.1/dashboard-non-federal-v1.1")
        XCTAssertTrue(verdict.conforms, verdict.output)
        XCTAssertTrue(verdict.output.contains("VALID"), verdict.output)
    }

    func testDataJSONDescribesEveryDataset() throws {
        let document = try XCTUnwrap(try json(catalogue.export(.dataJSON)) as? [String: Any])
        let datasets = try XCTUnwrap(document["dataset"] as? [[String: Any]])
        XCTAssertEqual(datasets.count, 4)
        let canal = try XCTUnwrap(datasets.first { ($0["identifier"] as? String)?.hasSuffix("/canal-water-quality") == true })
        XCTAssertEqual(canal["title"] as? String, "คุณภาพน้ำในคลอง / Canal water quality")
        XCTAssertEqual(canal["accrualPeriodicity"] as? String, "R/P1M")
        XCTAssertEqual(canal["spatial"] as? String, "100.8,13.8,100.85,13.85")
        XCTAssertEqual((canal["distribution"] as? [[String: Any]])?.compactMap { $0["mediaType"] as? String }, ["application/geo+json", "text/csv"])
    }

    func testCKANPackagesHaveResourcesWithHashesAndSizes() throws {
        let lines = String(decoding: try catalogue.export(.ckan), as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(lines.count, 4)
        let packages = try lines.map { try XCTUnwrap(try json(Data($0.utf8)) as? [String: Any]) }
        let cafe = try XCTUnwrap(packages.first { $0["name"] as? String == "cafe-terraces" })
        XCTAssertEqual(cafe["title"] as? String, "ร้านกาแฟริมทาง")
        XCTAssertEqual(cafe["owner_org"] as? String, "eco")
        XCTAssertEqual((cafe["tags"] as? [[String: String]])?.map { $0["name"] }, ["coffee"])
        let resources = try XCTUnwrap(cafe["resources"] as? [[String: Any]])
        XCTAssertEqual(resources.map { $0["format"] as? String }, ["CSV", "GPKG"])
        let manifest = try Manifest.read(at: tree.publicRoot.appendingPathComponent("cafe-terraces/v1/manifest.json"))
        XCTAssertEqual(resources.map { $0["hash"] as? String }, manifest.dataFiles.map(\.sha256))
        XCTAssertEqual(resources.map { ($0["size"] as? NSNumber)?.intValue }, manifest.dataFiles.map(\.size))
        XCTAssertEqual(resources.first?["url"] as? String, "https://data.bangkok.go.th/opendata/cafe-terraces/v1/cafe-terraces.csv")

        let folder = tree.root.appendingPathComponent("ckan", isDirectory: true)
        let files = try catalogue.exportCKANPackages(to: folder)
        XCTAssertEqual(files.map(\.lastPathComponent), ["bma-schools.json", "cafe-terraces.json", "canal-water-quality.json", "pm25-readings.json"])
    }

    func testGDCatalogFillsRequiredFieldsOrReportsThemMissing() throws {
        let records = try XCTUnwrap(try json(catalogue.export(.gdCatalog)) as? [[String: Any]])
        let byName = Dictionary(uniqueKeysWithValues: records.map { ($0["name"] as! String, $0) })
        // The objective has no home in dataset.yaml but gdCatalog; the café permits have no geometry,
        // so their data type (record or statistics?) cannot be derived either.
        XCTAssertEqual(byName["pm25-readings"]?["missing"] as? [String], ["objective"])
        XCTAssertEqual(byName["cafe-terraces"]?["missing"] as? [String], ["data_type", "objective"])
        let fields = try XCTUnwrap(byName["pm25-readings"]?["fields"] as? [String: Any])
        XCTAssertEqual(fields["data_type"] as? String, "ข้อมูลภูมิสารสนเทศเชิงพื้นที่")
        XCTAssertEqual(fields["update_frequency_unit"] as? String, "วัน")
        XCTAssertEqual(fields["data_category"] as? String, "ข้อมูลสาธารณะ")
        XCTAssertEqual(fields["license_id"] as? String, "Creative Commons Attributions")
        XCTAssertEqual(fields["data_format"] as? [String], ["JSON", "CSV"])
        XCTAssertEqual(fields["geo_coverage"] as? String, "จังหวัด")
        XCTAssertEqual(fields["first_year_of_data"] as? String, "2567")
        for field in GDCatalogRecord.required where field != "objective" { XCTAssertNotNil(fields[field], field) }
    }

    func testGDCatalogTakesFieldsFromDatasetYAMLAndChecksTheirValues() throws {
        let complete = CatalogueTestTree.metadata(
            id: "district-budget", th: "งบประมาณรายเขต", en: "District budgets", descriptionTh: "งบประมาณของสำนักงานเขต 50 เขต", keywordsTh: ["งบประมาณ"],
            gdCatalog: ["data_type": "ข้อมูลสถิติ", "objective": "พันธกิจหน่วยงาน, เพื่อการให้บริการประชาชน", "data_support": "บริษัทเอกชน"])
        try catalogue.record(manifestAt: tree.release(complete, extent: nil))
        let detail = try XCTUnwrap(catalogue.dataset(id: "district-budget"))
        let record = GDCatalogRecord(detail, settings: CatalogueExportSettings())
        XCTAssertEqual(record.missing, [])
        XCTAssertEqual(record.fields["objective"], ["พันธกิจหน่วยงาน", "เพื่อการให้บริการประชาชน"])
        XCTAssertEqual(record.invalid.map(\.field), ["data_support"])
        XCTAssertEqual(record.invalid.first?.value, "บริษัทเอกชน")
    }
}
