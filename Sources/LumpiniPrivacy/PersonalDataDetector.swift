/// Runs every detector on one cell: the first item of each kind it holds, where it is and how it is
/// masked. The privacy scan counts what it reports (`PrivacyScanner`); the masking of public reports
/// replaces what it reports (`PersonalDataMasker`), so both see personal data alike.
struct PersonalDataDetector {
    /// An item of personal data in a cell.
    struct Hit {
        let kind: PersonalDataKind
        /// Its bytes in the cell.
        let range: Range<Int>
        /// Why a person name was found: `honorific` or `column-name`.
        let rule: String?
    }

    /// Reused from cell to cell.
    private var digitGroups = DigitGroups()

    /// Calls `body` with each hit and a function that builds its masked form (only built when asked:
    /// a report keeps three examples of millions of hits). `inPeopleColumn`: the cell's column says it holds people.
    mutating func detect(_ value: String, inPeopleColumn: Bool, _ body: (Hit, _ masked: () -> String) -> Void) {
        var groups = digitGroups
        digitGroups = DigitGroups()
        defer { digitGroups = groups }
        value.withUTF8Bytes { bytes in
            groups.load(bytes)
            if !groups.groups.isEmpty {
                let id = ThaiNationalID.find(in: groups)
                if let id {
                    body(Hit(kind: .nationalID, range: groups.byteRange(id.first, id.last), rule: nil)) {
                        ThaiNationalID.masked(groups.digits(id.first, id.last))
                    }
                }
                if let phone = ThaiPhoneNumber.find(in: groups, outside: id.map { $0.first...$0.last }) {
                    body(Hit(kind: .phone, range: groups.byteRange(phone.first, phone.last), rule: nil)) { ThaiPhoneNumber.masked(phone.digits) }
                }
            }
            let email = EmailAddress.find(in: bytes)
            if let email {
                body(Hit(kind: .email, range: email.range, rule: nil)) { EmailAddress.masked(bytes, email) }
            }
            if let name = PersonName.find(in: bytes) {
                body(Hit(kind: .personName, range: name.range, rule: "honorific")) { PersonName.masked(bytes, name) }
            } else if inPeopleColumn, PersonColumn.holdsName(value, bytes, outside: email?.range) {
                body(Hit(kind: .personName, range: 0..<bytes.count, rule: "column-name")) { PersonColumn.masked(value) }
            }
        }
    }
}
