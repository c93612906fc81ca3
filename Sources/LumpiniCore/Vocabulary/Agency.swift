/// A BMA agency that publishes data: a department or a district office.
public struct Agency: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case department
        case districtOffice = "district-office"
    }

    /// The code used as `publisher` in `dataset.yaml`, for example `ENV` or `DO-1001`.
    public var code: String
    public var nameTH: String
    public var nameEN: String
    public var kind: Kind
    /// The district of a district office.
    public var districtCode: String?

    public init(code: String, nameTH: String, nameEN: String, kind: Kind, districtCode: String? = nil) {
        self.code = code
        self.nameTH = nameTH
        self.nameEN = nameEN
        self.kind = kind
        self.districtCode = districtCode
    }
}
