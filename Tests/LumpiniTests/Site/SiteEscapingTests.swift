import XCTest
@testable import LumpiniSite

/// Every value from metadata or data is escaped for where it goes in a page.
final class SiteEscapingTests: XCTestCase {
    let hostile = "<img src=x onerror=alert(1)> & \"quotes\" 'too'"

    func testTextAndAttributesCannotOpenATagOrLeaveTheirQuotes() {
        XCTAssertEqual(HTML.text(hostile), "&lt;img src=x onerror=alert(1)&gt; &amp; \"quotes\" 'too'")
        XCTAssertEqual(HTML.attribute(hostile), "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot; &#39;too&#39;")
        XCTAssertEqual(Bilingual.text(hostile, "ok"), "<span lang=\"th\" class=\"th\">\(HTML.text(hostile))</span><span lang=\"en\" class=\"en\">ok</span>")
    }

    func testJSONInAPageCannotCloseItsElement() {
        let json = HTML.json(Data(#"{"label":"</script><script>alert(1)</script>\#u{2028}"}"#.utf8))
        XCTAssertFalse(json.contains("<"))
        XCTAssertFalse(json.contains(">"))
        XCTAssertFalse(json.contains("\u{2028}"))
        XCTAssertEqual(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String],
                       ["label": "</script><script>alert(1)</script>\u{2028}"])
    }

    func testURLsAreEncodedAndOnlyWebAndMailLinksAreKept() {
        XCTAssertEqual(HTML.path(["latest", "a b\"<.csv"]), "latest/a%20b%22%3C.csv")
        XCTAssertNil(HTML.externalURL("javascript:alert(1)"))
        XCTAssertNil(HTML.externalURL(" JaVaScRiPt:alert(1)"))
        XCTAssertEqual(HTML.externalURL("https://creativecommons.org/licenses/by/4.0/"), "https://creativecommons.org/licenses/by/4.0/")
        XCTAssertNil(HTML.mailto("x\" onmouseover=\"alert(1)"))
        XCTAssertEqual(HTML.mailto("air@example.org"), "mailto:air@example.org")
    }

    func testTheTileHostIsTheOnlyOtherOriginAndATemplateMustBeAWebURL() throws {
        XCTAssertEqual(try SiteSettings().tileOrigin(), "https://tile.openstreetmap.org")
        XCTAssertEqual(try SiteSettings(tileURL: "https://{s}.tiles.example.org:8443/{z}/{x}/{y}.png").tileOrigin(), "https://*.tiles.example.org:8443")
        XCTAssertNil(try SiteSettings(tileURL: "").tileOrigin())
        XCTAssertThrowsError(try SiteSettings(tileURL: "javascript:alert(1)").tileOrigin())
        XCTAssertThrowsError(try SiteSettings(tileURL: "https://a.org'; script-src *;/{z}").tileOrigin())
    }

    func testFileNamesForCodesStayInTheirFolder() {
        XCTAssertEqual(SiteLayout.agencyPage("DO-1001"), "_site/agency/DO-1001.html")
        XCTAssertEqual(SiteLayout.themePage("../../etc"), "_site/theme/______etc.html")
    }
}
