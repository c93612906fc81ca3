/// Personal names written after an honorific, in Thai or English.
///
/// The rule (documented in `docs/privacy.md`):
/// - Thai: `นาย`, `นาง`, `นางสาว`, `เด็กชาย`, `เด็กหญิง` followed by a given name and a family name
///   (two Thai words separated by spaces: these prefixes also begin ordinary words, so one word is not enough,
///   and words such as นายก, นายอำเภอ, นางพยาบาล, นางเลิ้ง are excluded); `น.ส.`, `ด.ช.`, `ด.ญ.`, `ดร.`
///   followed by at least one Thai word. The honorific must start a word (not follow a Thai letter).
/// - English: `Mr`, `Mrs`, `Ms`, `Miss`, `Dr` (with or without a dot) at the start of a word, then a
///   space and a capitalised word ("Mr. Somchai").
enum PersonName {
    struct Honorific {
        let text: String
        let bytes: [UInt8]
        /// A family name must follow the given name for the match to count.
        let needsFamilyName: Bool
        /// Words the honorific begins that are not names (titles, professions, places).
        let notNames: [[UInt8]]

        init(_ text: String, needsFamilyName: Bool, notNames: [String] = []) {
            self.text = text
            self.bytes = Array(text.utf8)
            self.needsFamilyName = needsFamilyName
            self.notNames = notNames.map { Array($0.utf8) }
        }
    }

    /// Longest first, so นางสาว wins over นาง.
    static let thaiHonorifics: [Honorific] = [
        Honorific("เด็กหญิง", needsFamilyName: true),
        Honorific("เด็กชาย", needsFamilyName: true),
        Honorific("นางสาว", needsFamilyName: true),
        Honorific("นาย", needsFamilyName: true, notNames: [
            "กรัฐมนตรี", "กเทศมนตรี", "กสมาคม", "กสภา", "กองค์การ", "กอบต", "กอบจ", "กชมรม", "กสโมสร", "อำเภอ", "ทะเบียน", "หน้า", "จ้าง", "ทุน", "ด่าน", "ตรวจ", "ประกัน", "ช่าง", "ท้าย", "ร้อย", "สิบ",
            "พล", "พัน", "ห้าง", "งาน", "ท่า", "บ้าน", "ประตู", "เรือ", "หมวด", "กอง",
        ]),
        Honorific("นาง", needsFamilyName: true, notNames: [
            "พยาบาล", "งาม", "ฟ้า", "เลิ้ง", "รอง", "แบบ", "กวัก", "ไม้", "รำ", "สนม", "ใน", "เอก", "ร้าย", "ละคร",
        ]),
        Honorific("น.ส.", needsFamilyName: false),
        Honorific("ด.ช.", needsFamilyName: false),
        Honorific("ด.ญ.", needsFamilyName: false),
        Honorific("ดร.", needsFamilyName: false),
    ]

    static let englishHonorifics: [[UInt8]] = ["Mrs", "Miss", "Mr", "Ms", "Dr"].map { Array($0.utf8) }

    /// A name found: the honorific as written and the byte range of the given name.
    struct Match {
        let honorific: String
        let givenName: Range<Int>
    }

    static func find(in bytes: UTF8Text.Bytes) -> Match? {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0xE0, !UTF8Text.thaiLetterEnds(before: index, in: bytes), let match = thai(bytes, at: index) {
                return match
            }
            if byte == UInt8(ascii: "M") || byte == UInt8(ascii: "D"), index == 0 || !UTF8Text.isASCIILetter(bytes[index - 1]),
               let match = english(bytes, at: index) {
                return match
            }
            index += 1
        }
        return nil
    }

    private static func thai(_ bytes: UTF8Text.Bytes, at index: Int) -> Match? {
        for honorific in thaiHonorifics where UTF8Text.hasPrefix(bytes, at: index, honorific.bytes) {
            var cursor = index + honorific.bytes.count
            while cursor < bytes.count, UTF8Text.isSpace(bytes[cursor]) { cursor += 1 }
            let given = UTF8Text.thaiWord(bytes, from: cursor)
            guard given.letters >= 2 else { return nil }
            if honorific.notNames.contains(where: { UTF8Text.hasPrefix(bytes, at: cursor, $0) }) { return nil }
            if honorific.needsFamilyName {
                var familyStart = given.end
                while familyStart < bytes.count, UTF8Text.isSpace(bytes[familyStart]) { familyStart += 1 }
                guard familyStart > given.end, UTF8Text.thaiWord(bytes, from: familyStart).letters >= 2 else { return nil }
            }
            return Match(honorific: honorific.text, givenName: cursor..<given.end)
        }
        return nil
    }

    private static func english(_ bytes: UTF8Text.Bytes, at index: Int) -> Match? {
        for honorific in englishHonorifics where UTF8Text.hasPrefix(bytes, at: index, honorific) {
            var cursor = index + honorific.count
            let honorificEnd = cursor
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ".") { cursor += 1 }
            let spaceStart = cursor
            while cursor < bytes.count, UTF8Text.isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor > spaceStart, cursor < bytes.count, (0x41...0x5A).contains(bytes[cursor]) else { return nil }
            var end = cursor + 1
            while end < bytes.count, (0x61...0x7A).contains(bytes[end]) { end += 1 }
            guard end > cursor + 1, end == bytes.count || !UTF8Text.isASCIILetter(bytes[end]) else { return nil }
            return Match(honorific: UTF8Text.string(bytes, index..<honorificEnd), givenName: cursor..<end)
        }
        return nil
    }

    /// "นาย ส***", "Mr S***": the honorific and the first character (grapheme: "ทำ", "สุ") of the given name stay.
    static func masked(_ bytes: UTF8Text.Bytes, _ match: Match) -> String {
        "\(match.honorific) \(initial(of: UTF8Text.string(bytes, match.givenName)))***"
    }

    /// The first character as a reader sees it (a Thai consonant with its vowel and tone marks).
    static func initial(of name: String) -> String {
        name.first.map { String($0) } ?? ""
    }
}
