/// Personal names written after an honorific, in Thai or English.
///
/// The rule (documented in `docs/privacy.md`):
/// - Thai: `นาย`, `นาง`, `นางสาว`, `เด็กชาย`, `เด็กหญิง`, `คุณ` followed by a given name and a family name
///   (two Thai words separated by spaces: these prefixes also begin ordinary words, so one word is not enough,
///   and words such as นายก, นายอำเภอ, นางพยาบาล, นางเลิ้ง, คุณภาพ are excluded); `น.ส.`, `นส.`, `ด.ช.`, `ด.ญ.`,
///   `ดร.`, `นพ.`, `พญ.` and the abbreviated military and police ranks (`พล.อ.`, `พ.ต.อ.`, `ร.ต.ท.`, `จ.ส.ต.`, …)
///   followed by at least one Thai word. The honorific must start a word (not follow a Thai letter).
/// - English: `Mr`, `Mrs`, `Ms`, `Miss`, `Dr`, or the same in capitals, at the start of a word, then a space
///   (optional after a dot) and a capitalised word ("Mr. Somchai", "Ms.Jane"); a word in capitals must be
///   followed by a second one ("MR SOMCHAI JAIDEE", but not "MR ROAD").
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

    /// Ranks written before the names of soldiers and police officers: army, navy, air force, police.
    static let ranks = [
        "พล.อ.", "พล.ท.", "พล.ต.", "พ.อ.", "พ.ท.", "พ.ต.", "ร.อ.", "ร.ท.", "ร.ต.", "จ.ส.อ.", "จ.ส.ท.", "จ.ส.ต.", "ส.อ.", "ส.ท.", "ส.ต.",
        "พล.ร.อ.", "พล.ร.ท.", "พล.ร.ต.", "น.อ.", "น.ท.", "น.ต.", "พ.จ.อ.", "พ.จ.ท.", "พ.จ.ต.", "จ.อ.", "จ.ท.", "จ.ต.",
        "พล.อ.อ.", "พล.อ.ท.", "พล.อ.ต.", "พ.อ.อ.", "พ.อ.ท.", "พ.อ.ต.",
        "พล.ต.อ.", "พล.ต.ท.", "พล.ต.ต.", "พ.ต.อ.", "พ.ต.ท.", "พ.ต.ต.", "ร.ต.อ.", "ร.ต.ท.", "ร.ต.ต.", "ด.ต.", "ส.ต.อ.", "ส.ต.ท.", "ส.ต.ต.",
    ]

    /// Longest first, so นางสาว wins over นาง and พ.ต.อ. over พ.ต.
    static let thaiHonorifics: [Honorific] = ([
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
        Honorific("คุณ", needsFamilyName: true, notNames: [
            "ภาพ", "ค่า", "สมบัติ", "ธรรม", "ประโยชน์", "วุฒิ", "ลักษณะ", "งาม", "ูปการ", "แม่", "พ่อ",
        ]),
        Honorific("น.ส.", needsFamilyName: false),
        Honorific("นส.", needsFamilyName: false),
        Honorific("ด.ช.", needsFamilyName: false),
        Honorific("ด.ญ.", needsFamilyName: false),
        Honorific("ดร.", needsFamilyName: false),
        Honorific("นพ.", needsFamilyName: false),
        Honorific("พญ.", needsFamilyName: false),
    ] + ranks.map { Honorific($0, needsFamilyName: $0 == areaAbbreviation) }).sorted { $0.bytes.count > $1.bytes.count }

    /// พ.ท. is a lieutenant colonel, and also พื้นที่ ("พ.ท.สีเขียว", green area): a name after it needs a family name.
    static let areaAbbreviation = "พ.ท."

    static let englishHonorifics: [[UInt8]] = ["Mrs", "Miss", "Mr", "Ms", "Dr"].flatMap { [$0, $0.uppercased()] }.map { Array($0.utf8) }

    /// A name found: the honorific as written, the byte range of the given name, and of the whole
    /// name from the honorific to the family name when one follows.
    struct Match {
        let honorific: String
        let givenName: Range<Int>
        let range: Range<Int>
    }

    static func find(in bytes: UTF8Text.Bytes) -> Match? {
        let thaiByFirstLetter = thaiHonorificsByFirstLetter
        let startsHonorific = thaiLetterStartsHonorific
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0xE0, let scalar = UTF8Text.thaiScalar(bytes, at: index) {
                let offset = Int(scalar) - 0x0E00
                if startsHonorific[offset], !UTF8Text.thaiLetterEnds(before: index, in: bytes),
                   let match = thai(bytes, at: index, thaiByFirstLetter[offset]) {
                    return match
                }
                // The character's other two bytes start nothing.
                index += 3
                continue
            }
            if byte == UInt8(ascii: "M") || byte == UInt8(ascii: "D"), index == 0 || !UTF8Text.isASCIILetter(bytes[index - 1]),
               let match = english(bytes, at: index) {
                return match
            }
            index += 1
        }
        return nil
    }

    /// The Thai honorifics by their first letter (offset in the Thai block), longest first as in
    /// `thaiHonorifics`: at the start of a Thai word only those of its first letter are compared.
    static let thaiHonorificsByFirstLetter: [[Honorific]] = (0..<128).map { offset in
        thaiHonorifics.filter { Int($0.text.unicodeScalars.first!.value) - 0x0E00 == offset }
    }

    /// Whether any honorific starts with the Thai letter at each offset: most letters start none,
    /// and a flag is read without copying the list of candidates.
    static let thaiLetterStartsHonorific: [Bool] = thaiHonorificsByFirstLetter.map { !$0.isEmpty }

    private static func thai(_ bytes: UTF8Text.Bytes, at index: Int, _ candidates: [Honorific]) -> Match? {
        for honorific in candidates where UTF8Text.hasPrefix(bytes, at: index, honorific.bytes) {
            let cursor = skippingSpaces(bytes, from: index + honorific.bytes.count)
            let given = UTF8Text.thaiWord(bytes, from: cursor)
            guard given.letters >= 2 else { return nil }
            if honorific.notNames.contains(where: { UTF8Text.hasPrefix(bytes, at: cursor, $0) }) { return nil }
            let familyStart = skippingSpaces(bytes, from: given.end)
            let family = UTF8Text.thaiWord(bytes, from: familyStart)
            let hasFamilyName = familyStart > given.end && family.letters >= 2
            if honorific.needsFamilyName && !hasFamilyName { return nil }
            return Match(honorific: honorific.text, givenName: cursor..<given.end, range: index..<(hasFamilyName ? family.end : given.end))
        }
        return nil
    }

    private static func english(_ bytes: UTF8Text.Bytes, at index: Int) -> Match? {
        for honorific in englishHonorifics where UTF8Text.hasPrefix(bytes, at: index, honorific) {
            let honorificEnd = index + honorific.count
            let dotted = honorificEnd < bytes.count && bytes[honorificEnd] == UInt8(ascii: ".")
            let cursor = skippingSpaces(bytes, from: dotted ? honorificEnd + 1 : honorificEnd)
            guard cursor > honorificEnd, let given = englishWord(bytes, from: cursor) else { return nil }
            let familyStart = skippingSpaces(bytes, from: given.end)
            let family = familyStart > given.end ? englishWord(bytes, from: familyStart) : nil
            // "MR ROAD", "MS Excel": capitals name people only as a whole name in capitals.
            let inCapitals = honorific.allSatisfy { (0x41...0x5A).contains($0) }
            if (inCapitals || given.isCapitals) && !(given.isCapitals && family?.isCapitals == true) { return nil }
            return Match(honorific: UTF8Text.string(bytes, index..<honorificEnd), givenName: cursor..<given.end, range: index..<(family?.end ?? given.end))
        }
        return nil
    }

    /// A word of two ASCII letters or more starting with a capital, and whether it is all capitals.
    private static func englishWord(_ bytes: UTF8Text.Bytes, from start: Int) -> (end: Int, isCapitals: Bool)? {
        guard start < bytes.count, (0x41...0x5A).contains(bytes[start]) else { return nil }
        var end = start + 1
        while end < bytes.count, UTF8Text.isASCIILetter(bytes[end]) { end += 1 }
        guard end > start + 1 else { return nil }
        return (end, bytes[start..<end].allSatisfy { (0x41...0x5A).contains($0) })
    }

    private static func skippingSpaces(_ bytes: UTF8Text.Bytes, from start: Int) -> Int {
        var index = start
        while index < bytes.count, UTF8Text.isSpace(bytes[index]) { index += 1 }
        return index
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
