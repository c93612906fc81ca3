import Foundation
import Lumpini
import XCTest

/// A data officer's first ten minutes with three files as agencies send them: `lumpini new`, every
/// TODO replaced as an officer would (never the recipe or the schema `new` wrote), approval, `publish`.
/// What that publishes must be what a dataset.yaml written by hand from the docs publishes: the same
/// published rows, the same rows set aside with the same reasons.
final class OfficerPathCLITests: XCTestCase {
    private var workspace: ReleaseWorkspace!
    private static let agencyFiles = CLIRunner.packageRoot.appendingPathComponent("Tests/Corpus/agency")

    override func setUpWithError() throws {
        workspace = try ReleaseWorkspace()
    }

    override func tearDown() {
        workspace.remove()
    }

    /// Two title rows (merged across the sheet) above the header, Buddhist-Era months, a total row.
    func testSpreadsheetWithTitleRowsAndATotalRow() throws {
        let file = Self.agencyFiles.appendingPathComponent("waste-by-district.xlsx").path
        let yaml = try officerCreates("waste", from: file)
        XCTAssertTrue(yaml.contains("  headerRow: 3   # the first row of names (5 short text cells); rows 1–2 above it hold a title"), yaml)
        XCTAssertTrue(yaml.contains("  - step: skip-total-rows   # row 12 reads \"รวม\""), yaml)
        let officer = try officerPublishes("waste")
        try handWrites("waste-by-hand", sources: [file], source: "{paths: [source/waste-by-district.xlsx], headerRow: 3}", recipe: """
              - step: skip-total-rows
              - step: clean-text
              - step: missing-values
              - step: parse-dates
                fields: [เดือน]
              - step: parse-numbers
                fields: [ลำดับ, "ปริมาณขยะ (ตัน/วัน)"]
              - step: match-districts
                field: เขต
            """, schema: [("ลำดับ", "integer"), ("เขต", "string"), ("เดือน", "yearmonth"), ("ปริมาณขยะ (ตัน/วัน)", "number"),
                          ("หมายเหตุ", "string"), ("district_code", "string"), ("district_th", "string"), ("district_en", "string")])
        let byHand = try published("waste-by-hand")
        XCTAssertEqual(officer.csv.first, "ลำดับ,เขต,เดือน,ปริมาณขยะ (ตัน/วัน),หมายเหตุ,district_code,district_th,district_en")
        XCTAssertEqual(officer.csv.count, 9, "the eight districts under the header")
        XCTAssertEqual(officer.csv[1], "1,ปทุมวัน,2022-10,152.5,,1007,ปทุมวัน,Pathum Wan")
        XCTAssertEqual(officer.setAside, ["12 total-row"])
        XCTAssertEqual(officer.csv, byHand.csv)
        XCTAssertEqual(officer.setAside, byHand.setAside)
    }

    /// TIS-620, coordinates in ละติจูด / ลองจิจูด: two rows swapped, one at (0, 0), one in Chiang Mai, one repeated.
    func testTIS620CSVWithThaiNamedCoordinates() throws {
        let file = Self.agencyFiles.appendingPathComponent("air-stations-tis620.csv").path
        let yaml = try officerCreates("stations", from: file)
        XCTAssertTrue(yaml.contains("  encoding: TIS-620"), yaml)
        XCTAssertTrue(yaml.contains("    x: \"ลองจิจูด\"\n    y: \"ละติจูด\"\n    crs: EPSG:4326\n    fixSwapped: true"), yaml)
        let officer = try officerPublishes("stations")
        try handWrites("stations-by-hand", sources: [file], source: """
            paths: [source/air-stations-tis620.csv]
              encoding: TIS-620
              coordinates: {x: ลองจิจูด, y: ละติจูด}
            """, recipe: """
              - step: clean-text
              - step: remove-duplicates
              - step: parse-numbers
                fields: ["ค่าฝุ่น PM2.5"]
              - step: match-districts
                field: เขต
              - step: points-from-columns
              - step: require-in-area
              - step: drop-columns
                fields: [ละติจูด, ลองจิจูด]
            """, schema: [("รหัสสถานี", "string"), ("ชื่อสถานี", "string"), ("เขต", "string"), ("ค่าฝุ่น PM2.5", "integer"),
                          ("district_code", "string"), ("district_th", "string"), ("district_en", "string")])
        let byHand = try published("stations-by-hand")
        XCTAssertEqual(officer.csv.count, 10, "nine stations in Bangkok, once each")
        XCTAssertTrue(officer.csv.contains("ST04,สถานีห้วยขวาง,ห้วยขวาง,52,1017,ห้วยขวาง,Huai Khwang,100.574,13.7765"), "swapped back: \(officer.csv)")
        XCTAssertEqual(officer.setAside, ["7 outside-area", "8 unmatched-district", "11 duplicate"])
        XCTAssertEqual(officer.features, 9)
        XCTAssertEqual(officer.csv, byHand.csv)
        XCTAssertEqual(officer.setAside, byHand.setAside)
    }

    /// A UTM 47N shapefile of polygons with Thai names in TIS-620 and no `.cpg`, one polygon repeated.
    func testShapefileWithARepeatedPolygonAndNoCodePage() throws {
        let folder = workspace.root.appendingPathComponent("from-agency")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let geojson = folder.appendingPathComponent("parks.geojson")
        try Data(Self.parks.utf8).write(to: geojson)
        let shapefile = folder.appendingPathComponent("shp/parks.shp")
        try FileManager.default.createDirectory(at: shapefile.deletingLastPathComponent(), withIntermediateDirectories: true)
        let made = try CLIRunner.run(["-f", "ESRI Shapefile", "-t_srs", "EPSG:32647", "-lco", "ENCODING=CP874", shapefile.path, geojson.path],
                                     executable: URL(fileURLWithPath: "/usr/bin/ogr2ogr"))
        XCTAssertEqual(made.status, 0, made.stderr)
        try FileManager.default.removeItem(at: shapefile.deletingPathExtension().appendingPathExtension("cpg"))
        let yaml = try officerCreates("parks", from: shapefile.path)
        XCTAssertTrue(yaml.contains("  encoding: TIS-620"), yaml)
        XCTAssertTrue(yaml.contains("  - step: remove-duplicates   # rows repeating an earlier row exactly: 1 (row 4 repeats row 2)"), yaml)
        let officer = try officerPublishes("parks")
        let parts = ["shp", "shx", "dbf", "prj"].map { shapefile.deletingPathExtension().appendingPathExtension($0).path }
        try handWrites("parks-by-hand", sources: parts, source: "{paths: [source/parks.shp], encoding: TIS-620}", recipe: """
              - step: clean-text
              - step: remove-duplicates
              - step: match-districts
                field: district
              - step: reproject
              - step: make-valid
              - step: require-in-area
              - step: round-coordinates
              - step: wind-rings
            """, schema: [("name", "string"), ("district", "string"), ("area_rai", "integer"),
                          ("district_code", "string"), ("district_th", "string"), ("district_en", "string")])
        let byHand = try published("parks-by-hand")
        XCTAssertEqual(officer.csv.count, 5, "four parks, the repeated one once")
        XCTAssertTrue(officer.csv.contains { $0.hasPrefix("สวนลุมพินี,ปทุมวัน,360,1007,") }, "Thai read from TIS-620: \(officer.csv)")
        XCTAssertEqual(officer.setAside, ["4 duplicate"])
        XCTAssertEqual(officer.csv, byHand.csv)
        XCTAssertEqual(officer.setAside, byHand.setAside)
        XCTAssertEqual(officer.features, byHand.features)
    }

    /// The same station sent twice with a changed reading: no row repeats exactly, its identifier does.
    func testARepeatedIdentifierSuggestsDuplicatesByKey() throws {
        let rows = (1...20).map { "S\($0),สถานี \($0),\(20 + $0)" } + ["S7,สถานี 7,99"]
        let file = workspace.root.appendingPathComponent("readings.csv")
        try Data((["station_id,name,pm25"] + rows).joined(separator: "\n").utf8).write(to: file)
        let yaml = try officerCreates("readings", from: file.path)
        XCTAssertTrue(yaml.contains("""
              - step: remove-duplicates   # rows repeating an earlier row's "station_id" with other values: 1; the first is kept: check which is right
                key: ["station_id"]
            """), yaml)
        let cleanse = try workspace.lumpini(["cleanse", "readings", "--json"])
        XCTAssertEqual(cleanse.status, 0, cleanse.stderr)
        XCTAssertEqual((try cleanse.json() as? [String: Any])?["rowsQuarantined"] as? Int, 1)
    }

    /// Text from the file goes into the comments `new` writes (a total row's label, column names): it can
    /// neither end a comment early nor start a key of its own.
    func testTextFromTheFileCannotEndAComment() throws {
        let file = workspace.root.appendingPathComponent("injected.csv")
        try Data("""
            "name\u{2028}privacy: x","lat\nprivacy: y",lon
            a,13.75,100.50
            a,13.75,100.50
            "รวม\nprivacy:\n  allow:\n    CHAIRMAN: [person-name]\u{85}x",,

            """.utf8).write(to: file)
        let yaml = try officerCreates("injected", from: file.path)
        XCTAssertFalse(yaml.split(separator: "\n").contains { $0.hasPrefix("privacy") || $0.hasPrefix("  allow") }, yaml)
        XCTAssertFalse(yaml.unicodeScalars.contains { [0x85, 0x2028].contains($0.value) }, yaml)
        XCTAssertTrue(yaml.contains("  - step: skip-total-rows   # row 4 reads \"รวม\\nprivacy:"), yaml)
        let check = try workspace.lumpini(["check", "injected", "--json"])
        let findings = try XCTUnwrap((try check.json() as? [String: Any])?["findings"] as? [[String: Any]], check.stdout + check.stderr)
        XCTAssertFalse(findings.isEmpty, "dataset.yaml still loads and lists what a person must fill in")
    }

    /// Runs `new`, checks that the comments keep the YAML valid (`check` reads it), and returns what it wrote.
    private func officerCreates(_ id: String, from file: String) throws -> String {
        let created = try workspace.lumpini(["new", id, "--from", file, "--root", workspace.root.path])
        XCTAssertEqual(created.status, 0, created.stderr)
        return try String(contentsOf: workspace.root.appendingPathComponent("datasets/\(id)/dataset.yaml"), encoding: .utf8)
    }

    /// Replaces each TODO as an officer would, approves, and publishes; the recipe and schema stay as `new` wrote them.
    private func officerPublishes(_ id: String) throws -> Published {
        let file = workspace.root.appendingPathComponent("datasets/\(id)/dataset.yaml")
        let schema = workspace.root.appendingPathComponent("schemas/\(id).schema.json")
        let written = try String(contentsOf: file, encoding: .utf8)
        let schemaBefore = try Data(contentsOf: schema)
        let replacements = [
            "\"TODO: ชื่อชุดข้อมูล\"": "ชุดข้อมูลตัวอย่างจากหน่วยงาน", "\"TODO: dataset title\"": "An agency's sample data",
            "\"TODO: คำอธิบายชุดข้อมูล\"": "ข้อมูลตัวอย่างสำหรับการทดสอบ", "\"TODO: what the data is, where it comes from, how often it changes\"": "Sample data for tests.",
            "  name: \"TODO\"": "  name: Environment Department", "  email: TODO@example.org": "  email: env@bangkok.go.th",
            "  th: []": "  th: [ตัวอย่าง]", "  en: []": "  en: [sample]",
            "  status: draft": "  status: approved\n  approvedBy: Data Governance Committee\n  approvedOn: 2026-01-05",
        ]
        var lines = written.components(separatedBy: "\n").map { line -> String in
            if line.hasPrefix("publisher: TODO") { return "publisher: ENV" }
            if line.hasPrefix("theme: TODO") { return "theme: environment" }
            if line.hasPrefix("  objective: TODO") { return "  objective: พันธกิจหน่วยงาน, เพื่อการให้บริการประชาชน" }
            if line.hasPrefix("  data_type: TODO") { return "  data_type: ข้อมูลสถิติ" }
            return line
        }.joined(separator: "\n")
        for (todo, value) in replacements { lines = lines.replacingOccurrences(of: todo, with: value) }
        XCTAssertFalse(lines.split(separator: "\n").contains { !$0.hasPrefix("#") && $0.contains("TODO") }, lines)
        XCTAssertEqual(lines.components(separatedBy: "\nrecipe:\n").last, written.components(separatedBy: "\nrecipe:\n").last)
        try Data(lines.utf8).write(to: file)
        let check = try workspace.lumpini(["check", id])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertEqual(try Data(contentsOf: schema), schemaBefore, "the officer never touches the schema")
        let result = try published(id)
        // What `new` asked for is all the national catalogue requires.
        XCTAssertEqual(try workspace.lumpini(["catalog", "build", "--public", workspace.publicRoot.path]).status, 0)
        let gd = try workspace.lumpini(["catalog", "export", "--format", "gd-catalog", "--public", workspace.publicRoot.path])
        XCTAssertTrue(gd.stderr.contains("1 of 1 datasets have every required GD Catalog field"), gd.stderr)
        return result
    }

    /// A dataset described by hand, with its own schema.
    private func handWrites(_ id: String, sources: [String], source: String, recipe: String, schema: [(String, String)]) throws {
        let folder = workspace.root.appendingPathComponent("datasets/\(id)/source")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for path in sources {
            try FileManager.default.copyItem(atPath: path, toPath: folder.appendingPathComponent((path as NSString).lastPathComponent).path)
        }
        try workspace.addDataset(id, points: 0, source: "", extra: "")
        let yaml = workspace.root.appendingPathComponent("datasets/\(id)/dataset.yaml")
        let text = try String(contentsOf: yaml, encoding: .utf8).replacingOccurrences(of: "source: {paths: []}", with: "source:\n  \(source)")
        try Data((text + "schema: \(id)\nrecipe:\n\(recipe)\n").utf8).write(to: yaml)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("stations.geojson"))
        let fields = schema.map { "{\"name\": \"\($0.0)\", \"type\": \"\($0.1)\"}" }.joined(separator: ", ")
        try Data("{\"fields\": [\(fields)]}".utf8).write(to: workspace.root.appendingPathComponent("schemas/\(id).schema.json"))
    }

    private struct Published {
        var csv: [String]
        /// "row reason" of each row set aside, in order.
        var setAside: [String]
        var features: Int?
    }

    private func published(_ id: String) throws -> Published {
        let result = try workspace.lumpini(["publish", id])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let version = workspace.publicRoot.appendingPathComponent("\(id)/latest")
        let csv = try String(contentsOf: version.appendingPathComponent("\(id).csv"), encoding: .utf8)
        let quarantine = try String(contentsOf: workspace.root.appendingPathComponent(".lumpini/quarantine/\(id)/quarantine.csv"), encoding: .utf8)
        let lines = quarantine.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = try XCTUnwrap(lines.first)
        let row = try XCTUnwrap(header.firstIndex(of: "row")), reason = try XCTUnwrap(header.firstIndex(of: "reason"))
        let setAside = lines.dropFirst().map { cells in "\(cells[row]) \(cells[reason])" }
        let geojson = version.appendingPathComponent("\(id).geojson")
        let features = FileManager.default.fileExists(atPath: geojson.path)
            ? ((try JSONSerialization.jsonObject(with: Data(contentsOf: geojson)) as? [String: Any])?["features"] as? [Any])?.count : nil
        // The feature index `serve` reads was written while the GeoJSON was: it is there, named by the file's hash, alone.
        let indexes = try? FileManager.default.contentsOfDirectory(atPath: workspace.publicRoot.appendingPathComponent(".lumpini/features/\(id)").path)
        XCTAssertEqual(indexes, features == nil ? nil : ["\(try FileDigest.sha256(ofFile: geojson.path).sha256).sqlite"], id)
        return Published(csv: csv.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init), setAside: setAside, features: features)
    }

    private static let parks = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"name":"สวนลุมพินี","district":"ปทุมวัน","area_rai":360},"geometry":{"type":"Polygon","coordinates":[[[100.536,13.727],[100.546,13.727],[100.546,13.735],[100.536,13.735],[100.536,13.727]]]}},
        {"type":"Feature","properties":{"name":"สวนจตุจักร","district":"จตุจักร","area_rai":155},"geometry":{"type":"Polygon","coordinates":[[[100.549,13.801],[100.556,13.801],[100.556,13.808],[100.549,13.808],[100.549,13.801]]]}},
        {"type":"Feature","properties":{"name":"สวนเบญจกิติ","district":"คลองเตย","area_rai":130},"geometry":{"type":"Polygon","coordinates":[[[100.556,13.728],[100.562,13.728],[100.562,13.733],[100.556,13.733],[100.556,13.728]]]}},
        {"type":"Feature","properties":{"name":"สวนจตุจักร","district":"จตุจักร","area_rai":155},"geometry":{"type":"Polygon","coordinates":[[[100.549,13.801],[100.556,13.801],[100.556,13.808],[100.549,13.808],[100.549,13.801]]]}},
        {"type":"Feature","properties":{"name":"สวนสันติภาพ","district":"ราชเทวี","area_rai":17},"geometry":{"type":"Polygon","coordinates":[[[100.534,13.761],[100.537,13.761],[100.537,13.764],[100.534,13.764],[100.534,13.761]]]}}
        ]}
        """
}
