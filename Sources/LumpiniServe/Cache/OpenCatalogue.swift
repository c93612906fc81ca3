import Foundation
import Synchronization

/// The catalogue index kept open between requests, with the details of the datasets requests asked
/// for, so that a request pays for its query and not for opening the index and decoding manifests.
/// Kept only while they are true: each request compares the file's identity (a rebuild renames a new
/// file over it) and SQLite's data version (a release commits to it in place), so the first request
/// after a release or a rebuild reads what it changed.
final class OpenCatalogue: Sendable {
    private let file: URL
    private let publicRoot: URL
    private let state = Mutex(State())
    private let turn = Atomic<Int>(0)
    /// The most details kept (a few kilobytes each): more than a city publishes datasets.
    static let detailCapacity = 4_096
    /// Connections for queries other than details: SQLite runs one statement at a time on each.
    private static let queryConnections = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// One open index: a connection for its data version and the details, quick reads that must not
    /// wait behind a search, and a few for the other queries, taken in turn.
    private struct Opened {
        var versioned: Catalogue
        var queries: [Catalogue]
        var identity: FileIdentity?
        var generation: Int
    }

    private struct State {
        var opened: Opened?
        var generations = 0
        /// The content the last request found; the details kept were read at it.
        var observed: ContentVersion?
        var details: [String: DatasetDetail] = [:]

        /// What a request found: details read at another content are dropped.
        mutating func observe(_ version: ContentVersion) {
            guard observed != version else { return }
            details = [:]
            observed = version
        }
    }

    /// Which file and which content of it: what was read at one version is true while the index has it.
    struct ContentVersion: Equatable, Sendable {
        var generation: Int
        var dataVersion: Int
    }

    init(file: URL, publicRoot: URL) {
        self.file = file
        self.publicRoot = publicRoot
    }

    /// The catalogue index as it is now: the open one while the file is the same, else opened again.
    func catalogue() throws -> Catalogue {
        let queries = try opened().queries
        return queries[Int(UInt(bitPattern: turn.wrappingAdd(1, ordering: .relaxed).oldValue) % UInt(queries.count))]
    }

    /// The index's content as the last request for a detail found it.
    var observedVersion: ContentVersion? {
        state.withLock { $0.observed }
    }

    /// One dataset's detail as the index holds it now; nil when the index does not have it.
    func dataset(id: String, now: Date = Date()) throws -> DatasetDetail? {
        try datasets(ids: [id], now: now).first
    }

    /// The details of `ids` the index holds now, in their order (those it lacks left out): the file and
    /// the data version are checked once for all of them, as a listing needs them.
    func datasets(ids: [String], now: Date = Date()) throws -> [DatasetDetail] {
        let opened = try opened()
        let current = ContentVersion(generation: opened.generation, dataVersion: try opened.versioned.dataVersion())
        let kept = state.withLock { state in
            state.observe(current)
            return ids.map { state.details[$0] }
        }
        return try zip(ids, kept).compactMap { id, kept in
            if let kept { return kept.judged(at: now) }
            let read = try opened.versioned.datasetWithDataVersion(id: id, now: now)
            if let detail = read.detail {
                let version = ContentVersion(generation: opened.generation, dataVersion: read.dataVersion)
                state.withLock { state in
                    guard state.observed == version else { return }
                    // Bounded whatever the number of datasets: past the capacity the kept details start again.
                    if state.details.count >= Self.detailCapacity { state.details = [:] }
                    state.details[id] = detail
                }
            }
            return read.detail
        }
    }

    private func opened() throws -> Opened {
        let identity = FileIdentity(path: file.path)
        if let identity, let opened = state.withLock({ $0.opened }), opened.identity == identity { return opened }
        // Opened outside the lock: requests for other things need not wait for it. If the file is
        // replaced again meanwhile, its identity differs from the one kept and the next request opens it;
        // a file that is gone is refused here, as every command refuses it.
        let versioned = try Catalogue.open(at: file, publicRoot: publicRoot)
        let queries = try (0..<Self.queryConnections).map { _ in try Catalogue.open(at: file, publicRoot: publicRoot) }
        return state.withLock { state in
            state.generations += 1
            let opened = Opened(versioned: versioned, queries: queries, identity: identity, generation: state.generations)
            state.opened = opened
            return opened
        }
    }
}
