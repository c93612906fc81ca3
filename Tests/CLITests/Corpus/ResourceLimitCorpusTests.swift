import Foundation
import XCTest

/// Inputs that cost far more than their size: zip bombs, a DBF declaring billions of records, a large
/// GeoJSON of few features, and messages that would take several lines. Each is refused or handled
/// with one line and a documented exit code, well within the runner's time limit.
final class ResourceLimitCorpusTests: XCTestCase {
    var workspace: CorpusWorkspace!

    override func setUpWithError() throws {
        workspace = try CorpusWorkspace()
    }

    override func tearDown() {
        workspace = nil
    }

    /// Well above what refusing takes, well below what inflating took (minutes, gigabytes).
    private let bombTimeout: TimeInterval = 60

    private func assertOneLine(_ result: CLIRunner.Result, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(result.stderr.hasSuffix("\n"), "\(context): \(result.stderr)", file: file, line: line)
        XCTAssertEqual(result.stderr.filter(\.isNewline).count, 1,
                       "\(context): the error takes more than one line:\n\(result.stderr)", file: file, line: line)
    }

    /// XLSX files of a few hundred KB whose sheet inflates to about 300 MB: 12 million rows, and one
    /// cell of 300 MB (written by `make-corpus-files.py --bombs` as the test runs).
    func testXLSXZipBombsAreRefusedBeforeTheyExpand() throws {
        let script = CLIRunner.packageRoot.appendingPathComponent("Tests/Corpus/make-corpus-files.py").path
        let maker = try CLIRunner.run([script, "--bombs", workspace.loose.path], timeout: 120, executable: URL(fileURLWithPath: "/usr/bin/python3"))
        guard maker.status == 0 else { throw XCTSkip("python3 could not write the zip bombs: \(maker.stderr)") }
        for name in ["rows-bomb.xlsx", "cell-bomb.xlsx"] {
            let path = workspace.path(name)
            let id = "bomb-" + name.replacingOccurrences(of: ".xlsx", with: "")
            let inspected = try workspace.expect(["inspect", path], exit: [2], mentions: [name, "CSV"], timeout: bombTimeout)
            assertOneLine(inspected, "inspect \(name)")
            try workspace.expect(["validate", path], exit: [2], mentions: [name], timeout: bombTimeout)
            try workspace.dataset(id, file: name)
            try workspace.copySource(id, from: path)
            try workspace.expect(["cleanse", id], exit: [2], mentions: [name], timeout: bombTimeout)
            try workspace.expect(["publish", id], exit: [1], mentions: [id, name], timeout: bombTimeout)
        }
    }

    /// The same defence for every zip-based source: a KMZ whose document inflates to 300 MB (GDAL's KML
    /// drivers read it whole) and a zipped shapefile whose `.dbf` inflates 1,000 times.
    func testKMZAndZippedShapefileBombsAreRefusedBeforeTheyExpand() throws {
        let script = CLIRunner.packageRoot.appendingPathComponent("Tests/Corpus/make-corpus-files.py").path
        let maker = try CLIRunner.run([script, "--bombs", workspace.loose.path], timeout: 120, executable: URL(fileURLWithPath: "/usr/bin/python3"))
        XCTAssertEqual(maker.status, 0, maker.stderr)
        for name in ["bomb.kmz", "bomb-shapefile.zip"] {
            let path = workspace.path(name)
            let inspected = try workspace.expect(["inspect", path], exit: [2], mentions: [name, "expands"], timeout: bombTimeout)
            assertOneLine(inspected, "inspect \(name)")
            let id = "bomb-" + name.replacingOccurrences(of: ".", with: "-")
            try workspace.dataset(id, file: name)
            try workspace.copySource(id, from: path)
            try workspace.expect(["publish", id], exit: [1], mentions: [id, "expands"], timeout: bombTimeout)
        }
    }

    /// A DBF whose header declares 4 billion records and holds one: the same input error from every
    /// command, a failed dataset in `publish` (it was "internal error").
    func testADBFDeclaringBillionsOfRecords() throws {
        var dbf = Data([0x03, 124, 1, 1])
        dbf.append(contentsOf: withUnsafeBytes(of: UInt32(4_000_000_000).littleEndian, Array.init))
        dbf.append(contentsOf: withUnsafeBytes(of: UInt16(32 + 32 + 1).littleEndian, Array.init))
        dbf.append(contentsOf: withUnsafeBytes(of: UInt16(1 + 10).littleEndian, Array.init))
        dbf.append(Data(count: 20))
        dbf.append(Data("NAME".utf8) + Data(count: 7))
        dbf.append(contentsOf: [UInt8(ascii: "C"), 0, 0, 0, 0, 10, 0] + [UInt8](repeating: 0, count: 14))
        dbf.append(0x0D)
        dbf.append(Data(" Lumpini   ".utf8))
        dbf.append(0x1A)
        try workspace.runSource("billions.dbf", dbf, id: "dbf-billions", inspect: [2], validate: [0, 2], cleanse: [2], publish: [1])
    }

    /// A GeoJSON over 64 MB holding fewer features than the read-back samples was closed twice as its own
    /// sample, and refused as "a bug in Lumpini's writer". One point with 72 MB of text (eight columns of
    /// 9 MB, under GDAL's 10 MB limit for one JSON string) makes such a file without the gigabytes that
    /// millions of vertices take.
    func testAGeoJSONOverTheSampleLimitWithOneFeature() throws {
        var csv = Data("lon,lat,\((1...8).map { "text\($0)" }.joined(separator: ","))\n100.5,13.7".utf8)
        for _ in 1...8 {
            csv.append(UInt8(ascii: ","))
            csv.append(Data(repeating: UInt8(ascii: "x"), count: 9_000_000))
        }
        csv.append(UInt8(ascii: "\n"))
        let id = "geo-one-large-feature"
        try workspace.dataset(id, file: "large.csv", extra: "recipe:\n  - step: points-from-columns\n    x: lon\n    y: lat\n")
        try workspace.placeSource(id, "large.csv", csv)
        try workspace.expect(["publish", id], exit: [0], mentions: [id])
        let geoJSON = workspace.publicRoot.appendingPathComponent("\(id)/latest/\(id).geojson")
        let size = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: geoJSON.path)[.size] as? Int)
        XCTAssertGreaterThan(size, 64 << 20)
    }

    /// GDAL reads no JSON string over 10 MB: a dataset with geometry and an 11 MB text fails with that
    /// reason, not as "a bug in Lumpini's writer".
    func testATextValueLongerThanGDALReadsInGeoJSON() throws {
        var csv = Data("lon,lat,text\n100.5,13.7,".utf8)
        csv.append(Data(repeating: UInt8(ascii: "x"), count: 11_000_000))
        csv.append(UInt8(ascii: "\n"))
        let id = "geo-long-text"
        try workspace.dataset(id, file: "long.csv", extra: "recipe:\n  - step: points-from-columns\n    x: lon\n    y: lat\n")
        try workspace.placeSource(id, "long.csv", csv)
        let result = try workspace.expect(["publish", id], exit: [1], mentions: [id, "10 MB", "outputs.formats"])
        XCTAssertFalse(result.stdout.contains("bug in Lumpini"), result.stdout)
    }

    /// A file name holding line breaks and a GDAL message about it: one line on stderr.
    func testErrorsTakeOneLine() throws {
        let path = try workspace.write("broken\nname\r.geojson", Data("{\"type\":\"FeatureCollection\",\"features\":[{".utf8))
        assertOneLine(try workspace.expect(["inspect", path], exit: [2]), "inspect of a broken GeoJSON")
        assertOneLine(try workspace.expect(["inspect", workspace.path("missing\nfile.csv")], exit: [2]), "inspect of a missing file")
    }
}
