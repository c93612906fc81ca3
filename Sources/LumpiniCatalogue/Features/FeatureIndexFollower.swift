import Foundation
import Synchronization

/// Writes a version's feature index while `publish` writes its GeoJSON: the writer's blocks go through
/// a short queue to a thread of the follower's own, which cuts them into lines and indexes them exactly
/// as `FeatureIndex.write` does from the finished file. When the catalogue records the version its index
/// is there already, so indexing costs the release neither a second read of the file nor, mostly, time
/// after the writing: the index's last part (merging its sorted keys, the tree) runs while the release
/// finishes and reads back its other files, and the release waits for it (`complete`) only then. Whatever
/// goes wrong here (a full disk, a cancelled release) leaves no index behind, and the catalogue update
/// writes it from the file as it would without a follower.
final class FeatureIndexFollower: FileFollower, @unchecked Sendable {
    private let catalogue: URL
    private let id: String
    /// Where the index waits for the file's SHA-256, which names it.
    private let pending: URL
    private let blocks = BoundedQueue<Data>(capacity: 4)
    /// Signalled once the thread is done, and again by each wait for it: a latch.
    private let indexed = DispatchSemaphore(value: 0)
    /// Whether the thread wrote the whole index; read once `indexed` is signalled.
    private var succeeded = false
    /// The file's SHA-256 once `finish` gave it, and whether `complete` or `cancel` decided the index's fate.
    private let outcome = Mutex<(sha256: String?, decided: Bool)>((nil, false))

    init(catalogue: URL, id: String, fields: [FeatureFields.Field]) {
        self.catalogue = catalogue
        self.id = id
        pending = FeatureIndex.file(catalogue: catalogue, id: id, sha256: "pending-\(UUID().uuidString)")
        let thread = Thread { [self] in
            var lines = LineReader(blocks: { [blocks] in try blocks.take() ?? Data() })
            do {
                try FeatureIndex.write(lines: &lines, fields: fields, to: pending)
                succeeded = true
            } catch {
                blocks.cancel()
            }
            indexed.signal()
        }
        thread.name = "lumpini.feature-index"
        thread.start()
    }

    func follow(_ bytes: UnsafeRawBufferPointer) {
        blocks.put(Data(bytes))
    }

    /// Lets the thread write the index's last parts (sorting its keys, the tree) while the release goes on.
    func finish(sha256: String) {
        outcome.withLock { $0.sha256 = sha256 }
        blocks.close()
    }

    func complete() {
        switch decide(keeping: true) {
        case .keep(let sha256)?:
            waitForThread()
            guard succeeded else { return }
            // An index of the same bytes already there (the same version published again) is replaced by its equal.
            if rename(pending.path, FeatureIndex.file(catalogue: catalogue, id: id, sha256: sha256).path) != 0 {
                try? FileManager.default.removeItem(at: pending)
            }
        case .discard?:
            discard()
        case nil:
            return
        }
    }

    func cancel() {
        if decide(keeping: false) != nil { discard() }
    }

    private enum Fate {
        case keep(sha256: String)
        case discard
    }

    /// The index's fate, decided once (nil when it was already): kept under the file's SHA-256 when
    /// completing a finished file, else thrown away.
    private func decide(keeping: Bool) -> Fate? {
        outcome.withLock { state in
            guard !state.decided else { return nil }
            state.decided = true
            guard keeping, let sha256 = state.sha256 else { return .discard }
            return .keep(sha256: sha256)
        }
    }

    private func discard() {
        blocks.cancel()
        waitForThread()
        try? FileManager.default.removeItem(at: pending)
    }

    private func waitForThread() {
        indexed.wait()
        indexed.signal()
    }
}

/// The follower of each GeoJSON a release publishes into the public tree whose catalogue index is `catalogue`.
public struct FeatureIndexFollowing: GeoJSONFollowing {
    public let catalogue: URL

    public init(catalogue: URL) {
        self.catalogue = catalogue
    }

    public func follower(id: String, fields: [(name: String, type: String)]) -> (any FileFollower)? {
        FeatureIndexFollower(catalogue: catalogue, id: id, fields: FeatureFields(fields: fields).filterable)
    }
}
