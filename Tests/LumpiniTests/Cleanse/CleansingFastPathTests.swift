@testable import LumpiniCleanse
import XCTest

/// The byte-level fast paths of `clean-text`, `parse-dates` and `parse-numbers` give exactly what
/// their general paths give, on tricky text and on many random mixtures of it, so that a fast path
/// can never drift from what the step is documented to do.
final class CleansingFastPathTests: XCTestCase {
    /// Pieces that each exercise one rule: Thai (with sara e, sara am typed in two parts, a tone
    /// mark before a below vowel), combining Latin marks, decomposed text, zero-width and no-break
    /// spaces, BOM, soft hyphen, C0 and C1 controls, NEL, line separators, Thai digits, a formula
    /// start, emoji (four bytes), and spaces.
    static let pieces = [
        "สถานี", "เขต", "เเ", "เ", "น\u{0E4D}\u{0E32}", "\u{0E4D}", "\u{0E32}", "ก\u{0E48}\u{0E38}", "\u{0E48}", "\u{0E38}", "น้ำ",
        "e\u{0301}", "\u{0301}", "é", "Å", "ﬁ", "a", "1", "12.5", "=", "+", "-", "@", " ", "  ", "\t", "\r\n",
        "\u{200B}", "\u{00A0}", "\u{FEFF}", "\u{00AD}", "\u{0001}", "\u{0085}", "\u{0090}", "\u{2028}", "\u{3000}", "\u{202F}",
        "๑๒", "😀", "µg/m³", "\u{1680}", "\u{2060}",
    ]

    func testCleanTextFastPathsMatchTheScalarPath() {
        let samples = [
            "", " ", "a", "a b", " a", "a ", "a  b", "สถานีตรวจวัด เขตจตุจักร 1", " สถานีตรวจวัด  ท่าเรือ เขตจตุจักร 1\u{200B} ",
            "\t=1+2", " \u{200B}@SUM(A1)  ", "\t-12.5 ", "  =1 ", "=1  ", "เ\u{200B}เ", "เ เ", "ก\u{0E48} \u{0E38}", "ก\u{0E48}\u{200B}\u{0E38}",
            "\u{00A0}ราคา\u{00A0}\u{00A0}๑๒\u{00A0}", "Cafe\u{0301}", "\u{FEFF}id", String(repeating: "สถานี ", count: 50_000),
            String(repeating: " เขต\u{200B}", count: 20_000) + "=",
        ]
        for text in samples { assertSameClean(text) }
        var generator = SeededGenerator(state: 20_261_207)
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            assertSameClean(text)
        }
    }

    func testCleanTextLeavesCleanThaiAndMessySpacesToTheByteLevel() {
        for text in ["สถานีตรวจวัดคุณภาพอากาศ ท่าเรือ เขตจตุจักร 1", "Bang Rak", "น้ำ", "", "100.523"] {
            XCTAssertTrue(Array(text.utf8).withUnsafeBufferPointer(TextCleaner.isClean), text)
        }
        for text in [" สถานี  ท่าเรือ\u{200B} ", "a\u{00A0}\u{00A0}b"] {
            XCTAssertFalse(Array(text.utf8).withUnsafeBufferPointer(TextCleaner.isClean), text)
            XCTAssertNotNil(Array(text.utf8).withUnsafeBufferPointer(TextCleaner.removingSpacesAndInvisibles), text)
        }
        XCTAssertEqual(TextCleaner.clean(" สถานี  ท่าเรือ\u{200B} "), "สถานี ท่าเรือ")
    }

    func testSlashedDatesMatchTheWordPath() {
        var texts = ["15/01/2566", "1/2/23", "29/02/2567", "29/02/2566", "31/04/2566", "0/0/0", "00/00/0000", "1//2", "/1/2", "1/2/",
                     "01/02/2566/", "1/2/3/4", "123456789/1/2", "1234567890/1/2", "2566/01/15", "15/01/2566 ", " 15/01/2566", "๑๕/๐๑/๒๕๖๖",
                     "15-01-2566", "1/13/2023", "13/1/2023", "5/6/7", "05/06/0007", "1/1/99", "1/1/100", "1/1/2200", "1/1/2201"]
        for day in [0, 1, 9, 28, 29, 30, 31, 32] {
            for month in [0, 1, 2, 12, 13] {
                for year in ["66", "2566", "2023", "1799", "800", "5"] { texts.append("\(day)/\(month)/\(year)") }
            }
        }
        for order in DateText.Order.allCases {
            for era in DateText.Era.allCases {
                for twoDigitYears in DateText.TwoDigitYears.allCases {
                    var parser = DateText()
                    parser.order = order
                    parser.era = era
                    parser.twoDigitYears = twoDigitYears
                    for text in texts {
                        XCTAssertEqual(parser.parse(text), parser.parseWritten(text), "\(text) \(order) \(era) \(twoDigitYears)")
                    }
                }
            }
        }
        XCTAssertNotNil(DateText.slashedNumbers("15/01/2566"))
    }

    func testPlainAndThaiDigitNumbersMatchTheCharacterPath() {
        let texts = ["12.5", "-12.5", "๑๒.๕", "-๑๒", "๑,๒๓๔.๕", "12.5 µg/m³", "๓๗.๕ µg/m³", "1,234", "12.", ".5", "-", "", "๖\u{0C56}",
                     "6\u{0301}", "12.5\u{0E48}", "๑๒\u{00A0}", " ๑๒", "๑๒%", "00012", "-0", "1e5", "+5", "๑๒.๕.๖", String(repeating: "๙", count: 10_000)]
        let parsers = [
            AgencyNumber(thousandsSeparator: ",", decimalSeparator: ".", units: ["µg/m³", "มคก./ลบ.ม."], percent: true),
            AgencyNumber(thousandsSeparator: nil, decimalSeparator: ".", units: [], percent: false),
            AgencyNumber(thousandsSeparator: ".", decimalSeparator: ",", units: [], percent: false),
        ]
        for parser in parsers {
            for text in texts { XCTAssertEqual(parser.parse(text), parser.parseWritten(text), text) }
        }
    }

    /// `points-from-columns` reads a plain decimal's value at once (`PlainDecimal`): its coordinate parser
    /// gives such a text back as it is, so `Double(_:)` of the parsed text is the same value, and texts that
    /// are no plain decimal are left to the parser.
    func testPlainDecimalsAreWhatTheCoordinatesParserGivesBack() {
        let parser = AgencyNumber(thousandsSeparator: nil, decimalSeparator: ".", units: [], percent: false)
        var random = SeededRandom(seed: 17)
        var texts = ["0", "-0", "100.398929", "13.807014", "-12.5", "007.25", "999999999999999", "+7", "5.", ".5", "1e5", "๑๒.๕", " 1"]
        for _ in 0..<20_000 {
            let whole = Int.random(in: 1...15, using: &random)
            var text = Bool.random(using: &random) ? "-" : ""
            text += String((0..<whole).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
            if whole < 15, Bool.random(using: &random) {
                text += "." + String((0..<Int.random(in: 1...(15 - whole), using: &random)).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
            }
            texts.append(text)
        }
        for text in texts {
            guard let value = PlainDecimal.value(text) else { continue }
            XCTAssertEqual(parser.parse(text), text, text)
            XCTAssertEqual(value.bitPattern, Double(text)?.bitPattern, text)
        }
    }

    /// Readings with units, as meters write them ("37.5 µg/m³"), are read from their bytes when no
    /// unit could be read otherwise by the character path: the answers are the same, on tricky
    /// cases and on random mixtures of numbers, spaces and units, for units that allow the byte
    /// path and for units that do not (a digit, a space, a leading minus, a combining mark).
    func testNumbersWithUnitsMatchTheCharacterPath() {
        let unitSets = [
            ["µg/m³", "มคก./ลบ.ม.", "°C"], ["mg", "g", "kg"], ["ม.", "ลบ.ม."], ["°c"], ["m3"], ["per cent"], ["-x"], ["\u{0301}x"],
            ["Σ", "ς"], ["İ"], ["ﬁ"], ["e\u{0301}"], ["é"], ["%"], [""],
        ]
        let texts = ["37.5 µg/m³", "37.5µg/m³", "37.5  µg/m³", "-0.5 µg/m³", "12 °C", "12 °c", "12 °C ", " 12 °C", "12 °C\u{0301}",
                     "12 \u{0301}°C", "12\u{00A0}°C", "๓๗.๕ µg/m³", "1,234.5 µg/m³", "12.5 µG/M³", "µg/m³ 12.5", "12.5 µg/m³µg/m³",
                     "5 kg", "5 KG", "5kg", "5 mg", "5 g", "5 ม.", "5 ลบ.ม.", "5ลบ.ม.", "5 m3", "5m3", "5 per cent", "5 -x", "5x", "5 \u{0301}x",
                     "5 Σ", "5 σ", "5 ς", "5 İ", "5 i̇", "5 ﬁ", "5 FI", "5 é", "5 e\u{0301}", "5 É", "5%", "5 %", "12.", ".5 g", "- g", "g", ""]
        var generator = SeededGenerator(state: 20_261_208)
        let pieces = ["1", "37.5", "-", ".", "0", " ", "  ", "µg/m³", "°C", "°c", "kg", "KG", "g", "ม.", "ลบ.ม.", "\u{0301}", "๕", ",", "%"]
        var mixtures = texts
        for _ in 0..<5_000 {
            mixtures.append((0..<Int.random(in: 1...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for units in unitSets {
            for percent in [false, true] {
                let parser = AgencyNumber(thousandsSeparator: ",", decimalSeparator: ".", units: units, percent: percent)
                for text in mixtures { XCTAssertEqual(parser.parse(text), parser.parseWritten(text), "\(text) \(units) \(percent)") }
            }
        }
        let meter = AgencyNumber(thousandsSeparator: ",", decimalSeparator: ".", units: ["µg/m³", "°C"], percent: false)
        XCTAssertEqual(meter.parse("37.5 µg/m³"), "37.5")
        XCTAssertEqual(meter.parse("-2 °c"), "-2")
    }

    func testValuesAreComparedByTheirBytes() {
        XCTAssertTrue(Record.sameBytes("สถานี", "สถานี"))
        XCTAssertTrue(Record.sameBytes("", ""))
        XCTAssertFalse(Record.sameBytes("e\u{0301}", "é"), "canonically equivalent is not the same bytes")
        XCTAssertFalse(Record.sameBytes("ab", "ac"))
        XCTAssertFalse(Record.sameBytes("a", "a "))
    }

    private func assertSameClean(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let fast = TextCleaner.clean(text), general = TextCleaner.cleanScalars(text)
        XCTAssertEqual(Array(fast.utf8), Array(general.utf8), "\(text.unicodeScalars.map { String($0.value, radix: 16) })", file: file, line: line)
    }
}

/// A fixed sequence of random numbers (SplitMix64), so a failing mixture comes back on every run.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
