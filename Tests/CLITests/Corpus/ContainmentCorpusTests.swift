import Foundation
import Lumpini
import XCTest

/// Sources that would make GDAL or Lumpini read a file outside the dataset: virtual tables in a
/// GeoPackage, MapInfo seamless and view tables, a shapefile part or `.cpg` linked outside, an area
/// polygon, a schema or a data package resource linked outside. Each is refused with one line naming
/// the file, and nothing of the outside file reaches a message or the public tree.
final class ContainmentCorpusTests: XCTestCase {
    var workspace: CorpusWorkspace!
    /// A file outside every dataset, with a marker that must never be printed or published.
    var secret: String!
    static let marker = "SECRET-OUTSIDE-7731"

    override func setUpWithError() throws {
        workspace = try CorpusWorkspace()
        secret = try workspace.write("secret/passwd.csv", Data("user,password\nroot,\(Self.marker)\n".utf8))
    }

    override func tearDown() {
        workspace = nil
    }

    /// Runs a tool of the machine (ogr2ogr, sqlite3) and fails the test when it fails.
    private func tool(_ path: String, _ arguments: [String], input: String? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        if input != nil { process.standardInput = pipe }
        try process.run()
        if let input {
            pipe.fileHandleForWriting.write(Data(input.utf8))
            try pipe.fileHandleForWriting.close()
        }
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(path) \(arguments)")
    }

    private func assertNothingLeaked(_ result: CLIRunner.Result, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse((result.stdout + result.stderr).contains(Self.marker), "the outside file's content was printed", file: file, line: line)
        let published = (try? workspace.snapshot(of: workspace.publicRoot)) ?? [:]
        for (path, data) in published where String(decoding: data, as: UTF8.self).contains(Self.marker) {
            XCTFail("the outside file's content was published in \(path)", file: file, line: line)
        }
    }

    private func pointsGeoJSON() -> Data {
        Data(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"A"},"geometry":{"type":"Point","coordinates":[100.5,13.7]}}]}"#.utf8)
    }

    /// A GeoPackage whose layer is a SpatiaLite `VirtualText` table reading a file by absolute path.
    func testVirtualTablesInAGeoPackageAreRefused() throws {
        let geojson = try workspace.write("points.geojson", pointsGeoJSON())
        let clean = workspace.path("clean.gpkg")
        try tool("/usr/bin/ogr2ogr", ["-f", "GPKG", clean, geojson])
        // The clean file, with GeoPackage's own R-tree index, is read.
        try workspace.expect(["inspect", clean], exit: [0])

        let hostile = workspace.path("hostile.gpkg")
        try FileManager.default.copyItem(atPath: clean, toPath: hostile)
        let declaration = "CREATE VIRTUAL TABLE leak USING VirtualText(''\(secret!)'', ''UTF-8'', 1, POINT, DOUBLEQUOTE, '','')"
        try tool("/usr/bin/sqlite3", [hostile], input: """
            PRAGMA writable_schema=ON;
            INSERT INTO sqlite_master(type, name, tbl_name, rootpage, sql) VALUES ('table', 'leak', 'leak', 0, '\(declaration)');
            INSERT INTO gpkg_contents(table_name, data_type, identifier) VALUES ('leak', 'attributes', 'leak');
            """)
        for arguments in [["inspect", hostile], ["inspect", hostile, "--layer", "leak"]] {
            let result = try workspace.expect(arguments, exit: [2], mentions: ["hostile.gpkg", "virtual table", "leak"])
            assertNothingLeaked(result)
        }
        try workspace.dataset("virtual-table", file: "hostile.gpkg", sourceKeys: "layer: leak")
        try workspace.copySource("virtual-table", from: hostile)
        for command in ["check", "cleanse"] {
            assertNothingLeaked(try workspace.expect([command, "virtual-table"], exit: [1, 2], mentions: ["virtual table"]))
        }
        assertNothingLeaked(try workspace.expect(["publish", "virtual-table"], exit: [1], mentions: ["virtual-table", "virtual table"]))
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.publicRoot.appendingPathComponent("virtual-table").path))
    }

    /// MapInfo tables that open other tables (seamless, view) by any path, `../` included.
    func testMapInfoTablesThatOpenOtherTablesAreRefused() throws {
        let seamless = """
            !table
            !version 300
            !charset WindowsLatin1

            Definition Table
              Type NATIVE Charset "WindowsLatin1"
              Fields 2
                Table Char (254) ;
                Description Char (254) ;
            begin_metadata
            "\\IsSeamless" = "TRUE"
            "\\IsReadOnly" = "FALSE"
            end_metadata

            """
        let view = """
            !table
            !version 100
            !charset Neutral

            Open Table "../../secret/parts" Hide
            Open Table "../../secret/other" Hide

            Create View leak As
            Select * From parts, other

            """
        for (name, text, kind) in [("seamless.tab", seamless, "seamless"), ("view.tab", view, "view")] {
            let path = try workspace.write(name, Data(text.utf8))
            assertNothingLeaked(try workspace.expect(["inspect", path], exit: [2], mentions: [name, "MapInfo \(kind) table"]))
            let id = "mapinfo-\(kind)"
            try workspace.dataset(id, file: name)
            try workspace.placeSource(id, name, Data(text.utf8))
            try workspace.expect(["cleanse", id], exit: [2], mentions: [name, kind])
            try workspace.expect(["publish", id], exit: [1], mentions: [id, kind])
        }
    }

    /// A zip cannot carry what is refused on its own: a GeoPackage (its schema cannot be checked inside
    /// the zip) or a MapInfo seamless table.
    func testAZipHoldingAGeoPackageOrASeamlessTableIsRefused() throws {
        let geojson = try workspace.write("points.geojson", pointsGeoJSON())
        let gpkg = workspace.path("inner.gpkg")
        try tool("/usr/bin/ogr2ogr", ["-f", "GPKG", gpkg, geojson])
        let seamless = try workspace.write("inner.tab", Data("!table\n!version 300\n\nDefinition Table\n  Type NATIVE\nbegin_metadata\n\"\\IsSeamless\" = \"TRUE\"\nend_metadata\n".utf8))
        for (inner, mention) in [(gpkg, "SQLite"), (seamless, "seamless")] {
            let zip = workspace.path((inner as NSString).lastPathComponent + ".zip")
            try tool("/usr/bin/python3", ["-c", "import sys, zipfile; zipfile.ZipFile(sys.argv[1], 'w').write(sys.argv[2], sys.argv[2].rsplit('/', 1)[1])", zip, inner])
            assertNothingLeaked(try workspace.expect(["inspect", zip], exit: [2], mentions: [(zip as NSString).lastPathComponent, mention]))
        }
    }

    /// A shapefile whose `.dbf` (or `.cpg`) is a link to a file outside: GDAL finds parts by name.
    func testShapefilePartsLinkedOutsideAreRefused() throws {
        let geojson = try workspace.write("points.geojson", pointsGeoJSON())
        let outside = workspace.loose.appendingPathComponent("secret/shape")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try tool("/usr/bin/ogr2ogr", ["-f", "ESRI Shapefile", outside.appendingPathComponent("real.shp").path, geojson])
        try tool("/usr/bin/ogr2ogr", ["-f", "ESRI Shapefile", "-sql", "SELECT '\(Self.marker)' AS code FROM points",
                                      outside.appendingPathComponent("leak.shp").path, geojson])
        for (part, target) in [("dbf", outside.appendingPathComponent("leak.dbf").path), ("cpg", "/etc/passwd")] {
            let id = "linked-\(part)"
            let source = try workspace.dataset(id, file: "stations.shp").appendingPathComponent("source")
            for ext in ["shp", "shx", "dbf", "prj"] where ext != part {
                try FileManager.default.copyItem(
                    atPath: outside.appendingPathComponent("real.\(ext)").path, toPath: source.appendingPathComponent("stations.\(ext)").path
                )
            }
            try FileManager.default.createSymbolicLink(atPath: source.appendingPathComponent("stations.\(part)").path, withDestinationPath: target)
            let shp = source.appendingPathComponent("stations.shp").path
            let result = try workspace.expect(["inspect", shp], exit: [2], mentions: ["stations.shp", "stations.\(part)", "symbolic link"])
            assertNothingLeaked(result)
            XCTAssertFalse(result.stderr.contains("root:x:0"), "the .cpg's target was echoed: \(result.stderr)")
            assertNothingLeaked(try workspace.expect(["cleanse", id], exit: [2], mentions: ["stations.\(part)", "symbolic link"]))
            assertNothingLeaked(try workspace.expect(["publish", id], exit: [1], mentions: [id, "symbolic link"]))
        }
    }

    /// A `.cpg` that is a regular file but holds a whole text, not an encoding's name: never echoed.
    func testACodePageFileIsNeverEchoedWhole() throws {
        let geojson = try workspace.write("points.geojson", pointsGeoJSON())
        let folder = workspace.loose.appendingPathComponent("cpg")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let shp = folder.appendingPathComponent("stations.shp").path
        try tool("/usr/bin/ogr2ogr", ["-f", "ESRI Shapefile", shp, geojson])
        try Data("root:x:0:0:root:/root:/bin/bash\n\(Self.marker)\n".utf8).write(to: folder.appendingPathComponent("stations.cpg"))
        let result = try CLIRunner.run(["inspect", shp, "--json"])
        assertNothingLeaked(result)
        XCTAssertFalse((result.stdout + result.stderr).contains("root:x:0"))
    }

    /// `spatial.polygonFile` that is a link leading outside the dataset's folder.
    func testAnAreaPolygonLinkedOutsideIsRefused() throws {
        let area = try workspace.write("secret/area.geojson", Data(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[100,13],[101,13],[101,14],[100,14],[100,13]]]}}]}"#.utf8))
        let folder = try workspace.dataset(
            "area-linked", file: "points.geojson",
            extra: "spatial:\n  polygonFile: source/area.geojson\nrecipe:\n  - step: require-in-area\n"
        )
        try workspace.placeSource("area-linked", "points.geojson", pointsGeoJSON())
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("source/area.geojson").path, withDestinationPath: area)
        try workspace.expect(["cleanse", "area-linked"], exit: [2], mentions: ["spatial.polygonFile", "symbolic link"])
        try workspace.expect(["publish", "area-linked"], exit: [1], mentions: ["area-linked", "symbolic link"])
    }

    /// A schema file in `schemas/` that is a link leading elsewhere.
    func testASchemaLinkedOutsideIsRefused() throws {
        let schema = try workspace.write("secret/linked.schema.json", Data(#"{"fields":[{"name":"code","type":"string"}]}"#.utf8))
        try FileManager.default.createSymbolicLink(
            atPath: workspace.root.appendingPathComponent("schemas/linked-outside.schema.json").path, withDestinationPath: schema
        )
        try workspace.dataset("schema-linked", file: "points.geojson", extra: "schema: linked-outside\n")
        try workspace.placeSource("schema-linked", "points.geojson", pointsGeoJSON())
        try workspace.expect(["validate", "schema-linked"], exit: [2], mentions: ["linked-outside.schema.json", "symbolic link"])
        try workspace.expect(["publish", "schema-linked"], exit: [1], mentions: ["schema-linked", "symbolic link"])
    }

    /// A data package resource that is a link leading outside the package's folder: never read.
    func testADataPackageResourceLinkedOutsideIsRefused() throws {
        let package = workspace.loose.appendingPathComponent("package")
        try FileManager.default.createDirectory(at: package, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: package.appendingPathComponent("data.csv").path, withDestinationPath: secret)
        let descriptor = #"{"resources":[{"name":"data","path":"data.csv","schema":{"fields":[{"name":"user","type":"integer"},{"name":"password","type":"integer"}]}}]}"#
        try Data(descriptor.utf8).write(to: package.appendingPathComponent("datapackage.json"))
        let result = try workspace.expect(
            ["validate", package.appendingPathComponent("datapackage.json").path], exit: [2], mentions: ["resources[0].path", "symbolic link"]
        )
        assertNothingLeaked(result)
    }

    /// A source swapped back and forth between the real file and a link to a file outside while
    /// releases run: every release either refuses or publishes the real file, and its manifest records
    /// the hash of what it published.
    func testASourceSwappedForALinkDuringReleasesIsNeverPublished() throws {
        let good = Data("code,value\nA,GOOD\n".utf8)
        let folder = try workspace.dataset("swapped", file: "data.csv")
        try workspace.placeSource("swapped", "data.csv", good)
        let target = folder.appendingPathComponent("source/data.csv").path
        let spare = workspace.root.appendingPathComponent("spare", isDirectory: true)
        try FileManager.default.createDirectory(at: spare, withIntermediateDirectories: true)

        let stop = ManagedAtomicFlag()
        let outside: String = secret
        let swapper = Thread {
            var turn = 0
            while !stop.isSet {
                let staged = spare.appendingPathComponent("next-\(turn)").path
                if turn % 2 == 0 {
                    _ = symlink(outside, staged)
                } else {
                    _ = FileManager.default.createFile(atPath: staged, contents: good)
                }
                _ = rename(staged, target)
                turn += 1
                usleep(200)
            }
        }
        swapper.start()
        defer {
            stop.set()
            while !swapper.isFinished { usleep(1_000) }
        }
        let goodHash = FileDigest.sha256(good)
        var published = 0
        for attempt in 0..<12 {
            let result = try CLIRunner.run(["publish", "swapped", "--force", "--root", workspace.root.path], in: workspace.root)
            XCTAssertTrue([0, 1].contains(result.status), "attempt \(attempt): \(result.stderr)")
            assertNothingLeaked(result)
            guard result.status == 0 else { continue }
            published += 1
            let latest = workspace.publicRoot.appendingPathComponent("swapped/latest")
            let manifest = try XCTUnwrap(
                try JSONSerialization.jsonObject(with: Data(contentsOf: latest.appendingPathComponent("manifest.json"))) as? [String: Any]
            )
            let sources = ((manifest["inputs"] as? [String: Any])?["sources"] as? [[String: Any]]) ?? []
            XCTAssertEqual(sources.first { $0["path"] as? String == "source/data.csv" }?["sha256"] as? String, goodHash, "attempt \(attempt)")
        }
        // Once the swapping stops with the real file in place, the dataset publishes as usual.
        stop.set()
        while !swapper.isFinished { usleep(1_000) }
        try? FileManager.default.removeItem(atPath: target)
        try good.write(to: URL(fileURLWithPath: target))
        let settled = try CLIRunner.run(["publish", "swapped", "--force", "--root", workspace.root.path], in: workspace.root)
        XCTAssertEqual(settled.status, 0, "after \(published) of 12 releases published during the swaps: \(settled.stderr)")
        assertNothingLeaked(settled)
        XCTAssertEqual(try CLIRunner.run(["verify", "--root", workspace.root.path], in: workspace.root).status, 0)
    }
}

/// A flag one thread sets and another reads.
final class ManagedAtomicFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
