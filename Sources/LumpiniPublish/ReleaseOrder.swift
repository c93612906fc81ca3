/// The order a release builds its datasets in: a derived dataset after those of the same release it
/// derives from, in waves (each wave's datasets derive only from earlier waves', and are built in
/// parallel). Datasets on a cycle of inputs are not built: each gets the cycle named.
struct ReleaseOrder {
    /// The datasets to build, wave after wave.
    private(set) var waves: [[String]] = []
    /// Each dataset on a cycle → the cycle, for example `a → b → a`.
    private(set) var cycles: [String: String] = [:]
    /// Each derived dataset → its inputs that are part of this release.
    private(set) var inputs: [String: [String]] = [:]

    /// - Parameter inputsOf: the ids a dataset derives from; nil for a dataset that is not derived (or
    ///   whose `dataset.yaml` cannot be read: its own build reports why).
    init(ids: [String], inputsOf: (String) -> [String]?) {
        let selected = Set(ids)
        for id in ids {
            if let derived = inputsOf(id) { inputs[id] = derived.filter(selected.contains) }
        }
        var levels: [String: Int] = [:]
        var visiting: [String] = []
        func level(of id: String) -> Int {
            if let known = levels[id] { return known }
            if let start = visiting.firstIndex(of: id) {
                let cycle = visiting[start...] + [id]
                for member in visiting[start...] { cycles[member] = cycle.joined(separator: " → ") }
                return 0
            }
            visiting.append(id)
            let result = (inputs[id] ?? []).map { level(of: $0) + 1 }.max() ?? 0
            visiting.removeLast()
            levels[id] = result
            return result
        }
        for id in ids { _ = level(of: id) }
        let deepest = levels.values.max() ?? 0
        waves = (0...deepest).map { wave in ids.filter { levels[$0] == wave && cycles[$0] == nil } }.filter { !$0.isEmpty }
    }
}
