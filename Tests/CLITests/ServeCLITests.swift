import Crypto
import Foundation
import TestSupport
import XCTest

/// `lumpini serve` on the released samples, through the clients people use: raw HTTP, GDAL's OAPIF
/// driver, owslib and ckanapi.
final class ServeCLITests: XCTestCase {
    nonisolated(unsafe) private static var shared: Result<ServedTree, Error>?

    var served: ServedTree {
        get throws {
            if Self.shared == nil { Self.shared = Result { try ServedTree() } }
            return try Self.shared!.get()
        }
    }

    override class func tearDown() {
        if case .success(let served) = shared { served.remove() }
        shared = nil
        super.tearDown()
    }

    private var python: URL { get throws { try ReferenceTools.tool("python") } }

    // MARK: files

    func testFilesAreServedWithMediaTypesValidatorsAndRanges() throws {
        let served = try served
        let path = "/pm25-readings-sample/latest/pm25-readings-sample.geojson"
        let file = try served.get(path)
        XCTAssertEqual(file.status, 200)
        XCTAssertEqual(file.headers["content-type"], "application/geo+json")
        let onDisk = try Data(contentsOf: served.publicRoot.appendingPathComponent(String(path.dropFirst())))
        XCTAssertEqual(file.body, onDisk)
        let etag = try XCTUnwrap(file.headers["etag"])
        XCTAssertNotNil(file.headers["last-modified"])
        XCTAssertEqual(file.headers["cache-control"], "public, max-age=300", "latest changes with the next release")
        XCTAssertEqual(try served.get(path, headers: ["If-None-Match": etag]).status, 304)
        let part = try served.get(path, headers: ["Range": "bytes=10-19"])
        XCTAssertEqual(part.status, 206)
        XCTAssertEqual(part.body, onDisk[10..<20])
        XCTAssertEqual(try served.get("/pm25-readings-sample/v1/pm25-readings-sample.csv").headers["cache-control"], "public, max-age=31536000, immutable")
        XCTAssertEqual(try served.get("/health").status, 200)
        // Lines are written by a queue of their own, just after the answer.
        let deadline = Date().addingTimeInterval(5)
        while !served.logText.contains("GET /health 200"), Date() < deadline { usleep(20_000) }
        XCTAssertTrue(served.logText.contains("GET /health 200"), "one access-log line per request: \(served.logText.suffix(400))")
    }

    func testHostileRequestsGetClientErrorsAndNothingOutsideTheTree() throws {
        let served = try served
        try FileManager.default.createSymbolicLink(
            at: served.publicRoot.appendingPathComponent("escape"), withDestinationURL: URL(fileURLWithPath: "/etc"))
        defer { try? FileManager.default.removeItem(at: served.publicRoot.appendingPathComponent("escape")) }
        for target in [
            "/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/pm25-readings-sample/%2E%2E/%2E%2E/%2E%2E/etc/passwd",
            "/..%2f..%2f..%2fetc%2fpasswd", "/.lumpini/catalog.sqlite", "/%2elumpini/catalog.sqlite", "/escape/passwd",
            "/pm25-readings-sample/latest/%00manifest.json",
            "/ogc/collections/pm25-readings-sample/items?limit=100000000", "/ogc/collections/pm25-readings-sample/items?limit=-1",
            "/ogc/collections/pm25-readings-sample/items?bbox=1,2,3", "/ogc/collections/pm25-readings-sample/items?bbox=a,b,c,d",
            "/ogc/collections/pm25-readings-sample/items?bbox=101,14,100,13", "/ogc/collections/nothing-here/items",
            "/ogc/collections/pm25-readings-sample/items/no-such-feature", "/api/3/action/package_show?id=nothing-here",
            "/api/3/action/no_such_action", "/api/3/action/package_search?rows=1000000",
        ] {
            guard let answer = try RawHTTP.request(port: served.port, "GET", target) else { continue }
            XCTAssertTrue((400..<500).contains(answer.status), "\(target) answered \(answer.status)")
            XCTAssertFalse(answer.text.contains("root:"), "\(target) leaked a file outside the tree")
        }
        let huge = try RawHTTP.request(port: served.port, "GET", "/health", headers: ["X-Filler": String(repeating: "a", count: 64 * 1024)])
        XCTAssertTrue(huge.map { (400..<500).contains($0.status) } ?? true, "huge headers answered \(huge?.status ?? 0)")
        XCTAssertEqual(try served.get("/health").status, 200, "the server still answers")
    }

    // MARK: CKAN Action API

    func testCKANAPIThroughCkanapiByPostAndGet() throws {
        let served = try served
        let script = """
            import json, sys, ckanapi
            out = {}
            for mode, ckan in (("post", ckanapi.RemoteCKAN(sys.argv[1])), ("get", ckanapi.RemoteCKAN(sys.argv[1], get_only=True))):
                out[mode] = {
                    "list": ckan.action.package_list(),
                    "show": ckan.action.package_show(id="pm25-readings-sample"),
                    "thai": [p["name"] for p in ckan.action.package_search(q="ฝุ่น")["results"]],
                    "english": [p["name"] for p in ckan.action.package_search(q="PM2.5")["results"]],
                    "facets": ckan.action.package_search(**{"facet.field": json.dumps(["organization", "res_format"]), "rows": 0})["search_facets"],
                    "organizations": ckan.action.organization_list(),
                    "groups": ckan.action.group_list(all_fields=True),
                    "tags": ckan.action.tag_list(),
                }
            try:
                ckanapi.RemoteCKAN(sys.argv[1]).action.package_show(id="nothing-here")
                out["notFound"] = False
            except ckanapi.NotFound:
                out["notFound"] = True
            print(json.dumps(out))
            """
        let run = try served.runTool(python, ["-c", script, served.base])
        XCTAssertEqual(run.status, 0, run.stderr)
        let out = try XCTUnwrap(try run.json() as? [String: Any])
        XCTAssertEqual(out["notFound"] as? Bool, true)
        let published = try XCTUnwrap(try JSONSerialization.jsonObject(
            with: try Data(contentsOf: served.publicRoot.appendingPathComponent("pm25-readings-sample/latest/manifest.json"))) as? [String: Any])
        // Every dataset the release published: those with a latest manifest in the tree.
        let datasets = try FileManager.default.contentsOfDirectory(atPath: served.publicRoot.path).filter {
            FileManager.default.fileExists(atPath: served.publicRoot.appendingPathComponent("\($0)/latest/manifest.json").path)
        }.count
        XCTAssertGreaterThan(datasets, 1)
        for mode in ["post", "get"] {
            let answers = try XCTUnwrap(out[mode] as? [String: Any], mode)
            let list = try XCTUnwrap(answers["list"] as? [String])
            XCTAssertEqual(list.count, datasets, mode)
            XCTAssertEqual(list, list.sorted())
            let show = try XCTUnwrap(answers["show"] as? [String: Any])
            XCTAssertEqual(show["name"] as? String, "pm25-readings-sample")
            XCTAssertNotNil(show["data_type"], "the GD Catalog fields are at the top level")
            let extras = (show["extras"] as? [[String: String]] ?? []).reduce(into: [String: String]()) { $0[$1["key"]!] = $1["value"] }
            XCTAssertEqual(extras["allow_harvest"], "True")
            let files = (published["files"] as? [[String: Any]] ?? []).filter { $0["role"] as? String == "data" }
            let resources = try XCTUnwrap(show["resources"] as? [[String: Any]])
            XCTAssertEqual(resources.map { $0["hash"] as? String }, files.map { $0["sha256"] as? String })
            XCTAssertTrue(resources.allSatisfy { ($0["url"] as? String)?.hasPrefix(served.base + "/pm25-readings-sample/v") == true })
            XCTAssertTrue((answers["thai"] as? [String])?.contains("pm25-readings-sample") == true, "\(answers["thai"] ?? "")")
            XCTAssertTrue((answers["english"] as? [String])?.contains("pm25-readings-sample") == true, "\(answers["english"] ?? "")")
            let facets = try XCTUnwrap(answers["facets"] as? [String: [String: Any]])
            let counts = (facets["organization"]?["items"] as? [[String: Any]] ?? []).compactMap { $0["count"] as? Int }
            XCTAssertEqual(counts.reduce(0, +), datasets, "each dataset has one organisation")
            XCTAssertFalse((answers["organizations"] as? [String] ?? []).isEmpty)
            XCTAssertFalse((answers["groups"] as? [[String: Any]] ?? []).isEmpty)
            XCTAssertTrue((answers["tags"] as? [String] ?? []).contains { $0.contains("ฝุ่น") })
        }
    }

    func testHarvesterPagingGathersEveryDatasetOnceAndResourcesDownloadWithTheirHash() throws {
        let served = try served
        var gathered: [String] = []
        var start = 0
        while true {
            let page = try served.json("/api/3/action/package_search?rows=2&start=\(start)&sort=id+asc&fq=metadata_modified:%5B2000-01-01T00:00:00Z+TO+*%5D")
            let results = try XCTUnwrap((page["result"] as? [String: Any])?["results"] as? [[String: Any]])
            if results.isEmpty { break }
            for package in results {
                gathered.append(try XCTUnwrap(package["name"] as? String))
                for resource in package["resources"] as? [[String: Any]] ?? [] {
                    let url = try XCTUnwrap(URL(string: try XCTUnwrap(resource["url"] as? String)))
                    let download = try served.get(url.path)
                    XCTAssertEqual(download.status, 200, url.path)
                    XCTAssertEqual(SHA256.hash(data: download.body).map { String(format: "%02x", $0) }.joined(), resource["hash"] as? String, url.path)
                }
            }
            start += 2
        }
        let list = try XCTUnwrap(try served.json("/api/3/action/package_list")["result"] as? [String])
        XCTAssertEqual(gathered, list, "every dataset exactly once, in id order")
        let noWords = try served.json("/api/3/action/package_search?q=%22%22&rows=0")
        XCTAssertEqual((noWords["result"] as? [String: Any])?["count"] as? Int, list.count, "a q of empty quotes has no words and finds everything")
        let filtered = try served.json("/api/action/package_search?fq=organization:env+res_format:GeoJSON&rows=100")
        let names = ((filtered["result"] as? [String: Any])?["results"] as? [[String: Any]] ?? []).compactMap { $0["owner_org"] as? String }
        XCTAssertFalse(names.isEmpty)
        XCTAssertTrue(names.allSatisfy { $0 == "env" })
    }

    // MARK: OGC API – Features

    func testGDALReadsEveryCollectionAndEveryFeatureThroughPaging() throws {
        let served = try served
        let collections = try XCTUnwrap(try served.json("/ogc/collections")["collections"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        XCTAssertFalse(collections.isEmpty)
        let listing = try CLIRunner.run(["-ro", "-q", "OAPIF:\(served.base)/ogc"], executable: URL(fileURLWithPath: "/usr/bin/ogrinfo"))
        XCTAssertEqual(listing.status, 0, listing.stderr)
        for id in collections {
            XCTAssertTrue(listing.stdout.contains(id), "ogrinfo lists \(id): \(listing.stdout)")
            let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(
                with: try Data(contentsOf: served.publicRoot.appendingPathComponent("\(id)/latest/manifest.json"))) as? [String: Any])
            let features = try XCTUnwrap((manifest["counts"] as? [String: Any])?["features"] as? Int)
            // A page of 7 (a twentieth of a large dataset) makes GDAL follow `next` links through every dataset.
            let read = try CLIRunner.run(
                ["-ro", "-al", "-oo", "PAGE_SIZE=\(max(7, features / 20))", "-fid", "-1", "OAPIF:\(served.base)/ogc", id], executable: URL(fileURLWithPath: "/usr/bin/ogrinfo"))
            XCTAssertEqual(read.status, 0, read.stderr)
            let count = read.stdout.components(separatedBy: "\nOGRFeature(").count - 1
            XCTAssertEqual(count, features, "\(id): GDAL read \(count) features of \(features)")
        }
    }

    func testItemsByBoundingBoxPropertyDatetimeAndId() throws {
        let served = try served
        let items = "/ogc/collections/pm25-readings-sample/items"
        let all = try served.json("\(items)?limit=10000")
        let features = try XCTUnwrap(all["features"] as? [[String: Any]])
        XCTAssertEqual(all["numberMatched"] as? Int, features.count)
        let box = [100.50, 13.70, 100.56, 13.77]
        let inBox = features.filter { feature in
            let point = ((feature["geometry"] as? [String: Any])?["coordinates"] as? [Double]) ?? []
            return point.count >= 2 && point[0] >= box[0] && point[0] <= box[2] && point[1] >= box[1] && point[1] <= box[3]
        }
        let boxed = try XCTUnwrap(try served.json("\(items)?limit=10000&bbox=\(box.map { "\($0)" }.joined(separator: ","))")["features"] as? [[String: Any]])
        XCTAssertEqual(Set(boxed.compactMap { $0["id"] as? String }), Set(inBox.compactMap { $0["id"] as? String }))
        XCTAssertLessThan(boxed.count, features.count, "the box leaves some stations out")
        XCTAssertFalse(boxed.isEmpty)

        let code = try XCTUnwrap((features[0]["properties"] as? [String: Any])?["district_code"] as? String)
        let byCode = try XCTUnwrap(try served.json("\(items)?limit=10000&district_code=\(code)")["features"] as? [[String: Any]])
        XCTAssertEqual(byCode.count, features.filter { ($0["properties"] as? [String: Any])?["district_code"] as? String == code }.count)
        let day = try XCTUnwrap((features[0]["properties"] as? [String: Any])?["date"] as? String)
        let onDay = try XCTUnwrap(try served.json("\(items)?limit=10000&datetime=\(day)")["features"] as? [[String: Any]])
        XCTAssertEqual(onDay.count, features.filter { ($0["properties"] as? [String: Any])?["date"] as? String == day }.count)
        XCTAssertEqual(try served.get("\(items)?colour=red").status, 400, "an unknown parameter is refused")

        let page = try served.json("\(items)?limit=3")
        XCTAssertEqual((page["features"] as? [Any])?.count, 3)
        let next = try XCTUnwrap((page["links"] as? [[String: Any]])?.first { $0["rel"] as? String == "next" }?["href"] as? String)
        let second = try served.json(try XCTUnwrap(URL(string: next)).relativeReference)
        XCTAssertEqual((second["features"] as? [[String: Any]])?.first?["id"] as? String, features[3]["id"] as? String)

        let id = try XCTUnwrap(features[1]["id"] as? String)
        let one = try served.json("\(items)/\(id.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")
        XCTAssertEqual(one["id"] as? String, id)
        XCTAssertEqual(try served.get("/ogc/collections/pm25-readings-sample").status, 200)
        XCTAssertEqual(try served.json("/ogc/conformance")["conformsTo"].map { ($0 as? [String])?.count }, 3)
        XCTAssertEqual(try served.json("/ogc/api")["openapi"] as? String, "3.0.3")
    }

    /// schemathesis generates requests from the OpenAPI document and checks every answer against it:
    /// no server error, the declared status codes, content types and schemas, 405 for other methods.
    /// Left out: that every schema-valid request is accepted — a bbox whose lower corner lies above
    /// its upper one, or a datetime of random text, fits the schema (numbers, a string) and the
    /// standard has them refused with 400.
    func testSchemathesisFindsNothingAgainstTheOpenAPIDocument() throws {
        let served = try served
        let run = try served.runTool(try ReferenceTools.tool("schemathesis"), [
            "run", "\(served.base)/ogc/api", "--checks", "all", "--exclude-checks", "positive_data_acceptance",
            "--max-examples", "20", "--seed", "1", "--no-color",
        ])
        XCTAssertEqual(run.status, 0, String(run.stdout.suffix(3000)) + String(run.stderr.suffix(1000)))
    }

    func testOwslibListsCollectionsAndReadsItems() throws {
        let served = try served
        let script = """
            import json, sys
            from owslib.ogcapi.features import Features
            api = Features(sys.argv[1])
            ids = [c["id"] for c in api.collections()["collections"]]
            items = api.collection_items("pm25-readings-sample", limit=5)
            print(json.dumps({"ids": ids, "items": len(items["features"]), "conformance": api.conformance()["conformsTo"]}))
            """
        let run = try served.runTool(python, ["-c", script, "\(served.base)/ogc"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let out = try XCTUnwrap(try run.json() as? [String: Any])
        XCTAssertTrue((out["ids"] as? [String])?.contains("pm25-readings-sample") == true)
        XCTAssertEqual(out["items"] as? Int, 5)
    }

    func testDCATComesFromTheCatalogueExport() throws {
        let served = try served
        let jsonld = try served.get("/catalog.jsonld")
        XCTAssertEqual(jsonld.status, 200)
        XCTAssertEqual(jsonld.headers["content-type"], "application/ld+json")
        XCTAssertTrue(jsonld.text.contains("\(served.base)/pm25-readings-sample"))
        let turtle = try served.get("/catalog.ttl")
        XCTAssertEqual(turtle.status, 200)
        XCTAssertTrue(turtle.text.contains("dcat:Dataset"))
    }

    func testANewReleaseIsServedWithoutARestartAndSIGTERMStopsCleanly() throws {
        let served = try ServedTree()
        defer { served.remove() }
        let before = try served.json("/api/3/action/package_show?id=pm25-readings-sample")
        XCTAssertEqual((before["result"] as? [String: Any])?["version"] as? String, "v1")
        let release = try CLIRunner.run(
            ["release", "pm25-readings-sample", "--force", "--root", CLIRunner.packageRoot.path, "--public", served.publicRoot.path], timeout: 300)
        XCTAssertEqual(release.status, 0, release.stderr)
        let after = try XCTUnwrap(try served.json("/api/3/action/package_show?id=pm25-readings-sample")["result"] as? [String: Any])
        XCTAssertEqual(after["version"] as? String, "v2")
        let urls = (after["resources"] as? [[String: Any]] ?? []).compactMap { $0["url"] as? String }
        XCTAssertTrue(!urls.isEmpty && urls.allSatisfy { $0.contains("/pm25-readings-sample/v2/") }, "\(urls)")
        XCTAssertEqual((try served.json("/ogc/collections/pm25-readings-sample/items?limit=1")["features"] as? [Any])?.count, 1)
        // Answered just before SIGTERM: their access-log lines, still queued, are written before the exit.
        for number in 1...20 { XCTAssertEqual(try served.get("/health?before-exit=\(number)").status, 200) }
        XCTAssertEqual(served.stop(), 0, "SIGTERM ends the server cleanly: \(served.logText.suffix(300))")
        let logged = served.logText
        XCTAssertEqual((1...20).filter { logged.contains("GET /health?before-exit=\($0) 200") }.count, 20, String(logged.suffix(600)))
    }
}

extension URL {
    /// The path and query, to ask the test's server for what a link names.
    fileprivate var relativeReference: String { path + (query.map { "?\($0)" } ?? "") }
}
