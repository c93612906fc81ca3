import Foundation
import XCTest

/// Datasets of district polygons that the site's tests add to a workspace of samples, made from the real
/// Bangkok districts in the shared fixtures (read in place, written only into the test's folder):
/// `districts-sample`, whose polygons the maps draw as outlines (unless the samples already ship it), and
/// an indicator by district in the shape derived datasets publish (`district_code`, names, `value`,
/// `unit`, `year`, `n`, `note`; a few districts without a value, one note holding a CRLF), released like
/// any dataset and then given the `derivedFrom` of its manifest.
enum DistrictDatasets {
    static let outlines = "districts-sample"
    static let indicator = "pm25-by-district-test"
    static let unit = "µg/m³"
    /// Districts without a value in the indicator, with the note saying why.
    static let withoutValue = [1001, 1003, 1020]
    static let note = "no station in the district\r\n(test data)"

    /// Writes both datasets and their schemas into the workspace at `root`.
    static func add(to root: URL) throws {
        let fixture = try Data(contentsOf: URL(fileURLWithPath: CLIRunner.fixture("mapthai-hdx-adm2/bangkok_adm2.geojson")))
        let collection = try XCTUnwrap(JSONSerialization.jsonObject(with: fixture) as? [String: Any])
        let districts = try XCTUnwrap(collection["features"] as? [[String: Any]]).compactMap { feature -> (Int, [String: Any], Any)? in
            guard let properties = feature["properties"] as? [String: Any], let pcode = properties["ADM2_PCODE"] as? String,
                  let code = Int(pcode.dropFirst(2)), let geometry = feature["geometry"] else { return nil }
            return (code, ["district_code": code, "district_th": properties["ADM2_TH"] ?? "", "district_en": properties["ADM2_EN"] ?? ""], geometry)
        }.sorted { $0.0 < $1.0 }
        XCTAssertEqual(districts.count, 50)
        if !FileManager.default.fileExists(atPath: root.appendingPathComponent("datasets/\(outlines)").path) {
            try write(root, id: outlines, title: ("เขตของกรุงเทพมหานคร (ข้อมูลทดสอบ)", "Bangkok districts (test data)"),
                      keywords: "[district boundaries, districts]", features: districts.map { ($0.1, $0.2) }, fields: [])
        }
        let indicatorFeatures = districts.map { district -> ([String: Any], Any) in
            let (code, names, geometry) = district
            var properties = names
            let missing = withoutValue.contains(code)
            properties["value"] = missing ? NSNull() as Any : Double((code * 37) % 400) / 10 + 10
            properties["unit"] = unit
            properties["year"] = 2024
            properties["n"] = missing ? NSNull() as Any : code % 4 + 1
            properties["note"] = missing ? note : ""
            return (properties, geometry)
        }
        try write(root, id: indicator, title: ("ค่าฝุ่น PM2.5 เฉลี่ยรายปีรายเขต (ข้อมูลทดสอบ)", "Annual mean PM2.5 by district (test data)"),
                  keywords: "[indicator, pm2.5]", features: indicatorFeatures,
                  fields: [("value", "number"), ("unit", "string"), ("year", "integer"), ("n", "integer"), ("note", "string")])
    }

    /// Gives the released indicator the `derivedFrom` a derived dataset's manifest has (the districts and the
    /// PM2.5 readings it would be computed from, with their files' hashes), and removes its page so that the
    /// next `lumpini site` makes it again; the catalogue, which the site reads manifests from, is built again.
    static func markDerived(publicRoot: URL) throws {
        var inputs: [[String: Any]] = []
        for (id, format) in [(outlines, "GeoJSON"), ("pm25-readings-sample", "CSV")] {
            let manifest = try json(publicRoot.appendingPathComponent("\(id)/latest/manifest.json"))
            let file = try XCTUnwrap((manifest["files"] as? [[String: Any]])?.first { $0["format"] as? String == format })
            inputs.append(["id": id, "version": manifest["version"] ?? 0, "file": file["path"] ?? "", "sha256": file["sha256"] ?? ""])
        }
        let url = publicRoot.appendingPathComponent("\(indicator)/latest/manifest.json").resolvingSymlinksInPath()
        var manifest = try json(url)
        // Where a derived version's manifest has them: at the top and among the inputs its hash covers.
        manifest["derivedFrom"] = inputs
        var hashed = try XCTUnwrap(manifest["inputs"] as? [String: Any])
        hashed["derivedFrom"] = inputs
        manifest["inputs"] = hashed
        try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys]).write(to: url)
        try FileManager.default.removeItem(at: publicRoot.appendingPathComponent("\(indicator)/index.html"))
        let build = try CLIRunner.run(["catalog", "build", "--public", publicRoot.path])
        XCTAssertEqual(build.status, 0, build.stderr)
    }

    private static func json(_ url: URL) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    private static func write(
        _ root: URL, id: String, title: (String, String), keywords: String, features: [([String: Any], Any)], fields: [(String, String)]
    ) throws {
        let folder = root.appendingPathComponent("datasets/\(id)/source")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let collection: [String: Any] = ["type": "FeatureCollection", "features": features.map { ["type": "Feature", "properties": $0.0, "geometry": $0.1] }]
        try JSONSerialization.data(withJSONObject: collection, options: [.sortedKeys]).write(to: folder.appendingPathComponent("\(id).geojson"))
        var schemaFields: [[String: Any]] = [
            ["name": "district_code", "type": "integer", "constraints": ["required": true, "unique": true, "minimum": 1001, "maximum": 1050]],
            ["name": "district_th", "type": "string"], ["name": "district_en", "type": "string"],
        ] + fields.map { ["name": $0.0, "type": $0.1] }
        // The source's properties are written with sorted keys, and a schema's fields follow the columns.
        schemaFields.sort { ($0["name"] as? String ?? "") < ($1["name"] as? String ?? "") }
        let schema: [String: Any] = ["fields": schemaFields, "primaryKey": ["district_code"], "missingValues": [""]]
        try JSONSerialization.data(withJSONObject: schema, options: [.prettyPrinted, .sortedKeys])
            .write(to: root.appendingPathComponent("schemas/\(id).schema.json"))
        let yaml = """
            id: \(id)
            title:
              th: \(title.0)
              en: \(title.1)
            description:
              th: ข้อมูลทดสอบที่สร้างขึ้นจากขอบเขตเขตของกรุงเทพมหานคร
              en: Test data made from the Bangkok district boundaries.
            publisher: SED
            contact:
              name: Strategy and Evaluation Department, data team (test)
              email: data@example.org
            theme: society
            keywords:
              th: [เขต, ทดสอบ]
              en: \(keywords)
            license: CC-BY-4.0
            classification: public
            highValue:
              flag: false
            updateFrequency: annual
            governance:
              status: approved
              approvedBy: BMA Data Governance Committee (test)
              approvedOn: 2024-02-01
            gdCatalog:
              data_type: ข้อมูลภูมิสารสนเทศเชิงพื้นที่
              objective: พันธกิจหน่วยงาน
            source:
              paths: [source/\(id).geojson]
            schema: \(id)
            recipe:
              - step: make-valid
              - step: wind-rings

            """
        try yaml.write(to: root.appendingPathComponent("datasets/\(id)/dataset.yaml"), atomically: true, encoding: .utf8)
    }
}
