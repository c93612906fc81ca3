import Foundation
import Lumpini
import XCTest

/// `lumpini catalog …` end to end: the real binary on a public tree of real releases.
final class CatalogueCommandTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = packageRoot.appendingPathComponent(".build/debug/lumpini")

    var root: URL!
    var publicRoot: URL { root.appendingPathComponent("public", isDirectory: true) }

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else {
            throw XCTSkip("build the binary first (`swift build` or `make test`): \(Self.binary.path) is missing")
        }
        root = FileManager.default.temporaryDirectory.appendingPathComponent("lumpini-catalog-cli-\(UUID().uuidString)", isDirectory: true)
        try release(id: "pm25-readings", th: "ฝุ่นละอองขนาดเล็ก PM2.5", en: "Fine particulate matter PM2.5", highValue: true, version: 1, daysAgo: 30)
        try release(id: "pm25-readings", th: "ฝุ่นละอองขนาดเล็ก PM2.5", en: "Fine particulate matter PM2.5", highValue: true, version: 2, daysAgo: 3)
        try release(id: "canal-water-quality", th: "คุณภาพน้ำในคลอง", en: "Canal water quality", highValue: false, version: 1, daysAgo: 1)
    }

    override func tearDown() {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    private func release(id: String, th: String, en: String, highValue: Bool, version: Int, daysAgo: Double) throws {
        let metadata = DatasetMetadata(
            id: id, title: LocalizedText(th: th, en: en), description: LocalizedText(th: "รายละเอียด \(th)", en: "About \(en)."),
            publisher: "ENV", contact: Contact(name: "ฝ่ายข้อมูล", email: "data@bangkok.go.th"), theme: "environment",
            keywords: LocalizedKeywords(th: ["สิ่งแวดล้อม"], en: ["environment"]), license: "CC-BY-4.0", classification: .public,
            highValue: HighValue(flag: highValue, category: highValue ? "earth-observation-and-environment" : nil), updateFrequency: .weekly,
            spatial: SpatialCoverage(), temporal: TemporalCoverage(start: "2025-01-01", end: "2025-12-31"),
            governance: Governance(status: .approved, approvedBy: "committee", approvedOn: "2025-02-01"), indicators: IndicatorLinks())
        let geojson = #"{"type":"FeatureCollection","features":[{"type":"Feature","id":1,"geometry":{"type":"Point","coordinates":[100.5,13.7]},"properties":{}}]}"#
        try SampleRelease(
            metadata: metadata, version: version, releasedAt: Date().addingTimeInterval(-daysAgo * 86_400),
            files: [
                .init(name: "\(id).geojson", format: "GeoJSON", mediaType: "application/geo+json", contents: Data(geojson.utf8)),
                .init(name: "\(id).csv", format: "CSV", mediaType: "text/csv", contents: Data("id,longitude,latitude\n1,100.5,13.7\n".utf8)),
            ],
            counts: .init(rowsIn: 1, rowsPublished: 1, rowsQuarantined: 0, features: 1),
            extent: .init(minX: 100.5, minY: 13.7, maxX: 100.5, maxY: 13.7), geometryType: "Point"
        ).write(into: publicRoot)
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    @discardableResult
    private func lumpini(_ arguments: String...) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LUMPINI_PUBLIC"] = publicRoot.path
        environment["NO_COLOR"] = "1"
        environment.removeValue(forKey: "LUMPINI_CATALOG")
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    private func jsonArray(_ text: String) throws -> [[String: Any]] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    func testBuildThenListJSONKeepsTheContract() throws {
        let build = try lumpini("catalog", "build")
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertTrue(build.stdout.contains("Indexed 2 datasets (3 versions)"), build.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: publicRoot.appendingPathComponent(".lumpini/catalog.sqlite").path))

        let list = try lumpini("catalog", "list", "--json")
        XCTAssertEqual(list.status, 0, list.stderr)
        let datasets = try jsonArray(list.stdout)
        XCTAssertEqual(datasets.map { $0["id"] as? String }, ["canal-water-quality", "pm25-readings"])
        for dataset in datasets {
            for key in ["id", "title", "publisher", "theme", "highValue", "updated", "formats"] { XCTAssertNotNil(dataset[key], key) }
            let title = try XCTUnwrap(dataset["title"] as? [String: String])
            XCTAssertNotNil(title["th"])
            XCTAssertNotNil(title["en"])
            XCTAssertTrue(dataset["highValue"] is Bool)
            XCTAssertEqual(dataset["formats"] as? [String], ["GeoJSON", "CSV"])
        }
        XCTAssertEqual(datasets.last?["highValue"] as? Bool, true)
        XCTAssertEqual(datasets.last?["version"] as? Int, 2)
    }

    func testSearchFindsThaiWordsInsideThaiText() throws {
        try lumpini("catalog", "build")
        let dust = try lumpini("catalog", "search", "ฝุ่น", "--json")
        XCTAssertEqual(dust.status, 0, dust.stderr)
        XCTAssertEqual(try jsonArray(dust.stdout).map { $0["id"] as? String }, ["pm25-readings"])
        let water = try lumpini("catalog", "search", "น้ำ", "--json")
        XCTAssertEqual(try jsonArray(water.stdout).map { $0["id"] as? String }, ["canal-water-quality"])
        let none = try lumpini("catalog", "search", "bicycle", "--json")
        XCTAssertEqual(none.status, 0, none.stderr)
        XCTAssertEqual(try jsonArray(none.stdout).count, 0)
    }

    func testTableAndCSVOutput() throws {
        try lumpini("catalog", "build")
        let table = try lumpini("catalog", "list", "--high-value")
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertTrue(table.stdout.hasPrefix("ID "), table.stdout)
        XCTAssertTrue(table.stdout.contains("ฝุ่นละอองขนาดเล็ก PM2.5"), table.stdout)
        XCTAssertFalse(table.stdout.contains("คุณภาพน้ำในคลอง"), table.stdout)
        XCTAssertTrue(table.stdout.contains("1 dataset\n"), table.stdout)

        let csv = try lumpini("catalog", "list", "--csv")
        let lines = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[0].hasPrefix("id,title_th,title_en,publisher,theme,high_value"), lines[0])
        XCTAssertTrue(lines[2].hasPrefix("pm25-readings,ฝุ่นละอองขนาดเล็ก PM2.5,Fine particulate matter PM2.5,ENV,environment,true"), lines[2])
    }

    func testShowPathAndStats() throws {
        try lumpini("catalog", "build")
        let show = try lumpini("catalog", "show", "pm25-readings")
        XCTAssertEqual(show.status, 0, show.stderr)
        for expected in ["Title (th)", "ฝุ่นละอองขนาดเล็ก PM2.5", "Metadata quality", "Versions:", "v1", "v2", "pm25-readings.geojson"] {
            XCTAssertTrue(show.stdout.contains(expected), "\(expected) not in \(show.stdout)")
        }
        let showJSON = try lumpini("catalog", "show", "pm25-readings", "--json")
        let detail = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(showJSON.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((detail["versions"] as? [[String: Any]])?.count, 2)

        let path = try lumpini("catalog", "path", "pm25-readings", "--format", "geojson")
        XCTAssertEqual(path.status, 0, path.stderr)
        let file = path.stdout.trimmingCharacters(in: .newlines)
        XCTAssertTrue(file.hasSuffix("/pm25-readings/v2/pm25-readings.geojson"), file)
        XCTAssertTrue(FileManager.default.fileExists(atPath: file))

        let stats = try lumpini("catalog", "stats", "--json")
        let figures = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        let highValue = try XCTUnwrap(figures["highValue"] as? [String: Any])
        XCTAssertEqual(highValue["target"] as? Int, 800)
        XCTAssertEqual(highValue["published"] as? Int, 1)
        let table = try lumpini("catalog", "stats")
        XCTAssertTrue(table.stdout.contains("High-value datasets: 1 of 800 published"), table.stdout)
    }

    func testExportsWriteFilesAndReportMissingGDCatalogFields() throws {
        try lumpini("catalog", "build")
        let output = root.appendingPathComponent("data.json")
        let dataJSON = try lumpini("catalog", "export", "--format", "data-json", "--output", output.path)
        XCTAssertEqual(dataJSON.status, 0, dataJSON.stderr)
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any])
        XCTAssertEqual((document["dataset"] as? [Any])?.count, 2)

        let gd = try lumpini("catalog", "export", "--format", "gd-catalog")
        XCTAssertEqual(gd.status, 0, gd.stderr)
        XCTAssertTrue(gd.stderr.contains("pm25-readings: the GD Catalog requires objective"), gd.stderr)
        XCTAssertTrue(gd.stderr.contains("0 of 2 datasets have every required GD Catalog field"), gd.stderr)

        let dcat = try lumpini("catalog", "export", "--format", "dcat-ap", "--high-value")
        let graph = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(dcat.stdout.utf8)) as? [String: Any])?["@graph"] as? [[String: Any]])
        let datasets = graph.filter { ($0["@type"] as? [String]) == ["dcat:Dataset"] }
        XCTAssertEqual(datasets.compactMap { $0["@id"] as? String }, ["https://data.bangkok.go.th/opendata/pm25-readings"])

        // Standard output is written as the export goes, a file whole: the same bytes either way.
        for format in CatalogueExportFormat.allCases {
            let file = root.appendingPathComponent("export-\(format.rawValue)")
            let written = try lumpini("catalog", "export", "--format", format.rawValue, "--output", file.path)
            let printed = try lumpini("catalog", "export", "--format", format.rawValue)
            XCTAssertEqual(written.status, 0, written.stderr)
            XCTAssertEqual(printed.status, 0, printed.stderr)
            XCTAssertFalse(printed.stdout.isEmpty)
            XCTAssertEqual(printed.stdout, try String(contentsOf: file, encoding: .utf8), format.rawValue)
        }

        let ckanFolder = root.appendingPathComponent("ckan").path + "/"
        let ckan = try lumpini("catalog", "export", "--format", "ckan", "--output", ckanFolder)
        XCTAssertEqual(ckan.status, 0, ckan.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: ckanFolder).sorted(), ["canal-water-quality.json", "pm25-readings.json"])
    }

    func testErrorsAreOneLineWithTheExitCodeOfAnInputError() throws {
        let missing = try lumpini("catalog", "list")
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr.split(separator: "\n").count, 1, missing.stderr)
        XCTAssertTrue(missing.stderr.contains("there is no catalogue index here — build it with `lumpini catalog build`"), missing.stderr)

        try lumpini("catalog", "build")
        let unknown = try lumpini("catalog", "show", "no-such-dataset")
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("no dataset \"no-such-dataset\" in the catalogue"), unknown.stderr)
        let format = try lumpini("catalog", "path", "pm25-readings", "--format", "gpkg")
        XCTAssertEqual(format.status, 2)
        XCTAssertTrue(format.stderr.contains("it has: GeoJSON, CSV"), format.stderr)
    }

    func testABrokenManifestMakesBuildExitWithDataProblems() throws {
        try Data("{".utf8).write(to: publicRoot.appendingPathComponent("canal-water-quality/v1/manifest.json"))
        let build = try lumpini("catalog", "build")
        XCTAssertEqual(build.status, 1)
        XCTAssertTrue(build.stderr.contains("canal-water-quality/v1/manifest.json: the manifest does not have the expected shape: not valid JSON"), build.stderr)
        XCTAssertTrue(build.stdout.contains("Indexed 1 dataset (2 versions)"), build.stdout)
    }

    func testTheBenchmarksGeneratorWritesAnIndexOfManyDatasets() throws {
        let generated = root.appendingPathComponent("generated", isDirectory: true)
        let generator = CLIRunner.binary.deletingLastPathComponent().appendingPathComponent("lumpini-catalogue-generator")
        let process = try CLIRunner.run(["--count", "200", "--index-only", "--public", generated.path], in: root, executable: generator)
        XCTAssertEqual(process.status, 0, process.stderr)
        let list = try lumpini("catalog", "list", "--json", "--public", generated.path)
        XCTAssertEqual(try jsonArray(list.stdout).count, 200)
        let search = try lumpini("catalog", "search", "ฝุ่น", "--json", "--public", generated.path)
        let titles = try jsonArray(search.stdout).compactMap { ($0["title"] as? [String: String])?["th"] }
        XCTAssertFalse(titles.isEmpty)
        XCTAssertTrue(titles.allSatisfy { $0.contains("ฝุ่น") }, "\(titles)")
    }
}
