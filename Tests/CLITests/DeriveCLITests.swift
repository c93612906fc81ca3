import Foundation
import Lumpini
import TestSupport
import XCTest

/// Derived datasets released by the real binary: built after their inputs, with their provenance,
/// skipped when nothing changed, rebuilt when an input publishes a new version, identical when
/// rebuilt from the same inputs; cycles, failed and unpublished inputs, malformed `derive:`.
final class DeriveCLITests: XCTestCase {
    private var space: DeriveWorkspace!
    private let epoch = ["SOURCE_DATE_EPOCH": "1767225600"]

    override func setUpWithError() throws {
        space = try DeriveWorkspace()
    }

    override func tearDown() {
        space.remove()
    }

    static let expectedCSV = """
        district_code,district_th,district_en,value,unit,year,n,note\r
        1001,พระนคร,Phra Nakhon,200.00,m²/person,2024,,\r
        1002,ดุสิต,Dusit,50.00,m²/person,2024,,\r
        1003,หนองจอก,Nong Chok,,m²/person,2024,,no population for 2024\r

        """

    func testReleaseDerivesAfterItsInputsAndRecordsWhatItRead() throws {
        try space.addInputs()
        try space.addDerived()
        let result = try space.lumpini(["release", "--json"], environment: epoch)
        XCTAssertEqual(result.status, 0, result.stderr)
        let published = (try result.json() as? [String: Any])?["published"] as? [[String: Any]] ?? []
        XCTAssertEqual(Set(published.compactMap { $0["id"] as? String }), ["districts-test", "parks-test", "population-test", "green-test"])

        XCTAssertEqual(try space.published("green-test/v1/green-test.csv"), Self.expectedCSV)
        let manifest = try space.publishedJSON("green-test/v1/manifest.json")
        let derivedFrom = try XCTUnwrap(manifest["derivedFrom"] as? [[String: Any]])
        XCTAssertEqual(derivedFrom.map { "\($0["id"]!)/v\($0["version"]!)/\($0["file"]!)" }, [
            "districts-test/v1/districts-test.geojson", "parks-test/v1/parks-test.geojson", "population-test/v1/population-test.csv",
        ])
        for input in derivedFrom {
            let path = space.publicRoot.appendingPathComponent("\(input["id"]!)/v\(input["version"]!)/\(input["file"]!)").path
            XCTAssertEqual(input["sha256"] as? String, try FileDigest.sha256(ofFile: path).sha256, "the sha256 of \(path)")
        }
        let package = try space.publishedJSON("green-test/v1/datapackage.json")
        XCTAssertEqual((package["lumpini:derivedFrom"] as? [[String: Any]])?.count, 3)
        XCTAssertEqual((package["lumpini:indicator"] as? [String: Any])?["unit"] as? String, "m²/person")
        let geojson = try space.publishedJSON("green-test/v1/green-test.geojson")
        let features = try XCTUnwrap(geojson["features"] as? [[String: Any]])
        XCTAssertEqual(features.map { ($0["properties"] as? [String: Any])?["value"] as? Double }, [200, 50, nil])
        XCTAssertEqual(features.map { ($0["geometry"] as? [String: Any])?["type"] as? String }, ["Polygon", "Polygon", "Polygon"])
        let packagePath = space.publicRoot.appendingPathComponent("green-test/v1/datapackage.json").path
        let validation = try space.lumpini(["validate", packagePath])
        XCTAssertEqual(validation.status, 0, validation.stdout + validation.stderr)
        let frictionless = try CLIRunner.run(["validate", packagePath], executable: try ReferenceTools.tool("frictionless"))
        XCTAssertEqual(frictionless.status, 0, frictionless.stdout + frictionless.stderr)
        let readme = try space.published("green-test/v1/README.md")
        XCTAssertTrue(readme.contains("Computed from") && readme.contains("`population-test.csv`"), readme)

        let show = try space.lumpini(["catalog", "show", "green-test"])
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stdout.contains("Derived from") && show.stdout.contains("parks-test v1 (parks-test.geojson"), show.stdout)
    }

    func testUnchangedInputsAreSkippedIdenticalWhenRebuiltAndANewInputVersionRebuilds() throws {
        try space.addInputs()
        try space.addDerived()
        XCTAssertEqual(try space.lumpini(["release"], environment: epoch).status, 0)

        let again = try space.lumpini(["release", "--json"], environment: epoch)
        let unchanged = (try again.json() as? [String: Any])?["unchanged"] as? [[String: Any]] ?? []
        XCTAssertEqual(Set(unchanged.compactMap { $0["id"] as? String }), ["districts-test", "parks-test", "population-test", "green-test"])

        XCTAssertEqual(try space.lumpini(["release", "green-test", "--force"], environment: epoch).status, 0)
        for file in ["green-test.csv", "green-test.geojson"] {
            XCTAssertEqual(try space.published("green-test/v1/\(file)"), try space.published("green-test/v2/\(file)"), file)
        }

        try space.setPopulation([1001: 300, 1002: 800, 1003: 100])
        let rebuilt = try space.lumpini(["release", "--json"], environment: epoch)
        XCTAssertEqual(rebuilt.status, 0, rebuilt.stderr)
        let published = (try rebuilt.json() as? [String: Any])?["published"] as? [[String: Any]] ?? []
        XCTAssertEqual(published.compactMap { $0["id"] as? String }.sorted(), ["green-test", "population-test"])
        XCTAssertTrue(try space.published("green-test/v3/green-test.csv").contains("1002,ดุสิต,Dusit,25.00,"))
        XCTAssertTrue(try space.published("green-test/v3/green-test.csv").contains("1003,หนองจอก,Nong Chok,0.00,"))
        let derivedFrom = try space.publishedJSON("green-test/v3/manifest.json")["derivedFrom"] as? [[String: Any]] ?? []
        XCTAssertEqual(derivedFrom.first { $0["id"] as? String == "population-test" }?["version"] as? Int, 2)
    }

    func testACycleAndAFailedInputFailTheDerivedDatasetsWithTheirReason() throws {
        try space.addInputs()
        try space.addDerived("alpha", steps: "    - step: overlap-area\n      input: beta\n")
        try space.addDerived("beta", steps: "    - step: overlap-area\n      input: alpha\n")
        try space.addDerived()
        try FileManager.default.removeItem(at: space.root.appendingPathComponent("datasets/parks-test/source/parks.geojson"))

        let result = try space.lumpini(["release", "--json"])
        XCTAssertEqual(result.status, 1, result.stderr)
        let failed = (try result.json() as? [String: Any])?["failed"] as? [[String: Any]] ?? []
        let reasons = Dictionary(uniqueKeysWithValues: failed.map { ($0["id"] as? String ?? "", $0["reason"] as? String ?? "") })
        XCTAssertEqual(Set(reasons.keys), ["alpha", "beta", "parks-test", "green-test"])
        XCTAssertTrue(reasons["alpha"]!.contains("alpha → beta → alpha"), reasons["alpha"]!)
        XCTAssertTrue(reasons["beta"]!.contains("alpha → beta → alpha"), reasons["beta"]!)
        XCTAssertTrue(reasons["green-test"]!.contains("its input parks-test failed in this release"), reasons["green-test"]!)
        XCTAssertNil(space.space.latestTarget("green-test"))
    }

    func testAnUnpublishedInputAndAMalformedDeriveAreClearErrors() throws {
        try space.addInputs()
        try space.addDerived()
        let alone = try space.lumpini(["release", "green-test", "--json"])
        XCTAssertEqual(alone.status, 1)
        let failed = (try alone.json() as? [String: Any])?["failed"] as? [[String: Any]] ?? []
        XCTAssertTrue((failed.first?["reason"] as? String)?.contains("the input \"districts-test\" has no published version") ?? false, "\(failed)")

        XCTAssertEqual(try space.lumpini(["release", "districts-test", "parks-test", "population-test"]).status, 0)
        let check = try space.lumpini(["check", "green-test"])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.contains("reads population-test v1 population-test.csv"), check.stdout)
        XCTAssertTrue(check.stdout.contains("A release would publish 3 of 3 rows"), check.stdout)
        let dryRun = try space.lumpini(["release", "--dry-run"])
        XCTAssertEqual(dryRun.status, 0, dryRun.stderr)
        XCTAssertTrue(dryRun.stdout.contains("green-test as v1 (reads districts-test v1 districts-test.geojson"), dryRun.stdout)

        try space.addDerived(steps: "    - step: overlap-area\n      input: parks-test\n      distanc: 500\n")
        let malformed = try space.lumpini(["check", "green-test"])
        XCTAssertEqual(malformed.status, 2)
        let lines = malformed.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, malformed.stderr)
        XCTAssertTrue(malformed.stderr.contains("datasets/green-test/dataset.yaml:"), malformed.stderr)
        XCTAssertTrue(malformed.stderr.contains("field \"derive.steps[0].distanc\": unknown key"), malformed.stderr)
    }
}
