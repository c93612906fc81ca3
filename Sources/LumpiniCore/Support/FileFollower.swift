/// Something that reads a file while it is written, its bytes in order a block at a time, so that work
/// needing the whole file (the catalogue's feature index of a GeoJSON) runs beside the writing instead of
/// reading the file again once it is complete.
///
/// A follower never fails the file's writing: what it cannot do is left to be done from the finished
/// file later. The writer calls `follow` from one queue, one block at a time, then `finish` or `cancel`.
/// Whoever publishes the file then calls `complete` (the file is public) or `cancel` (it is not): the
/// follower's last work, after `finish`, overlaps whatever the publisher does in between. `complete`
/// and `cancel` may be called more than once; the first decides.
public protocol FileFollower: AnyObject, Sendable {
    /// The file's next bytes; the buffer is only valid during the call.
    func follow(_ bytes: UnsafeRawBufferPointer)
    /// The file is complete and holds bytes with this SHA-256 (lowercase hex). Returns at once.
    func finish(sha256: String)
    /// Waits for the work `finish` left running and keeps what it made.
    func complete()
    /// The file will not be published: whatever was made from it is thrown away.
    func cancel()
}

/// Gives the follower of a version's GeoJSON, if there is one for it.
public protocol GeoJSONFollowing: Sendable {
    /// - Parameters:
    ///   - id: the dataset's id.
    ///   - fields: the features' properties, their names and Table Schema types, in the published order.
    func follower(id: String, fields: [(name: String, type: String)]) -> (any FileFollower)?
}
