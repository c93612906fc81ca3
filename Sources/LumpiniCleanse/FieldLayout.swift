/// The names of the fields of the records at one point of a recipe, by position.
public struct FieldLayout: Sendable, Equatable {
    public private(set) var names: [String]

    public init(names: [String]) {
        self.names = names
    }

    public var count: Int { names.count }

    public func index(of name: String) -> Int? {
        names.firstIndex(of: name)
    }

    mutating func rename(at index: Int, to name: String) {
        names[index] = name
    }

    /// Appends a field and returns its position; an existing field of that name is reused.
    mutating func addOrFind(_ name: String) -> Int {
        if let index = names.firstIndex(of: name) { return index }
        names.append(name)
        return names.count - 1
    }

    /// Keeps the fields at `positions`, in that order.
    mutating func keep(_ positions: [Int]) {
        names = positions.map { names[$0] }
    }
}
