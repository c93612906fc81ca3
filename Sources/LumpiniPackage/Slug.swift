/// Identifiers that name folders and URLs: lowercase ASCII letters and digits in words joined by
/// single hyphens, 1 to 64 characters (`pm25-readings-sample`).
public enum Slug {
    public static let maximumLength = 64

    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= maximumLength, bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-") else {
            return false
        }
        var previousWasHyphen = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-"):
                if previousWasHyphen { return false }
                previousWasHyphen = true
            default:
                return false
            }
        }
        return true
    }

    /// Throws `invalid-id` when `text` is not a slug.
    public static func require(_ text: String, what: String) throws {
        guard isValid(text) else {
            throw LumpiniError(
                "invalid-id", "\"\(text)\" is not a valid \(what)", kind: .input,
                hint: "use lowercase letters a–z, digits and single hyphens, at most \(maximumLength) characters, for example pm25-readings"
            )
        }
    }
}
