/// Columns whose names say they hold people: every text value in them counts as a personal name.
///
/// The rule (documented in `docs/privacy.md`): the column name is split into words (at anything
/// that is not a letter or digit, and at camelCase humps) and lowercased; it names people when a word
/// is one of `personWords` and none of `channelWords`, when the words run together contain one of `compoundNames`
/// (`first_name`, `OwnerName`), or when the name, without spaces, `-`, `_`, `/` and `.`, contains one of
/// the Thai terms in `thaiTerms` ("ชื่อ สกุล", "ชื่อ - สกุล" and "ชื่อ-สกุล" all read "ชื่อสกุล").
/// A bare `name` or `ชื่อ` does not count: it names parks and districts as often as people
/// ("สวนลุมพินี"). A value counts when it holds at least two letters and is not a missing-value marker,
/// so counts of people ("จำนวนผู้ป่วย": 12) are not names.
enum PersonColumn {
    static let personWords: Set<String> = [
        "chairman", "chairwoman", "chairperson", "chair", "president", "owner", "owners", "person", "persons",
        "fullname", "firstname", "lastname", "surname", "forename", "givenname", "familyname",
        "resident", "residents", "applicant", "patient", "headman", "leader", "citizen", "complainant",
        "contact", "staff", "officer", "officers", "reporter", "informant", "driver", "drivers", "customer", "customers",
        "victim", "victims",
    ]
    /// Words that make a column hold a way to reach someone rather than who: `contact_email`, `owner_phone`.
    static let channelWords: Set<String> = [
        "email", "mail", "phone", "tel", "telephone", "mobile", "fax", "line", "website", "url", "address",
    ]
    static let compoundNames = [
        "firstname", "lastname", "fullname", "surname", "givenname", "familyname", "ownername", "contactname",
        "personname", "nameperson", "contactperson", "staffname", "officername", "drivername", "customername",
    ]
    static let thaiTerms = [
        "ประธาน", "เจ้าของ", "ชื่อสกุล", "นามสกุล", "ชื่อนามสกุล", "ผู้ติดต่อ", "ผู้รับผิดชอบ",
        "ผู้อำนวยการ", "ผู้นำ", "ผู้ใหญ่บ้าน", "กำนัน", "ผู้ป่วย", "ผู้ขอ", "ผู้ยื่น", "ผู้ร้อง", "ผู้แจ้ง",
        "ผู้เสียชีวิต", "ผู้บาดเจ็บ", "เจ้าหน้าที่", "ผู้ประสานงาน", "ผู้รายงาน", "ผู้ให้ข้อมูล", "ผู้ขับขี่", "คนขับ",
        "ลูกค้า", "ผู้เสียหาย", "พนักงาน",
    ]

    /// Whether a column's name says it holds people.
    static func namesPeople(_ columnName: String) -> Bool {
        // Most column names are ASCII: no Thai term can be in them, and a file may have a million columns.
        if !columnName.utf8.allSatisfy({ $0 < 0x80 }) {
            let joined = String(columnName.unicodeScalars.filter { !" -_/.".unicodeScalars.contains($0) })
            if thaiTerms.contains(where: joined.contains) { return true }
        }
        let words = self.words(columnName)
        if words.contains(where: personWords.contains), !words.contains(where: channelWords.contains) { return true }
        let joined = words.joined()
        return compoundNames.contains(where: joined.contains)
    }

    /// Lowercased ASCII words: "name_person" → [name, person], "OwnerName" → [owner, name].
    static func words(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for scalar in name.unicodeScalars {
            let isUpper = (0x41...0x5A).contains(scalar.value)
            let isLowerOrDigit = (0x61...0x7A).contains(scalar.value) || (0x30...0x39).contains(scalar.value)
            if isUpper || isLowerOrDigit {
                if isUpper && previousWasLower, !current.isEmpty {
                    words.append(current)
                    current = ""
                }
                current.unicodeScalars.append(isUpper ? Unicode.Scalar(scalar.value + 0x20)! : scalar)
                previousWasLower = !isUpper
            } else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousWasLower = false
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Whether a value in a people column is a name: two letters or more outside `email` (an address
    /// in a contact column is reported as one, not as a name), not a missing-value marker.
    static func holdsName(_ value: String, _ bytes: UTF8Text.Bytes, outside email: Range<Int>? = nil) -> Bool {
        var letters = 0
        var index = 0
        while index < bytes.count, letters < 2 {
            if let email, email.contains(index) {
                index = email.upperBound
            } else if UTF8Text.isASCIILetter(bytes[index]) {
                letters += 1
                index += 1
            } else if let scalar = UTF8Text.thaiScalar(bytes, at: index) {
                if UTF8Text.isThaiLetter(scalar) { letters += 1 }
                index += 3
            } else {
                index += 1
            }
        }
        return letters >= 2 && !MissingValueMarkers.isMarker(value)
    }

    /// "ท***": the first character of the value (after spaces) stays.
    static func masked(_ value: String) -> String {
        PersonName.initial(of: String(value.drop(while: { $0 == " " }))) + "***"
    }
}
