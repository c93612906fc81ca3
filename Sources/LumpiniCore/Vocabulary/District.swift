/// A district (khet) of Bangkok with its official code and names.
public struct District: Sendable, Equatable, Hashable, Codable {
    /// The official four-digit code, 1001–1050.
    public var code: String
    /// The official Thai name without the เขต prefix, for example พระนคร.
    public var nameTH: String
    /// The English name, for example Phra Nakhon.
    public var nameEN: String
    /// Other spellings seen in agency files.
    public var aliases: [String]

    public init(code: String, nameTH: String, nameEN: String, aliases: [String] = []) {
        self.code = code
        self.nameTH = nameTH
        self.nameEN = nameEN
        self.aliases = aliases
    }
}
