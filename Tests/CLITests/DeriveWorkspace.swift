import Foundation
import Lumpini

/// A release workspace with the inputs of a green-space indicator: three 1 km district squares in
/// UTM 47N (written in WGS 84 with 12 decimals, as PROJ gives them), two parks (one 200 m × 200 m in
/// 1001, one 200 m × 200 m across the boundary of 1001 and 1002) and a population table, so the
/// indicator's values are known by hand: 60,000 m² / 300 = 200.00 in 1001, 20,000 m² / 400 = 50.00 in
/// 1002, none in 1003 (no population for 2024).
struct DeriveWorkspace {
    let space: ReleaseWorkspace
    var root: URL { space.root }
    var publicRoot: URL { space.publicRoot }

    /// Corners of the squares, by metres east and north of 660000 E, 1520000 N.
    static let corners: [String: String] = [
        "0,0": "[100.479842786814,13.744856362969]", "1000,0": "[100.489089598599,13.744800706383]",
        "2000,0": "[100.498336369168,13.744744703409]", "3000,0": "[100.507583098266,13.744688354056]",
        "0,1000": "[100.479899565455,13.753895511088]", "1000,1000": "[100.489146731704,13.753839816510]",
        "2000,1000": "[100.498393856729,13.753783775308]", "3000,1000": "[100.507640940274,13.753727387490]",
        "900,400": "[100.488187753391,13.748421934025]", "1100,400": "[100.490037139986,13.748410765020]",
        "1100,600": "[100.490048573696,13.750218586283]", "900,600": "[100.488199172923,13.750229756812]",
        "100,100": "[100.480773149405,13.745754727639]", "300,100": "[100.482622521314,13.745743616347]",
        "300,300": "[100.482633895847,13.747551444107]", "100,300": "[100.480784509763,13.747562556916]",
    ]

    init() throws {
        space = try ReleaseWorkspace()
        try FileManager.default.copyItem(
            at: CLIRunner.packageRoot.appendingPathComponent("schemas/district-indicator.schema.json"),
            to: root.appendingPathComponent("schemas/district-indicator.schema.json")
        )
    }

    func remove() {
        space.remove()
    }

    func lumpini(_ arguments: [String], environment: [String: String] = [:]) throws -> CLIRunner.Result {
        try space.lumpini(arguments, environment: environment)
    }

    /// The districts, parks and population (`population` by code for 2024, and 999 for 1001 in 2023).
    func addInputs(population: [Int: Int] = [1001: 300, 1002: 400]) throws {
        func square(_ minX: Int, _ minY: Int, _ maxX: Int, _ maxY: Int) -> String {
            let ring = ["\(minX),\(minY)", "\(maxX),\(minY)", "\(maxX),\(maxY)", "\(minX),\(maxY)", "\(minX),\(minY)"].map { Self.corners[$0]! }
            return "{\"type\":\"Polygon\",\"coordinates\":[[\(ring.joined(separator: ","))]]}"
        }
        let districts = [("1001", "พระนคร", "Phra Nakhon"), ("1002", "ดุสิต", "Dusit"), ("1003", "หนองจอก", "Nong Chok")].enumerated().map { index, district in
            "{\"type\":\"Feature\",\"properties\":{\"district_code\":\(district.0),\"district_th\":\"\(district.1)\",\"district_en\":\"\(district.2)\"},\"geometry\":\(square(index * 1000, 0, index * 1000 + 1000, 1000))}"
        }
        try addSource("districts-test", file: "districts.geojson", text: collection(districts), extra: "outputs: {precision: 12}\n")
        let parks = [square(900, 400, 1100, 600), square(100, 100, 300, 300)].enumerated().map { index, geometry in
            "{\"type\":\"Feature\",\"properties\":{\"park_id\":\"P\(index)\"},\"geometry\":\(geometry)}"
        }
        try addSource("parks-test", file: "parks.geojson", text: collection(parks), extra: "outputs: {precision: 12}\n")
        try setPopulation(population)
    }

    func setPopulation(_ population: [Int: Int]) throws {
        let rows = population.sorted { $0.key < $1.key }.map { "\($0.key),\($0.value),2024" } + ["1001,999,2023"]
        try addSource("population-test", file: "population.csv", text: "district_code,population,year\n" + rows.joined(separator: "\n") + "\n")
    }

    /// An ordinary dataset whose source is `text`.
    func addSource(_ id: String, file: String, text: String, extra: String = "") throws {
        let folder = root.appendingPathComponent("datasets/\(id)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("source"), withIntermediateDirectories: true)
        try text.write(to: folder.appendingPathComponent("source/\(file)"), atomically: true, encoding: .utf8)
        try (Self.metadata(id) + "source: {paths: [source/\(file)]}\n" + extra)
            .write(to: folder.appendingPathComponent("dataset.yaml"), atomically: true, encoding: .utf8)
    }

    /// A derived dataset computing green space per person from the inputs (or `steps`).
    func addDerived(_ id: String = "green-test", steps: String? = nil) throws {
        let folder = root.appendingPathComponent("datasets/\(id)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let steps = steps ?? """
                - step: overlap-area
                  input: parks-test
                - step: per-person
                  input: population-test

            """
        try (Self.metadata(id) + """
            schema: district-indicator
            outputs: {formats: [geojson, csv], csvGeometry: false}
            derive:
              districts: districts-test
              year: 2024
              steps:

            """ + steps + """
              indicator:
                definition: Square metres of park inside the district per resident.
                method: Overlap areas in EPSG:32647 divided by the population of 2024.
                unit: m²/person
                decimals: 2
                reference: SDG 11.7.1 (related)

            """).write(to: folder.appendingPathComponent("dataset.yaml"), atomically: true, encoding: .utf8)
    }

    private func collection(_ features: [String]) -> String {
        "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n"
    }

    private static func metadata(_ id: String) -> String {
        """
        id: \(id)
        title: {th: ชุดข้อมูลทดสอบ, en: Test data (sample)}
        description: {th: ข้อมูลตัวอย่าง, en: Sample data for tests.}
        publisher: SED
        contact: {name: Strategy and Evaluation Department, email: sed@bangkok.go.th}
        theme: environment
        license: CC-BY-4.0
        classification: public
        updateFrequency: annual
        governance: {status: approved, approvedBy: Data Governance Committee, approvedOn: 2026-01-05}

        """
    }

    /// The text of a published file.
    func published(_ path: String) throws -> String {
        try String(contentsOf: publicRoot.appendingPathComponent(path), encoding: .utf8)
    }

    /// A published JSON file as a dictionary.
    func publishedJSON(_ path: String) throws -> [String: Any] {
        (try JSONSerialization.jsonObject(with: Data(contentsOf: publicRoot.appendingPathComponent(path))) as? [String: Any]) ?? [:]
    }
}
