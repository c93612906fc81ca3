/// A foreign key: the values of `fields` must be found among the values of the referenced
/// fields, in another resource of the same package (or this one), another dataset, or a
/// vocabulary such as the district codes.
public struct ForeignKey: Sendable, Equatable {
    /// Where the referenced key set lives.
    public enum Target: Sendable, Equatable {
        /// A resource of the same package by name; `""` is the table itself.
        case resource(String)
        /// Another dataset of the workspace, by id (`"lumpini:dataset"` in the schema).
        case dataset(String)
        /// A controlled vocabulary, by name (`"lumpini:vocabulary"` in the schema).
        case vocabulary(String)

        /// The name the reference tool prints in notes.
        var name: String {
            switch self {
            case .resource(let name), .dataset(let name), .vocabulary(let name): return name
            }
        }
    }

    public var fields: [String]
    public var target: Target
    public var referencedFields: [String]

    public init(fields: [String], target: Target, referencedFields: [String]) {
        self.fields = fields
        self.target = target
        self.referencedFields = referencedFields
    }
}
