/// The kinds of personal data the privacy gate looks for, by the names `dataset.yaml` uses
/// under `privacy.allow` (PDPA: ข้อมูลส่วนบุคคล).
public enum PersonalDataKind: String, Codable, Sendable, CaseIterable {
    /// A Thai national ID number (เลขประจำตัวประชาชน): 13 digits with a valid check digit.
    case nationalID = "national-id"
    /// A Thai mobile or Bangkok landline phone number.
    case phone
    /// An e-mail address.
    case email
    /// A person's name: after an honorific, or any text in a column whose name says it holds people.
    case personName = "person-name"

    /// Words for messages: "Thai national ID numbers".
    public var plural: String {
        switch self {
        case .nationalID: return "Thai national ID numbers"
        case .phone: return "phone numbers"
        case .email: return "e-mail addresses"
        case .personName: return "personal names"
        }
    }
}
