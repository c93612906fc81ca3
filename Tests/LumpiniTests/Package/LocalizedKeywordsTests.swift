@testable import Lumpini
import XCTest

/// Keywords given in both languages (`PM2.5`) are listed once wherever the two lists are merged.
final class LocalizedKeywordsTests: XCTestCase {
    func testAKeywordInBothListsIsListedOnceWhereItFirstAppears() {
        let keywords = LocalizedKeywords(th: ["ฝุ่น", "PM2.5", "คุณภาพอากาศ"], en: ["pm2.5 ", "air quality", "", "Air Quality"])
        XCTAssertEqual(keywords.all, ["ฝุ่น", "PM2.5", "คุณภาพอากาศ", "air quality"])
        XCTAssertEqual(keywords.englishFirst, ["pm2.5 ", "air quality", "ฝุ่น", "คุณภาพอากาศ"])
    }
}
