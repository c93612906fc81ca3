import Foundation
import Lumpini
import TestSupport
import XCTest

/// The feature index written while a GeoJSON is written (`FeatureIndexFollowing`), block by block as
/// the publish stage's file sink hands them over: the same index as one written from the finished file.
final class FeatureIndexFollowerTests: XCTestCase {
    private var folder: URL!
    private var catalogue: URL { folder.appendingPathComponent(".lumpini/catalog.sqlite") }
    private let fields: [(name: String, type: String)] = [("station", "string"), ("district_code", "integer"), ("date", "date"), ("pm25", "number")]

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lumpini-follower-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A published GeoJSON of `count` points with string ids, some without geometry, as bytes.
    private func geoJSON(count: Int) -> Data {
        var generator = SystemRandomNumberGenerator()
        var lines: [String] = []
        for number in 1...count {
            let geometry = number % 97 == 0
                ? "null" : #"{"type":"Point","coordinates":[\#(100.3 + Double.random(in: 0..<0.6, using: &generator)),\#(13.5 + Double.random(in: 0..<0.5, using: &generator))]}"#
            lines.append(#"{"type":"Feature","id":"S\#(number % 40)/\#(number)","geometry":\#(geometry),"properties":{"station":"สถานี \#(number % 40)","district_code":\#(1001 + number % 50),"date":"2024-\#(String(format: "%02d", 1 + number % 12))-15","pm25":\#(Double(number % 900) / 10)}}"#)
        }
        return Data((#"{"type":"FeatureCollection","features":["# + "\n" + lines.joined(separator: ",\n") + "\n],\"bbox\":[100.3,13.5,100.9,14.0]}").utf8)
    }

    /// Feeds `data` to a follower in blocks of these sizes (the last one repeated), as a file sink would,
    /// then finishes the file and completes the follower as a release that publishes it does (or cancels it).
    private func follow(_ data: Data, blocks sizes: [Int], finish: Bool = true) -> URL {
        let follower = FeatureIndexFollowing(catalogue: catalogue).follower(id: "readings", fields: fields)!
        var start = 0
        var index = 0
        while start < data.count {
            let end = min(data.count, start + sizes[min(index, sizes.count - 1)])
            data[start..<end].withUnsafeBytes { follower.follow($0) }
            start = end
            index += 1
        }
        let sha256 = FileDigest.sha256(data)
        if finish {
            follower.finish(sha256: sha256)
            follower.complete()
        } else {
            follower.cancel()
        }
        return FeatureIndex.file(catalogue: catalogue, id: "readings", sha256: sha256)
    }

    /// The index written afterwards from the file, beside a data package with the same fields, and the file.
    private func indexFromFile(_ data: Data) throws -> (index: FeatureIndex, geoJSON: URL) {
        let version = folder.appendingPathComponent("v1", isDirectory: true)
        try FileManager.default.createDirectory(at: version, withIntermediateDirectories: true)
        let file = version.appendingPathComponent("readings.geojson")
        try data.write(to: file)
        let schema = fields.map { #"{"name":"\#($0.name)","type":"\#($0.type)"}"# }.joined(separator: ",")
        try Data(#"{"resources":[{"name":"readings","schema":{"fields":[\#(schema)]}}]}"#.utf8).write(to: version.appendingPathComponent("datapackage.json"))
        let index = folder.appendingPathComponent("from-file.sqlite")
        try FeatureIndex.write(geoJSON: file, to: index)
        return (try FeatureIndex.open(index, geoJSON: file), file)
    }

    private func files(inFeaturesOf id: String) throws -> [String] {
        let features = catalogue.deletingLastPathComponent().appendingPathComponent("features/\(id)")
        return ((try? FileManager.default.contentsOfDirectory(atPath: features.path)) ?? []).sorted()
    }

    func testAFollowedFileGetsTheIndexThatReadingItAfterwardsWrites() throws {
        let data = geoJSON(count: 3_000)
        // Blocks that cut lines, and even the first line, anywhere: one byte, a few, a page, then large ones.
        let file = follow(data, blocks: [1, 7, 4_096, 65_537])
        XCTAssertEqual(try files(inFeaturesOf: "readings"), [file.lastPathComponent], "the index alone, named by the file's SHA-256")
        let (reference, geoJSON) = try indexFromFile(data)
        let followed = try FeatureIndex.open(file, geoJSON: geoJSON)
        XCTAssertEqual(followed.count, 3_000)
        XCTAssertEqual(followed.properties, reference.properties)
        let filters = [
            FeatureFilter(),
            FeatureFilter(box: Envelope(minX: 100.5, minY: 13.6, maxX: 100.6, maxY: 13.7)),
            FeatureFilter(box: Envelope(minX: 100, minY: 13, maxX: 101, maxY: 15)),
            FeatureFilter(equals: [("district_code", "1017")]),
            FeatureFilter(equals: [("station", "สถานี 3")]),
            FeatureFilter(box: Envelope(minX: 100.3, minY: 13.5, maxX: 100.6, maxY: 13.8), interval: ("2024-03-01", "2024-04-30")),
        ]
        for filter in filters {
            for (offset, limit) in [(0, 10), (25, 100), (2_990, 50)] {
                XCTAssertEqual(
                    try followed.features(matching: filter, offset: offset, limit: limit),
                    try reference.features(matching: filter, offset: offset, limit: limit), "\(filter) from \(offset)")
            }
        }
        XCTAssertEqual(try followed.feature(idJSON: #""S7/2407""#), try reference.feature(idJSON: #""S7/2407""#))
        XCTAssertNotNil(try followed.feature(idJSON: #""S7/2407""#))
    }

    /// A real release of a shipped sample with the follower, and no catalogue update after it: the index
    /// is there, named by the published file's SHA-256, written during the release and not from the file
    /// afterwards, and it answers as one written from the finished file.
    func testAReleaseWritesTheIndexWhileItWritesTheGeoJSON() async throws {
        for name in ["datasets/pm25-readings-sample", "schemas"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(name).deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Fixtures.packageRoot.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let workspace = Workspace(root: folder.path)
        let released = Catalogue.defaultFile(publicRoot: workspace.publicRoot)
        let summary = try await ReleaseRunner(
            workspace: workspace, pipeline: CleanseValidatePipeline(), geoJSONFollowing: FeatureIndexFollowing(catalogue: released)
        ).run()
        XCTAssertEqual(summary.published.map(\.id), ["pm25-readings-sample"], "\(summary.failed)")
        let version = workspace.publicRoot.appendingPathComponent("pm25-readings-sample/v1")
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: version.appendingPathComponent("manifest.json")))
        let published = try XCTUnwrap(manifest.geoJSONFile)
        let written = FeatureIndex.file(catalogue: released, id: "pm25-readings-sample", sha256: published.sha256)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: written.deletingLastPathComponent().path), [written.lastPathComponent])
        XCTAssertFalse(FileManager.default.fileExists(atPath: released.path), "no catalogue code ran")

        let geoJSON = version.appendingPathComponent(published.path)
        let fromFile = folder.appendingPathComponent("from-file.sqlite")
        try FeatureIndex.write(geoJSON: geoJSON, to: fromFile)
        let followed = try FeatureIndex.open(written, geoJSON: geoJSON), reference = try FeatureIndex.open(fromFile, geoJSON: geoJSON)
        XCTAssertEqual(followed.count, manifest.counts.features)
        XCTAssertEqual(followed.properties, reference.properties)
        XCTAssertFalse(followed.properties.isEmpty, "the schema's filterable fields, from the fields the release wrote")
        let box = try XCTUnwrap(manifest.extent)
        for filter in [FeatureFilter(), FeatureFilter(box: box), FeatureFilter(equals: [(followed.properties[0].name, "S01")])] {
            XCTAssertEqual(try followed.features(matching: filter, offset: 0, limit: 10_000), try reference.features(matching: filter, offset: 0, limit: 10_000))
        }
    }

    func testACancelledReleaseLeavesNoIndexBehind() throws {
        let data = geoJSON(count: 500)
        _ = follow(data.prefix(data.count / 2), blocks: [1_000], finish: false)
        XCTAssertEqual(try files(inFeaturesOf: "readings"), [])
    }

    /// A release that fails after its GeoJSON is written (a read-back, a metadata file) cancels the follower
    /// the file finished: the index, written on meanwhile, is thrown away; deciding again changes nothing.
    func testAReleaseThatFailsAfterItsGeoJSONIsWrittenLeavesNoIndex() throws {
        let data = geoJSON(count: 2_000)
        let follower = FeatureIndexFollowing(catalogue: catalogue).follower(id: "readings", fields: fields)!
        data.withUnsafeBytes { follower.follow($0) }
        follower.finish(sha256: FileDigest.sha256(data))
        follower.cancel()
        follower.complete()
        follower.cancel()
        XCTAssertEqual(try files(inFeaturesOf: "readings"), [])
    }

    /// Completing a follower whose file never finished (its writer gave up without saying) keeps nothing
    /// and does not wait for bytes that will not come.
    func testCompletingAFollowerWhoseFileNeverFinishedKeepsNothing() throws {
        let data = geoJSON(count: 500)
        let follower = FeatureIndexFollowing(catalogue: catalogue).follower(id: "readings", fields: fields)!
        data.prefix(1_000).withUnsafeBytes { follower.follow($0) }
        follower.complete()
        XCTAssertEqual(try files(inFeaturesOf: "readings"), [])
    }

    func testAFollowerThatCannotWriteLeavesTheIndexToTheCatalogueAndNeverHoldsTheWriterBack() throws {
        // A file where the catalogue's features folder should be: the index cannot be written there.
        try FileManager.default.createDirectory(at: catalogue.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("not a folder".utf8).write(to: catalogue.deletingLastPathComponent().appendingPathComponent("features"))
        let file = follow(geoJSON(count: 2_000), blocks: [512])
        XCTAssertFalse(FileManager.default.fileExists(atPath: file.path))
    }
}
