import Foundation
import TestSupport
import XCTest

/// `lumpini site` and the release's rebuild of the site, end to end with the real binary; the pages are
/// then checked in a real browser (Debian's chromium-headless-shell through Playwright, `Tests/Browser/`).
final class SiteCLITests: XCTestCase {
    static let browser = "/usr/bin/chromium-headless-shell"
    static let hostileTitle = "<img src=x onerror=alert(1)>"

    /// The shipped samples and one more whose title is markup, released (which builds the site); with
    /// `districts`, also the district outlines and an indicator by district (`DistrictDatasets`).
    private func releasedSamples(districts: Bool = false) throws -> URL {
        let root = try CLIRunner.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        for folder in ["datasets", "schemas"] {
            try FileManager.default.copyItem(at: CLIRunner.packageRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        let hostile = root.appendingPathComponent("datasets/hostile-title-sample")
        try FileManager.default.copyItem(at: root.appendingPathComponent("datasets/public-toilets-sample"), to: hostile)
        let yaml = hostile.appendingPathComponent("dataset.yaml")
        var text = try String(contentsOf: yaml, encoding: .utf8)
        text = text.replacingOccurrences(of: "id: public-toilets-sample", with: "id: hostile-title-sample")
        let lines = text.components(separatedBy: "\n")
        let titleLine = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("  en:") })
        var edited = lines
        edited[titleLine] = "  en: \"\(Self.hostileTitle)\""
        try edited.joined(separator: "\n").write(to: yaml, atomically: true, encoding: .utf8)
        if districts { try DistrictDatasets.add(to: root) }
        let release = try CLIRunner.run(["release", "--root", root.path, "--public", root.appendingPathComponent("public").path], timeout: 600)
        XCTAssertLessThanOrEqual(release.status, 1, release.stderr)
        if districts { XCTAssertFalse(release.stdout.contains("failed"), release.stdout + release.stderr) }
        XCTAssertFalse(release.stderr.contains("website was not rebuilt"), release.stderr)
        return root.appendingPathComponent("public")
    }

    func testTheReleaseBuildsTheSiteAndItWorksInARealBrowser() throws {
        let python = try ReferenceTools.tool("python")
        guard FileManager.default.isExecutableFile(atPath: Self.browser) else {
            let reason = "\(Self.browser) is missing: `make deps` installs chromium-headless-shell"
            if ProcessInfo.processInfo.environment["LUMPINI_REQUIRE_REFERENCE_TOOLS"] != nil { return XCTFail(reason) }
            throw XCTSkip(reason)
        }
        let publicRoot = try releasedSamples(districts: true)
        try DistrictDatasets.markDerived(publicRoot: publicRoot)
        let site = try CLIRunner.run(["site", "--public", publicRoot.path, "--json"])
        XCTAssertEqual(site.status, 0, site.stderr)
        XCTAssertEqual((try site.json() as? [String: Any])?["datasetsRebuilt"] as? [String], [DistrictDatasets.indicator])
        for page in ["index.html", "_site/statistics.html", "_site/search/docs-0.json", "_site/search/grams-0.json", "_site/outlines.geojson", "pm25-readings-sample/index.html", "hostile-title-sample/index.html"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: publicRoot.appendingPathComponent(page).path), page)
        }
        let hostilePage = try String(contentsOf: publicRoot.appendingPathComponent("hostile-title-sample/index.html"), encoding: .utf8)
        XCTAssertFalse(hostilePage.contains(Self.hostileTitle), "the title must be escaped in the HTML")
        XCTAssertTrue(hostilePage.contains("&lt;img src=x onerror=alert(1)&gt;"))
        let script = CLIRunner.packageRoot.appendingPathComponent("Tests/Browser/check_site.py").path
        let check = try CLIRunner.run(
            [script, "--public", publicRoot.path, "--browser", Self.browser, "--search", "ฝุ่น", "--expect", "pm25-readings-sample",
             "--hostile", "hostile-title-sample", "--search-en", "toilets", "--expect-en", "public-toilets-sample",
             "--indicator", DistrictDatasets.indicator, "--unit", DistrictDatasets.unit, "--outlines", "50"],
            timeout: 900, executable: python
        )
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.contains("browser checks:"), check.stdout + check.stderr)
    }

    func testARebuildMakesOnlyThePagesWhoseInputsChanged() throws {
        let publicRoot = try releasedSamples()
        let again = try CLIRunner.run(["site", "--public", publicRoot.path, "--json"])
        XCTAssertEqual(again.status, 0, again.stderr)
        let report = try XCTUnwrap(try again.json() as? [String: Any])
        XCTAssertEqual(report["datasetsRebuilt"] as? [String], [], "nothing changed since the release built the site")
        XCTAssertEqual(report["filesWritten"] as? Int, 0)

        let root = publicRoot.deletingLastPathComponent()
        let page = publicRoot.appendingPathComponent("noise-monitoring-sample/index.html")
        let before = try Data(contentsOf: page)
        // The district outlines come from another dataset: a release of this one leaves them as they are.
        let outlines = publicRoot.appendingPathComponent("_site/outlines.geojson")
        let outlinesWritten = try FileManager.default.attributesOfItem(atPath: outlines.path)[.modificationDate] as? Date
        // A site built before the search index was split kept it in one file, which nothing updates now.
        let formerIndex = publicRoot.appendingPathComponent("_site/search-index.json")
        try Data("[]".utf8).write(to: formerIndex)
        let release = try CLIRunner.run(["release", "pm25-readings-sample", "--force", "--no-site", "--root", root.path, "--public", publicRoot.path])
        XCTAssertEqual(release.status, 0, release.stderr)
        let rebuilt = try CLIRunner.run(["site", "--public", publicRoot.path, "--json"])
        let second = try XCTUnwrap(try rebuilt.json() as? [String: Any])
        XCTAssertEqual(second["datasetsRebuilt"] as? [String], ["pm25-readings-sample"])
        XCTAssertEqual(try Data(contentsOf: page), before)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: outlines.path)[.modificationDate] as? Date, outlinesWritten)
        XCTAssertFalse(FileManager.default.fileExists(atPath: formerIndex.path), "the former single search index is removed")
        let pm25 = try String(contentsOf: publicRoot.appendingPathComponent("pm25-readings-sample/index.html"), encoding: .utf8)
        XCTAssertTrue(pm25.contains("href=\"v2/\""), "the new version is on the page")
    }

    func testASiteWithoutAPublicTreeOrIndexIsOneClearLine() throws {
        let root = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let missing = try CLIRunner.run(["site", "--public", root.appendingPathComponent("nothing").path])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr.split(separator: "\n").count, 1, missing.stderr)
        XCTAssertTrue(missing.stderr.contains("no public tree"), missing.stderr)
        let noIndex = try CLIRunner.run(["site", "--public", root.path])
        XCTAssertEqual(noIndex.status, 2)
        XCTAssertTrue(noIndex.stderr.contains("catalog build"), noIndex.stderr)
    }

    func testABadTileURLIsRefusedAndNothingIsWritten() throws {
        let publicRoot = try releasedSamples()
        let index = publicRoot.appendingPathComponent("index.html")
        let before = try Data(contentsOf: index)
        let bad = try CLIRunner.run(["site", "--public", publicRoot.path, "--tiles", "javascript:alert(1)"])
        XCTAssertEqual(bad.status, 2, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("tile URL"), bad.stderr)
        let unknown = try CLIRunner.run(["site", "--public", publicRoot.path, "--outlines", "no-such-dataset"])
        XCTAssertEqual(unknown.status, 2, unknown.stderr)
        XCTAssertEqual(unknown.stderr.split(separator: "\n").count, 1, unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("outline dataset"), unknown.stderr)
        XCTAssertEqual(try Data(contentsOf: index), before)
        // Published, but points: refused before any page is made again.
        let dataPage = publicRoot.appendingPathComponent("pm25-readings-sample/index.html").path
        let pageWritten = try FileManager.default.attributesOfItem(atPath: dataPage)[.modificationDate] as? Date
        let points = try CLIRunner.run(["site", "--public", publicRoot.path, "--outlines", "pm25-readings-sample"])
        XCTAssertEqual(points.status, 2, points.stderr)
        XCTAssertTrue(points.stderr.contains("not published with polygons"), points.stderr)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: dataPage)[.modificationDate] as? Date, pageWritten)
        XCTAssertEqual(try Data(contentsOf: index), before)
        let none = try CLIRunner.run(["site", "--public", publicRoot.path, "--tiles", ""])
        XCTAssertEqual(none.status, 0, none.stderr)
        let page = try String(contentsOf: publicRoot.appendingPathComponent("pm25-readings-sample/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("img-src &#39;self&#39; data:;"), "no tile host is allowed when there are no tiles")
    }
}
