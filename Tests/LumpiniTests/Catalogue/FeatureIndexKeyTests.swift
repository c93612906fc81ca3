import Foundation
@testable import LumpiniCatalogue
import Lumpini
import XCTest

/// The feature index's sorted keys: property filters, `datetime` intervals and ids answered from keys
/// in blob pages, checked against the features' lines, compared with a plain scan of the file.
final class FeatureIndexKeyTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lumpini-feature-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A feature as the test writes it, and what a scan of the file knows of it.
    private struct Sample {
        var id: String?
        var x: Double
        var y: Double
        var district: Int
        var station: String
        var date: String
        var time: String?

        var line: String {
            let idText = id.map { #""id":\#($0),"# } ?? ""
            let timeText = time.map { #""\#($0)""# } ?? "null"
            return #"{"type":"Feature",\#(idText)"geometry":{"type":"Point","coordinates":[\#(x),\#(y)]},"properties":{"#
                + #""district_code":\#(district),"station":"\#(station)","date":"\#(date)","measured":\#(timeText),"pm25":1.5}}"#
        }

        func value(_ name: String) -> String? {
            switch name {
            case "district_code": String(district)
            case "station": station.replacingOccurrences(of: #"\""#, with: #"""#)
            case "date": date
            default: nil
            }
        }
    }

    private static let fields = [("district_code", "integer"), ("station", "string"), ("date", "date"), ("measured", "datetime"), ("pm25", "number")]

    /// The index of these features, written with these options.
    private func index(_ samples: [Sample], options: FeatureIndex.BuildOptions = .init()) throws -> FeatureIndex {
        let data = folder.appendingPathComponent("data.geojson")
        let text = #"{"type":"FeatureCollection","features":["# + (samples.isEmpty ? "" : "\n" + samples.map(\.line).joined(separator: ",\n") + "\n") + "]}\n"
        try text.write(to: data, atomically: true, encoding: .utf8)
        let schema = Self.fields.map { #"{"name":"\#($0.0)","type":"\#($0.1)"}"# }.joined(separator: ",")
        try Data(#"{"resources":[{"name":"data","schema":{"fields":[\#(schema)]}}]}"#.utf8).write(to: folder.appendingPathComponent("datapackage.json"))
        let file = folder.appendingPathComponent("index-\(options.keyBits)-\(options.sortBytes).sqlite")
        try FeatureIndex.write(geoJSON: data, to: file, options: options)
        return try FeatureIndex.open(file, geoJSON: data)
    }

    private func samples(_ count: Int, seed: UInt64) -> [Sample] {
        var random = SeededRandom(seed: seed)
        return (1...count).map { number in
            let day = Int.random(in: 1...28, using: &random)
            let hour = Int.random(in: 0...23, using: &random)
            return Sample(
                id: number % 7 == 0 ? nil : #""S\#(number % 50)/\#(number)""#, x: 100.3 + Double.random(in: 0..<0.6, using: &random),
                y: 13.5 + Double.random(in: 0..<0.5, using: &random), district: 1001 + Int.random(in: 0..<50, using: &random),
                station: number % 11 == 0 ? #"จุด \"\#(number % 13)\""# : "จุด \(number % 97)",
                date: String(format: "2024-0%d-%02d", Int.random(in: 1...2, using: &random), day),
                time: number % 5 == 0 ? nil : String(format: "2024-01-%02dT%02d:%02d:00Z", day, hour, Int.random(in: 0...59, using: &random)))
        }
    }

    /// What the old index's text comparison found: a value from `start` on, up to what begins with `end`.
    private func during(_ value: String?, _ interval: (String?, String?)) -> Bool {
        guard let value else { return false }
        if let start = interval.0, value < start { return false }
        if let end = interval.1, value >= end + "\u{10FFFF}" { return false }
        return true
    }

    private func all(_ index: FeatureIndex, _ filter: FeatureFilter, page: Int) throws -> [Int64] {
        var found: [Int64] = []
        while true {
            let next = try index.features(matching: filter, offset: found.count, limit: page).map(\.number)
            found += next
            if next.count < page { return found }
        }
    }

    /// A few thousand features, many queries: each answer is what a scan finds, pages join up to it in
    /// one order; keys that keep few or no bits of the hashes (values share keys) change nothing, nor
    /// do scratch files that sort in many small runs merged as they are read.
    func testFiltersFindWhatAScanFindsAndPagesJoinUp() throws {
        let samples = samples(3_000, seed: 11)
        var random = SeededRandom(seed: 12)
        for (keyBits, sortBytes) in [(64, 16 << 20), (3, 4_096), (0, 16 << 20), (64, 8_192)] {
            let index = try index(samples, options: .init(keyBits: keyBits, sortBytes: sortBytes))
            XCTAssertEqual(index.count, samples.count)
            for round in 0..<(keyBits == 64 ? 60 : 12) {
                let pick = samples[Int.random(in: 0..<samples.count, using: &random)]
                var filter = FeatureFilter()
                var expected = Array(samples.indices)
                if round % 3 != 2 {
                    let name = ["district_code", "station", "date"][round % 3]
                    filter.equals.append((name, pick.value(name)!))
                    expected = expected.filter { samples[$0].value(name) == pick.value(name) }
                }
                if round % 4 == 1 || round % 3 == 2 {
                    let interval = (round % 2 == 0 ? String(pick.date.prefix(7)) : nil, String(pick.date.prefix(round % 5 == 0 ? 7 : 10)))
                    filter.interval = interval
                    expected = expected.filter { during(samples[$0].date, interval) }
                }
                if round % 2 == 1 {
                    let box = Envelope(minX: pick.x - 0.1, minY: pick.y - 0.1, maxX: pick.x + 0.1, maxY: pick.y + 0.1)
                    filter.box = box
                    expected = expected.filter { box.intersects(Envelope(minX: samples[$0].x, minY: samples[$0].y, maxX: samples[$0].x, maxY: samples[$0].y)) }
                }
                let found = try index.features(matching: filter, offset: 0, limit: 10_000).map(\.number)
                XCTAssertEqual(found.sorted(), expected.map { Int64($0 + 1) }, "keys of \(keyBits) bits, query \(round)")
                XCTAssertEqual(try all(index, filter, page: 37), found, "pages of query \(round) follow one order")
                if filter.box != nil, filter.filtersProperties {
                    let checkedOnLines = try index.features(matching: filter, offset: 0, limit: 10_000, membersHeld: 0).map(\.number)
                    XCTAssertEqual(checkedOnLines, found, "a box's candidates checked on their lines, query \(round)")
                }
                if filter.box == nil, filter.interval == nil { XCTAssertEqual(found, found.sorted(), "an equality keeps the file's order") }
            }
            for number in [1, 2, 7, 1_500, 2_999, 3_000] {
                let sample = samples[number - 1]
                XCTAssertEqual(try index.feature(idJSON: sample.id ?? String(number))?.number, Int64(number), "id of feature \(number)")
            }
            XCTAssertNil(try index.feature(idJSON: "1"), "feature 1 has an id of its own")
            XCTAssertNil(try index.feature(idJSON: #""S0/3001""#))
        }
    }

    func testAValueOnTheLastFeatureOnlyIsFound() throws {
        var samples = samples(2_500, seed: 3)
        samples[samples.count - 1].district = 9_999
        samples[samples.count - 1].station = #"say \"hi\""#
        let index = try index(samples)
        XCTAssertEqual(try index.features(matching: FeatureFilter(equals: [("district_code", "9999")]), offset: 0, limit: 10).map(\.number), [2_500])
        XCTAssertEqual(try index.features(matching: FeatureFilter(equals: [("station", #"say "hi""#)]), offset: 0, limit: 10).map(\.number), [2_500])
        XCTAssertEqual(try index.features(matching: FeatureFilter(equals: [("district_code", "9998")]), offset: 0, limit: 10), [])
        XCTAssertEqual(try index.features(matching: FeatureFilter(equals: [("district_code", "9999")]), offset: 1, limit: 10), [])
    }

    /// The index of features with a datetime `at` and no geometry.
    private func timeIndex(_ times: [String]) throws -> FeatureIndex {
        let data = folder.appendingPathComponent("times.geojson")
        let lines = times.map { #"{"type":"Feature","geometry":null,"properties":{"at":"\#($0)"}}"# }
        try (#"{"type":"FeatureCollection","features":["# + "\n" + lines.joined(separator: ",\n") + "\n]}\n").write(to: data, atomically: true, encoding: .utf8)
        try Data(#"{"resources":[{"schema":{"fields":[{"name":"at","type":"datetime"}]}}]}"#.utf8).write(to: folder.appendingPathComponent("datapackage.json"))
        let file = folder.appendingPathComponent("times.sqlite")
        try FeatureIndex.write(geoJSON: data, to: file)
        return try FeatureIndex.open(file, geoJSON: data)
    }

    func testDatetimeIntervalsAtTheEdgesOfADay() throws {
        let index = try timeIndex(["2024-01-04T23:59:59Z", "2024-01-05T00:00:00Z", "2024-01-05T12:30:00Z", "2024-01-05T23:59:59.999Z", "2024-01-06T00:00:00Z"])
        XCTAssertEqual(index.temporalProperty?.name, "at")
        func numbers(_ start: String?, _ end: String?) throws -> [Int64] {
            try index.features(matching: FeatureFilter(interval: (start, end)), offset: 0, limit: 10).map(\.number)
        }
        XCTAssertEqual(try numbers("2024-01-05", "2024-01-05"), [2, 3, 4], "a date takes the whole day")
        XCTAssertEqual(try numbers("2024-01-05", nil), [2, 3, 4, 5])
        XCTAssertEqual(try numbers(nil, "2024-01-04"), [1])
        XCTAssertEqual(try numbers("2024-01", "2024-01"), [1, 2, 3, 4, 5])
        XCTAssertEqual(try numbers("2024-01-05T10:00", "2024-01-05T12:30"), [3], "a minute takes its seconds")
        XCTAssertEqual(try numbers("2024-01-05T23:59:59.9991", nil), [5])
        XCTAssertEqual(try numbers("2024-01-06", "2024-01-05"), [], "an interval that ends before it starts")
        XCTAssertEqual(try numbers("not a date", nil), [])
        XCTAssertEqual(try index.feature(idJSON: "4")?.number, 4, "without ids a feature is its number")
        XCTAssertEqual(try index.features(matching: FeatureFilter(box: Envelope(minX: -180, minY: -90, maxX: 180, maxY: 90)), offset: 0, limit: 10), [])
    }

    func testTheKeysOfDatesSortAsTheirTextAndNameTheirPeriod() {
        func key(_ text: String) -> (key: UInt64, step: UInt64)? {
            var text = text
            return text.withUTF8 { FeatureKey.temporal($0) }
        }
        let ordered = ["2023", "2023-12-31", "2023-12-31T23:59:59.999999Z", "2024-01", "2024-01-05", "2024-01-05T00:00:00+07:00", "2024-01-05T00:00:00.5", "2024-01-05 10:00"]
        let keys = ordered.map { key($0)!.key }
        XCTAssertEqual(keys, keys.sorted())
        XCTAssertEqual(key("2024-01-31")!.key + key("2024-01-31")!.step, key("2024-02")!.key, "a day's end is the next day's start")
        for bad in ["24-01-05", "2024-13-01", "2024-01-05T25:00", "2024-01-05X", "2024-01-05T10:00:00.", ""] { XCTAssertNil(key(bad), bad) }
    }

    func testAnEmptyFileHasAnEmptyIndex() throws {
        let index = try index([])
        XCTAssertEqual(index.count, 0)
        XCTAssertEqual(try index.features(matching: FeatureFilter(), offset: 0, limit: 10), [])
        XCTAssertEqual(try index.features(matching: FeatureFilter(equals: [("district_code", "1001")]), offset: 0, limit: 10), [])
        XCTAssertEqual(try index.features(matching: FeatureFilter(interval: ("2024", nil)), offset: 0, limit: 10), [])
        XCTAssertEqual(try index.features(matching: FeatureFilter(box: Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1)), offset: 0, limit: 10), [])
        XCTAssertNil(try index.feature(idJSON: "1"))
    }

    /// Ids that are the features' numbers until one is not: the keys of the first ones, made from their
    /// numbers once the first other id is read, find them as their ids would have (with and without
    /// features that have no id among them, sorted in one run and in many).
    func testIdsThatAreNumbersUntilOneIsNotAreAllFound() throws {
        for sortBytes in [16 << 20, 4_096] {
            var samples = samples(1_200, seed: 9)
            for number in samples.indices {
                samples[number].id = number >= 700 ? #""S\#(number + 1)""# : number % 97 == 5 ? nil : String(number + 1)
            }
            let index = try index(samples, options: .init(sortBytes: sortBytes))
            XCTAssertNotNil(index.arrays[FeatureIndex.idArray], "keys for ids once one is not a number")
            for number in [1, 2, 333, 699, 700] {
                XCTAssertEqual(try index.feature(idJSON: String(number))?.number, Int64(number), "id \(number), sorting \(sortBytes) bytes")
            }
            XCTAssertEqual(try index.feature(idJSON: "6")?.hasID, false, "feature 6 has no id: found by its number")
            XCTAssertNil(try index.feature(idJSON: "701"), "feature 701's id is a string")
            XCTAssertEqual(try index.feature(idJSON: #""S701""#)?.number, 701)
            XCTAssertEqual(try index.feature(idJSON: #""S1200""#)?.number, 1_200)
        }
    }

    /// Ids that are the features' numbers need no keys; the pages of the locations join up across the
    /// blobs that hold them (333 locations a blob).
    func testIdsThatAreNumbersAndPagesAcrossBlobs() throws {
        var samples = samples(1_000, seed: 5)
        for number in samples.indices { samples[number].id = String(number + 1) }
        let index = try index(samples)
        XCTAssertNil(index.arrays[FeatureIndex.idArray], "no keys for ids that are numbers")
        XCTAssertEqual(try index.feature(idJSON: "1000")?.number, 1_000)
        XCTAssertEqual(try index.feature(idJSON: "334")?.hasID, true)
        XCTAssertNil(try index.feature(idJSON: "0334"))
        XCTAssertNil(try index.feature(idJSON: "1001"))
        XCTAssertEqual(try all(index, FeatureFilter(), page: 100), (1...1_000).map(Int64.init))
        let data = try Data(contentsOf: index.lines.url)
        for location in try index.features(matching: FeatureFilter(), offset: 330, limit: 6) {
            let line = String(decoding: data[Int(location.offset)..<(Int(location.offset) + location.length)], as: UTF8.self)
            XCTAssertEqual(line, samples[Int(location.number) - 1].line)
        }
    }
}
