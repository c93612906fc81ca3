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

    /// The index of a file of these lines, beside a data package whose schema has these `fields` (name, type).
    private func index(_ lines: [String], fields: [(String, String)] = [("name", "string")]) throws -> (FeatureIndex, URL) {
        let data = try write(lines)
        let schema = fields.map { #"{"name":"\#($0.0)","type":"\#($0.1)"}"# }.joined(separator: ",")
        try Data(#"{"resources":[{"name":"data","schema":{"fields":[\#(schema)]}}]}"#.utf8)
            .write(to: folder.appendingPathComponent("datapackage.json"))
        let file = folder.appendingPathComponent("index/v1.sqlite")
        try FeatureIndex.write(geoJSON: data, to: file)
        return (try FeatureIndex.open(file, geoJSON: data), data)
    }

    private func text(_ location: FeatureIndex.Location, in data: URL) throws -> String {
        let bytes = try Data(contentsOf: data)
        return String(decoding: bytes[Int(location.offset)..<(Int(location.offset) + location.length)], as: UTF8.self)
    }

    func testEachLineIsAFeatureWithItsByteRangeAndId() throws {
        let (index, data) = try index(lines)
        XCTAssertEqual(index.count, 4)
        let all = try index.features(matching: FeatureFilter(), offset: 0, limit: 10)
        XCTAssertEqual(try all.map { try text($0, in: data) }, lines, "each range is the feature's JSON without the separating comma")
        XCTAssertEqual(all.map(\.hasID), [true, true, true, true])
        XCTAssertEqual(try index.features(matching: FeatureFilter(), offset: 2, limit: 1).map(\.number), [3])
        XCTAssertEqual(try index.feature(idJSON: "4")?.number, 4)
        XCTAssertNil(try index.feature(idJSON: "5"))
    }

    func testABoundingBoxFindsWhatItsEnvelopeTouchesAndNeverANullGeometry() throws {
        let (index, _) = try index(lines)
        func numbers(_ box: Envelope) throws -> [Int64] {
            try index.features(matching: FeatureFilter(box: box), offset: 0, limit: 10).map(\.number).sorted()
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
        XCTAssertThrowsError(try FeatureIndex.open(folder.appendingPathComponent("missing.sqlite"), geoJSON: folder)) { error in
            XCTAssertEqual((error as? LumpiniError)?.code, "feature-index-missing")
        }
    }

    func testPropertyAndDatetimeFiltersAreAnsweredFromTheIndexInTheFilesOrderAndPage() throws {
        var lines: [String] = []
        for number in 1...30 {
            let district = 1001 + number % 3
            let day = String(format: "2024-01-%02d", number)
            let name = number == 7 ? #"say \"hi\""# : "จุด \(number)"
            lines.append(
                #"{"type":"Feature","id":\#(number),"geometry":{"type":"Point","coordinates":[100.\#(String(format: "%02d", number)),13.7]},"properties":{"#
                    + #""name":"\#(name)","district_code":\#(district),"date":"\#(day)","pm25":12.5,"open":true,"note":null,"tags":["a","b"]}}"#)
        }
        let (index, _) = try index(lines, fields: [("name", "string"), ("district_code", "integer"), ("date", "date"), ("pm25", "number"), ("open", "boolean")])
        XCTAssertEqual(index.properties.map(\.name), ["name", "district_code", "date", "open"], "decimal numbers are not filters")
        XCTAssertEqual(index.temporalProperty?.name, "date")
        func numbers(_ filter: FeatureFilter, offset: Int = 0, limit: Int = 100) throws -> [Int64] {
            try index.features(matching: filter, offset: offset, limit: limit).map(\.number)
        }
        let inDistrict = (1...30).filter { 1001 + $0 % 3 == 1002 }.map(Int64.init)
        XCTAssertEqual(try numbers(FeatureFilter(equals: [("district_code", "1002")])), inDistrict)
        XCTAssertEqual(try numbers(FeatureFilter(equals: [("district_code", "1002")]), offset: 3, limit: 4), Array(inDistrict[3..<7]), "paging keeps the file's order")
        XCTAssertEqual(try numbers(FeatureFilter(equals: [("name", "จุด 12")])), [12])
        XCTAssertEqual(try numbers(FeatureFilter(equals: [("name", #"say "hi""#)])), [7], "an escaped string is compared by its characters")
        XCTAssertEqual(try numbers(FeatureFilter(equals: [("open", "true")])).count, 30)
        XCTAssertEqual(try numbers(FeatureFilter(equals: [("district_code", "1002"), ("name", "จุด 12")])), [])
        XCTAssertEqual(try numbers(FeatureFilter(interval: ("2024-01-05", "2024-01-08"))), [5, 6, 7, 8])
        XCTAssertEqual(try numbers(FeatureFilter(interval: ("2024-01-29", nil))), [29, 30])
        XCTAssertEqual(try numbers(FeatureFilter(interval: (nil, "2024-01-02"))), [1, 2])
        XCTAssertEqual(try numbers(FeatureFilter(interval: ("2024-01", "2024-01"))).count, 30, "an end that a value begins with takes it in")
        let box = Envelope(minX: 100.095, minY: 13.6, maxX: 100.205, maxY: 13.8)
        XCTAssertEqual(try numbers(FeatureFilter(box: box, equals: [("district_code", "1002")])).sorted(), [10, 13, 16, 19])
        XCTAssertEqual(try numbers(FeatureFilter(box: box, interval: ("2024-01-15", "2024-01-16"))).sorted(), [15, 16])
        let boxed = try numbers(FeatureFilter(box: box, equals: [("district_code", "1002")]))
        XCTAssertEqual(try numbers(FeatureFilter(box: box, equals: [("district_code", "1002")]), offset: 1, limit: 2), Array(boxed[1..<3]), "pages with a box follow the tree's order")
        XCTAssertEqual(try numbers(FeatureFilter(equals: [("pm25", "12.5")])), [], "a property the index does not hold matches nothing")
    }

    func testRecordingAnotherVersionRemovesTheIndexesTheCatalogueNoLongerShows() throws {
        let tree = try CatalogueTestTree()
        defer { tree.remove() }
        let metadata = CatalogueTestTree.metadata(id: "points", th: "จุด", en: "points")
        let catalogue = try Catalogue.open(at: tree.catalogueFile, publicRoot: tree.publicRoot, create: true)
        let features = tree.catalogueFile.deletingLastPathComponent().appendingPathComponent("features/points")
        func indexes() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: features.path)) ?? []).sorted() }
        try catalogue.record(manifestAt: try tree.release(metadata, version: 1))
        let first = indexes()
        XCTAssertEqual(first.count, 1)
        try catalogue.record(manifestAt: try tree.release(metadata, version: 2, extent: [100.6, 13.8, 100.7, 13.9]))
        XCTAssertEqual(indexes().count, 1, "\(indexes())")
        XCTAssertNotEqual(indexes(), first, "the index of v2 replaced v1's")
        let second = indexes()
        try tree.build()
        XCTAssertEqual(indexes(), second, "a rebuild keeps the latest version's index")
        // The rebuild replaced the index file: the next release opens the new one.
        try tree.open().record(manifestAt: try tree.release(metadata, version: 3, extent: nil))
        XCTAssertEqual(indexes(), [], "a version without geometry needs no index")
    }

    func testAnIndexOfAnOlderLayoutIsNamedAndWrittenAgain() throws {
        let (_, data) = try index(lines)
        let file = folder.appendingPathComponent("index/v1.sqlite")
        XCTAssertNoThrow(try FeatureIndex.open(file, geoJSON: data))
        // An index written before the layout had properties: the same file with an older user_version.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [file.path, "PRAGMA user_version = 1"]
        try process.run()
        process.waitUntilExit()
        XCTAssertThrowsError(try FeatureIndex.open(file, geoJSON: data)) { error in
            XCTAssertEqual((error as? LumpiniError)?.code, "feature-index-outdated")
        }
        try FeatureIndex.write(geoJSON: data, to: file)
        XCTAssertEqual(try FeatureIndex.open(file, geoJSON: data).properties.map(\.name), ["name"])
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
            let all = try index.features(matching: FeatureFilter(box: query), offset: 0, limit: 10_000).map(\.number)
            XCTAssertEqual(all.sorted(), expected)
            var paged: [Int64] = []
            while true {
                let page = try index.features(matching: FeatureFilter(box: query), offset: paged.count, limit: 97).map(\.number)
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
        XCTAssertThrowsError(try FeatureIndex.open(file, geoJSON: data))
        try FeatureIndex.write(geoJSON: data, to: file)
        XCTAssertEqual(try FeatureIndex.open(file, geoJSON: data).count, 4)
    }
}
