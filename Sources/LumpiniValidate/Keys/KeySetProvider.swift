/// Supplies the key sets that foreign keys to other datasets or to vocabularies refer to.
/// The vocabulary stage and the workspace plug in here; resources of the same package are read
/// by the validator itself.
public protocol KeySetProvider {
    /// The keys made of `fields` in `target`.
    /// - Throws: `LumpiniError` when the target does not exist or lacks the fields.
    func keySet(for target: ForeignKey.Target, fields: [String]) throws -> ReferenceKeySet
}
