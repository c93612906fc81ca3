import Foundation
import Lumpini
import XCTest

/// The feature index of a published GeoJSON: one feature per line, as the publish stage writes it.
final class FeatureIndexTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lumpini-features-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    private let lines = [
        #"{"type":"Feature","id":1,"geometry":{"type":"Point","coordinates":[100.5,13.7]},"properties":{"name":"a"}}"#,
        #"{"type":"Feature","id":2,"geometry":{"type":"Polygon","coordinates":[[[100.6,13.8],[100.9,13.8],[100.9,14.1],[100.6,13.8]]]},"properties":{"name":"[1,2]"}}"#,
        #"{"type":"Feature","id":3,"geometry":null,"properties":{"name":"no place"}}"#,
        #"{"type":"Feature","id":4,"geometry":{"type":"Point","coordinates":[-1.5e-2,51.25,12.5]},"properties":{"name":"with height"}}"#,
    ]

    private func write(_ lines: [String]) throws -> URL {
        let url = folder.appendingPathComponent("data.geojson")
        let text = #"{"type":"FeatureCollection","features":["# + "\n" + lines.joined(separator: ",\n") + "\n],\"bbox\":[0,0,1,1]}\n"
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    private func index(_ lines: [String]) throws -> (FeatureIndex, URL) {
        let data = try write(lines)
        let file = folder.appendingPathComponent("index/v1.sqlite")
        try FeatureIndex.write(geoJSON: data, to: file)
        return (try FeatureIndex.open(file), data)
    }

    private func text(_ location: FeatureIndex.Location, in data: URL) throws -> String {
        let bytes = try Data(contentsOf: data)
        return String(decoding: bytes[Int(location.offset)..<(Int(location.offset) + location.length)], as: UTF8.self)
    }

    func testEachLineIsAFeatureWithItsByteRangeAndId() throws {
        let (index, data) = try index(lines)
        XCTAssertEqual(index.count, 4)
        let all = try index.features(intersecting: nil, offset: 0, limit: 10)
        XCTAssertEqual(try all.map { try text($0, in: data) }, lines, "each range is the feature's JSON without the separating comma")
        XCTAssertEqual(all.map(\.idJSON), ["1", "2", "3", "4"])
        XCTAssertEqual(try index.features(intersecting: nil, offset: 2, limit: 1).map(\.number), [3])
        XCTAssertEqual(try index.feature(idJSON: "4")?.number, 4)
        XCTAssertNil(try index.feature(idJSON: "5"))
    }

    func testABoundingBoxFindsWhatItsEnvelopeTouchesAndNeverANullGeometry() throws {
        let (index, _) = try index(lines)
        func numbers(_ box: Envelope) throws -> [Int64] {
            try index.features(intersecting: box, offset: 0, limit: 10).map(\.number).sorted()
        }
        XCTAssertEqual(try numbers(Envelope(minX: 100.4, minY: 13.6, maxX: 100.55, maxY: 13.75)), [1])
        // Inside the polygon's envelope, away from its corners: the envelope spans every ring's positions.
        XCTAssertEqual(try numbers(Envelope(minX: 100.85, minY: 14.0, maxX: 100.86, maxY: 14.05)), [2])
        XCTAssertEqual(try numbers(Envelope(minX: -0.1, minY: 51.0, maxX: 0, maxY: 52)), [4], "a height is not read as a latitude")
        XCTAssertEqual(try numbers(Envelope(minX: -180, minY: -90, maxX: 180, maxY: 90)), [1, 2, 4])
        XCTAssertEqual(try numbers(Envelope(minX: 10, minY: 10, maxX: 11, maxY: 11)), [])
    }

    func testFeaturesWithoutIdsAreFoundByTheirNumberAndStringIdsByTheirJSON() throws {
        let (index, _) = try index([
            #"{"type":"Feature","geometry":{"type":"Point","coordinates":[100.5,13.7]},"properties":{}}"#,
            #"{"type":"Feature","id":"S01/2023-01-15","geometry":{"type":"Point","coordinates":[100.5,13.7]},"properties":{}}"#,
            #"{"type":"Feature","id":"say \"hi\", twice","geometry":{"type":"Point","coordinates":[100.5,13.7]},"properties":{}}"#,
        ])
        XCTAssertEqual(try index.feature(idJSON: "1")?.number, 1)
        XCTAssertNil(try index.feature(idJSON: "2"), "the second feature has an id of its own")
        XCTAssertEqual(try index.feature(idJSON: #""S01/2023-01-15""#)?.number, 2)
        XCTAssertEqual(try index.feature(idJSON: #""say \"hi\", twice""#)?.number, 3)
    }

    func testTheCatalogueWritesAnIndexForEachVersionWithGeometryAndAMissingOneIsNamed() throws {
        let tree = try CatalogueTestTree()
        defer { tree.remove() }
        try CatalogueSample.write(into: tree)
        try tree.build()
        for detail in try tree.open().allDatasets() {
            let geoJSON = detail.manifest.files.first { $0.format == "GeoJSON" }
            let file = FeatureIndex.file(catalogue: tree.catalogueFile, id: detail.id, sha256: geoJSON?.sha256 ?? "none")
            XCTAssertEqual(FileManager.default.fileExists(atPath: file.path), detail.manifest.geoJSONFile != nil, detail.id)
        }
        XCTAssertThrowsError(try FeatureIndex.open(folder.appendingPathComponent("missing.sqlite"))) { error in
            XCTAssertEqual((error as? LumpiniError)?.code, "feature-index-missing")
        }
    }

    /// Thousands of features over several levels of the packed tree: every box query finds exactly what a
    /// scan of the envelopes finds, and pages of it join up to the whole answer without repeats.
    func testThePackedTreeAnswersAsAScanDoesAndPagesJoinUp() throws {
        var generator = SeededRandom(seed: 7)
        func unit() -> Double { Double.random(in: 0..<1, using: &generator) }
        var boxes: [Envelope] = []
        let lines = (1...6_000).map { number -> String in
            let x = 100.3 + unit() * 0.6, y = 13.5 + unit() * 0.5
            if number % 5 == 0 {
                let width = unit() * 0.05, height = unit() * 0.05
                boxes.append(Envelope(minX: x, minY: y, maxX: x + width, maxY: y + height))
                return #"{"type":"Feature","geometry":{"type":"LineString","coordinates":[[\#(x),\#(y)],[\#(x + width),\#(y + height)]]},"properties":{}}"#
            }
            boxes.append(Envelope(minX: x, minY: y, maxX: x, maxY: y))
            return #"{"type":"Feature","geometry":{"type":"Point","coordinates":[\#(x),\#(y)]},"properties":{}}"#
        }
        let (index, _) = try index(lines)
        for _ in 0..<40 {
            let x = 100.3 + unit() * 0.6, y = 13.5 + unit() * 0.5, size = unit() * 0.2
            let query = Envelope(minX: x, minY: y, maxX: x + size, maxY: y + size)
            let expected = boxes.indices.filter { boxes[$0].intersects(query) }.map { Int64($0 + 1) }
            let all = try index.features(intersecting: query, offset: 0, limit: 10_000).map(\.number)
            XCTAssertEqual(all.sorted(), expected)
            var paged: [Int64] = []
            while true {
                let page = try index.features(intersecting: query, offset: paged.count, limit: 97).map(\.number)
                paged += page
                if page.count < 97 { break }
            }
            XCTAssertEqual(paged, all, "pages follow one order")
        }
    }

    func testAnIndexInAnotherLayoutIsWrittenAgain() throws {
        let data = try write(lines)
        let file = folder.appendingPathComponent("index/v1.sqlite")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("not an index".utf8).write(to: file)
        XCTAssertThrowsError(try FeatureIndex.open(file))
        try FeatureIndex.write(geoJSON: data, to: file)
        XCTAssertEqual(try FeatureIndex.open(file).count, 4)
    }
}
