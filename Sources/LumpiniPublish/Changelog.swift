/// `changelog.json`: what changed since the previous version, by primary key (by whole row when
/// the schema declares no key): rows added, removed and changed, with a few examples.
public struct Changelog: Codable, Sendable, Equatable {
    public static let fileName = "changelog.json"
    public static let exampleLimit = 5

    public struct Counts: Codable, Sendable, Equatable {
        public var added = 0
        public var removed = 0
        public var changed = 0
        public var unchanged = 0
    }

    public struct Example: Codable, Sendable, Equatable {
        /// The primary key's values joined with `/` (the whole row's when there is no key).
        public var key: String
        /// Changed fields only (for `changed`).
        public var fields: [String]?
        /// The row's values (added, removed) or the new values of the changed fields.
        public var values: [String: String?]?
        /// The old values of the changed fields.
        public var before: [String: String?]?
    }

    public struct Examples: Codable, Sendable, Equatable {
        public var added: [Example] = []
        public var removed: [Example] = []
        public var changed: [Example] = []
    }

    public var id: String
    public var version: Int
    /// The version compared with; null for a first release.
    public var previousVersion: Int?
    /// The fields rows are matched by; empty when whole rows are compared.
    public var key: [String]
    public var counts: Counts
    public var examples: Examples
    /// Why the comparison is partial, when it is.
    public var note: String?

    private enum CodingKeys: String, CodingKey {
        case id, version, previousVersion, key, counts, examples, note
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(version, forKey: .version)
        try container.encode(previousVersion, forKey: .previousVersion)
        try container.encode(key, forKey: .key)
        try container.encode(counts, forKey: .counts)
        try container.encode(examples, forKey: .examples)
        try container.encodeIfPresent(note, forKey: .note)
    }
}
