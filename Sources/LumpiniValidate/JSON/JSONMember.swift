/// One member of a JSON object, with the line its key is on.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var value: JSONValue
    public var line: Int
}
