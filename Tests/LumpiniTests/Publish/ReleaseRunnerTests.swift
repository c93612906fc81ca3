import Foundation
import GDAL
@testable import Lumpini
@testable import LumpiniPublish
import XCTest

/// Releases end to end through the library: real CSV sources read by GDAL, a real public tree.
final class ReleaseRunnerTests: XCTestCase {
    private var space: StationsWorkspace!

    override func setUpWithError() throws {
        space = try StationsWorkspace()
    }

    override func tearDown() {
        space.remove()
    }

    func testFirstReleasePublishesAVersionThatVerifiesAndLatestLeadsToIt() async throws {
        try space.addDataset("pm25")
        let summary = try await space.runner().run()

        XCTAssertEqual(summary.published.map(\.id), ["pm25"])
        XCTAssertEqual(summary.published.first?.version, 1)
        XCTAssertEqual(summary.exitCode, 0)
        XCTAssertEqual(space.tree.latestVersion("pm25"), 1)
        let manifest = try XCTUnwrap(space.tree.latestManifest("pm25"))
        XCTAssertEqual(manifest.counts, Manifest.Counts(rowsIn: 3, rowsPublished: 3, rowsQuarantined: 0, features: 3))
        XCTAssertEqual(manifest.geometryType, "Point")
        XCTAssertEqual(manifest.extent, Envelope(minX: 100.541512, minY: 13.6676, maxX: 100.6045, maxY: 13.77))
        XCTAssertEqual(
            Set(manifest.files.map(\.path)),
            ["pm25.geojson", "pm25.csv", "datapackage.json", "README.md", "validation-report.json", "changelog.json"]
        )
        XCTAssertEqual(manifest.files.first { $0.path == "pm25.geojson" }?.mediaType, "application/geo+json")
        XCTAssertEqual(manifest.releasedAt, "2026-07-27T00:00:00Z")
        XCTAssertTrue(try Verifier(tree: space.tree).verify().ok)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: space.tree.stagingDirectory.path), [])

        let geoJSON = try Dataset.open(space.file("pm25", version: 1, "pm25.geojson").path)
        XCTAssertEqual(try geoJSON.layer(at: 0).featureCount(), 3)
    }

    func testUnchangedInputsAreSkippedAndForceRebuilds() async throws {
        try space.addDataset("pm25")
        _ = try await space.runner().run()
        let second = try await space.runner().run()
        XCTAssertEqual(second.unchanged.map(\.id), ["pm25"])
        XCTAssertEqual(second.unchanged.first?.version, 1)
        XCTAssertEqual(space.tree.versions("pm25"), [1])

        let forced = try await space.runner(force: true).run()
        XCTAssertEqual(forced.published.first?.version, 2)
        XCTAssertEqual(space.tree.latestVersion("pm25"), 2)
    }

    /// A changed source is found by hashing the files where they are; the new version's manifest then
    /// records the snapshot's hashes, computed while it was built. A manifest that does not name its
    /// schema file (as older ones did not) leaves the decision to the snapshot's hashes: unchanged inputs
    /// are still skipped.
    func testAChangedSourceIsHashedForTheManifestAndAnOlderManifestStillDecides() async throws {
        try space.addDataset("pm25")
        _ = try await space.runner().run()
        try space.setRows("pm25", Array(StationsWorkspace.rows.dropLast()))
        let changed = try await space.runner().run()
        XCTAssertEqual(changed.published.first?.version, 2)
        let inputs = try InputHashes.compute(id: "pm25", schema: nil, in: space.workspace, vocabularies: nil)
        XCTAssertEqual(try space.tree.latestManifest("pm25")?.inputs, inputs)
        XCTAssertEqual(try space.tree.latestManifest("pm25")?.inputHash, inputs.inputHash())

        let manifest = space.file("pm25", version: 2, Manifest.fileName)
        var json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: manifest)) as? [String: Any])
        var recorded = try XCTUnwrap(json["inputs"] as? [String: Any])
        recorded["schema"] = "0000"
        recorded.removeValue(forKey: "schemaFile")
        json["inputs"] = recorded
        try JSONSerialization.data(withJSONObject: json).write(to: manifest)
        let again = try await space.runner().run()
        XCTAssertEqual(again.unchanged.map(\.id), ["pm25"], "decided by the snapshot's hashes")
        XCTAssertEqual(space.tree.versions("pm25"), [1, 2])
    }

    func testChangelogCountsAddedRemovedAndChangedRowsByPrimaryKey() async throws {
        try space.addDataset("pm25")
        _ = try await space.runner().run()
        try space.setRows("pm25", [
            "S1,สถานีลุมพินี,14.0,true,100.5415123,13.7306",   // changed pm25
            "S2,\"Din Daeng, north\",,false,100.55,13.77",      // unchanged
            "S4,Lat Phrao,22,true,100.6,13.8",                  // added; S3 removed
        ])
        let summary = try await space.runner().run()
        XCTAssertEqual(summary.published.first?.version, 2)

        let data = try Data(contentsOf: space.file("pm25", version: 2, Changelog.fileName))
        let changelog = try JSONDecoder().decode(Changelog.self, from: data)
        XCTAssertEqual(changelog.previousVersion, 1)
        XCTAssertEqual(changelog.key, ["code"])
        XCTAssertEqual(changelog.counts, Changelog.Counts(added: 1, removed: 1, changed: 1, unchanged: 1))
        XCTAssertEqual(changelog.examples.added.map(\.key), ["S4"])
        XCTAssertEqual(changelog.examples.removed.map(\.key), ["S3"])
        let changed = try XCTUnwrap(changelog.examples.changed.first)
        XCTAssertEqual(changed.key, "S1")
        XCTAssertEqual(changed.fields, ["pm25"])
        XCTAssertEqual(changed.before?["pm25"], "12.5")
        XCTAssertEqual(changed.values?["pm25"], "14.0")
    }

    func testTwoReleasesOfTheSameInputsAreByteIdentical() async throws {
        let other = try StationsWorkspace()
        defer { other.remove() }
        try space.addDataset("pm25")
        try other.addDataset("pm25")
        _ = try await space.runner().run()
        _ = try await other.runner().run()

        let names = try FileManager.default.contentsOfDirectory(atPath: space.tree.versionDirectory("pm25", version: 1).path).sorted()
        XCTAssertEqual(names.count, 7)
        for name in names {
            let first = try Data(contentsOf: space.file("pm25", version: 1, name))
            let second = try Data(contentsOf: other.file("pm25", version: 1, name))
            XCTAssertEqual(first, second, "\(name) differs between two releases of the same inputs")
        }
    }

    func testDatasetsNotApprovedOrNotPublicAreBuiltButNotPublished() async throws {
        try space.addDataset("approved")
        try space.addDataset("pending", governance: "{status: pending}")
        try space.addDataset("internal", classification: "internal")
        let summary = try await space.runner().run()

        XCTAssertEqual(summary.published.map(\.id), ["approved"])
        XCTAssertEqual(summary.awaitingApproval.map(\.id), ["internal", "pending"])
        XCTAssertEqual(summary.awaitingApproval.first { $0.id == "pending" }?.reason, "governance status is pending, not approved")
        XCTAssertEqual(summary.awaitingApproval.first { $0.id == "internal" }?.reason, "classification is internal, not public")
        XCTAssertEqual(summary.awaitingApproval.first?.rowsPublished, 3, "the dry run still builds and checks the data")
        XCTAssertEqual(summary.exitCode, 0)
        XCTAssertEqual(space.tree.datasetIDs(), ["approved"])
    }

    func testDryRunPublishesNothing() async throws {
        try space.addDataset("pm25")
        let summary = try await space.runner(dryRun: true).run()
        XCTAssertTrue(summary.dryRun)
        XCTAssertEqual(summary.wouldPublish.map(\.id), ["pm25"])
        XCTAssertEqual(summary.published, [])
        XCTAssertEqual(space.tree.datasetIDs(), [])
    }

    func testOneFailingDatasetDoesNotStopOrTouchTheOthers() async throws {
        for id in ["a-first", "b-broken", "c-last"] { try space.addDataset(id) }
        _ = try await space.runner().run(ids: ["b-broken"])
        try space.setRows("b-broken", Array(StationsWorkspace.rows.prefix(2)))

        let summary = try await space.runner(pipeline: StationsPipeline(failing: ["b-broken"])).run()
        XCTAssertEqual(summary.published.map(\.id), ["a-first", "c-last"])
        XCTAssertEqual(summary.failed.map(\.id), ["b-broken"])
        XCTAssertEqual(summary.failed.first?.code, "test-failure")
        XCTAssertEqual(summary.exitCode, 1)
        XCTAssertEqual(space.tree.latestVersion("b-broken"), 1, "the failed dataset keeps its previous version")
        XCTAssertEqual(space.tree.versions("b-broken"), [1])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: space.tree.stagingDirectory.path), [])
        XCTAssertTrue(try Verifier(tree: space.tree).verify().ok)
    }

    func testRowsThatDoNotAddUpFailTheDataset() async throws {
        try space.addDataset("pm25")
        let summary = try await space.runner(pipeline: StationsPipeline(extraRowsIn: 1)).run()
        XCTAssertEqual(summary.failed.first?.code, "rows-do-not-add-up")
        XCTAssertNil(space.tree.latestVersion("pm25"))
    }

    func testASecondReleaseOnTheSameTreeIsRefusedNamingTheHolder() async throws {
        try space.addDataset("pm25")
        let held = try ReleaseLock.acquire(space.tree, startedAt: "2026-07-27T00:00:00Z")
        defer { held.release() }
        do {
            _ = try await space.runner().run()
            XCTFail("the release ran while the lock was held")
        } catch let error as LumpiniError {
            XCTAssertEqual(error.code, "release-locked")
            XCTAssertEqual(error.kind, .input)
            XCTAssertTrue(error.message.contains("pid \(getpid())"), error.message)
            XCTAssertTrue(error.message.contains("since 2026-07-27T00:00:00Z"), error.message)
        }
        XCTAssertEqual(space.tree.datasetIDs(), [])
    }

    /// The next run clears the staging folder and temporary link, and completes the commit that stopped
    /// before switching `latest`: the version renamed into place is kept (never deleted, its number never
    /// used again), and the new release is the one after it.
    func testLeftoversOfAnInterruptedReleaseAreCleanedByTheNextRun() async throws {
        try space.addDataset("pm25")
        _ = try await space.runner().run()
        // What a crash leaves: a half-written staging folder, a temporary link, a version renamed into place but never made latest.
        let staging = space.tree.stagingDirectory.appendingPathComponent("pm25-deadbeef")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data("{\"type\":\"FeatureCollection\",\"feat".utf8).write(to: staging.appendingPathComponent("pm25.geojson"))
        try FileManager.default.createSymbolicLink(atPath: space.tree.datasetDirectory("pm25").appendingPathComponent(".latest-1-x").path, withDestinationPath: "v1")
        try FileManager.default.copyItem(at: space.tree.versionDirectory("pm25", version: 1), to: space.tree.versionDirectory("pm25", version: 2))

        try space.setRows("pm25", Array(StationsWorkspace.rows.prefix(1)))
        let summary = try await space.runner().run()
        XCTAssertEqual(summary.published.first?.version, 3)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: space.tree.stagingDirectory.path), [])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: space.tree.datasetDirectory("pm25").path).sorted(), ["latest", "v1", "v2", "v3"])
        XCTAssertEqual(try space.tree.latestManifest("pm25")?.counts.rowsPublished, 1)
        XCTAssertTrue(try Verifier(tree: space.tree).verify().ok)
    }

    func testVerifyReportsChangedMissingAndUnlistedFiles() async throws {
        try space.addDataset("pm25")
        _ = try await space.runner().run()
        let folder = space.tree.versionDirectory("pm25", version: 1)
        try Data("tampered".utf8).write(to: folder.appendingPathComponent("pm25.csv"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("README.md"))
        try Data("x".utf8).write(to: folder.appendingPathComponent("extra.txt"))

        let report = try Verifier(tree: space.tree).verify(ids: ["pm25"])
        XCTAssertFalse(report.ok)
        let problems = report.datasets[0].versions[0].problems.map { "\($0.kind.rawValue) \($0.path)" }.sorted()
        XCTAssertEqual(problems, ["changed pm25/v1/pm25.csv", "missing pm25/v1/README.md", "unlisted pm25/v1/extra.txt"])
        XCTAssertThrowsError(try Verifier(tree: space.tree).verify(ids: ["nope"])) { error in
            XCTAssertEqual((error as? LumpiniError)?.kind, .input)
        }
    }

    func testIncrementalCheckReadsOnlyTheInputHashOfTheLatestManifest() async throws {
        try space.addDataset("pm25")
        _ = try await space.runner().run()
        let manifest = try XCTUnwrap(space.tree.latestManifest("pm25"))
        let inputs = try InputHashes.compute(id: "pm25", schema: nil, in: space.workspace, vocabularies: nil)
        XCTAssertEqual(manifest.inputHash, inputs.inputHash())
        XCTAssertEqual(inputs.sources.map(\.path), ["source/stations.csv"])
        XCTAssertEqual(space.tree.latestInputHash("pm25")?.inputHash, manifest.inputHash)
    }

    func testAnEditedSchemaOrDatasetYAMLIsReleasedAgainAndAnUntouchedDatasetIsNot() async throws {
        try space.addDataset("pm25")
        try space.addDataset("no2")
        let schemas = space.workspace.schemasDirectory
        try FileManager.default.createDirectory(at: schemas, withIntermediateDirectories: true)
        func writeSchema(title: String) throws {
            let fields = ["code", "name", "pm25", "active", "lon", "lat"].map { "{\"name\": \"\($0)\", \"type\": \"string\"}" }
            try "{\"title\": \"\(title)\", \"fields\": [\(fields.joined(separator: ", "))]}"
                .write(to: schemas.appendingPathComponent("stations.schema.json"), atomically: true, encoding: .utf8)
        }
        try writeSchema(title: "Stations")
        let pm25YAML = space.workspace.datasetDirectory("pm25").appendingPathComponent("dataset.yaml")
        try (try String(contentsOf: pm25YAML, encoding: .utf8) + "schema: stations\n").write(to: pm25YAML, atomically: true, encoding: .utf8)
        _ = try await space.runner().run()
        XCTAssertEqual(try space.tree.latestManifest("pm25")?.inputs.schemaFile, "schemas/stations.schema.json")

        try writeSchema(title: "PM2.5 stations")
        let afterSchemaEdit = try await space.runner().run()
        XCTAssertEqual(afterSchemaEdit.published.map(\.id), ["pm25"])
        XCTAssertEqual(afterSchemaEdit.unchanged.map(\.id), ["no2"])

        let no2YAML = space.workspace.datasetDirectory("no2").appendingPathComponent("dataset.yaml")
        let edited = try String(contentsOf: no2YAML, encoding: .utf8).replacingOccurrences(of: "PM2.5 stations (sample)", with: "NO2 stations (sample)")
        try edited.write(to: no2YAML, atomically: true, encoding: .utf8)
        let afterYAMLEdit = try await space.runner().run()
        XCTAssertEqual(afterYAMLEdit.published.map(\.id), ["no2"])
        XCTAssertEqual(afterYAMLEdit.unchanged.map(\.id), ["pm25"])
        XCTAssertEqual(try space.tree.latestManifest("no2")?.metadata.title.en, "NO2 stations (sample)")
    }
}
