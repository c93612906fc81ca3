extension JSONNode {
    /// The member of an object with this name.
    func member(_ name: String) -> JSONNode? {
        guard case .object(let members) = self else { return nil }
        return members[name]
    }

    /// The object with one more member (or this one replaced).
    func adding(_ name: String, _ value: JSONNode) -> JSONNode {
        guard case .object(var members) = self else { return self }
        members[name] = value
        return .object(members)
    }
}
