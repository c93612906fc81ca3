import Foundation
import Synchronization

/// The open features of the datasets requests read lately: one entry per dataset, for its latest
/// version, and past `capacity` datasets the one used longest ago is let go. Memory stays bounded by the
/// capacity, whatever the number of datasets: each entry holds a few SQLite connections and their page
/// caches. All are let go when the catalogue's content changes (a release, a rebuild, a dataset removed),
/// so no file that the public tree stopped using is held open past the requests already reading it.
final class FeatureSources: Sendable {
    static let capacity = 24
    private let entries = Mutex(Entries())

    private struct Entries {
        var content: OpenCatalogue.ContentVersion?
        var open: [String: (version: String, features: OpenFeatures)] = [:]
        /// Dataset ids, used longest ago first.
        var order: [String] = []

        mutating func use(_ id: String) {
            if let position = order.lastIndex(of: id) { order.remove(at: position) }
            order.append(id)
        }
    }

    /// The open features of dataset `id` in `version` (any text that names the files, compared as it is:
    /// it costs less than the files' paths to make), as the catalogue at `content` lists them; `open`
    /// opens them when they are not open yet.
    func features(
        of id: String, version: String, content: OpenCatalogue.ContentVersion?, open: () throws -> OpenFeatures
    ) throws -> OpenFeatures {
        let kept = entries.withLock { entries -> OpenFeatures? in
            if entries.content != content {
                entries = Entries(content: content)
                return nil
            }
            guard let entry = entries.open[id], entry.version == version else { return nil }
            entries.use(id)
            return entry.features
        }
        if let kept { return kept }
        // Opened outside the lock, so requests for other datasets do not wait for it.
        let opened = try open()
        entries.withLock { entries in
            guard entries.content == content else { return }
            entries.open[id] = (version, opened)
            entries.use(id)
            while entries.order.count > Self.capacity {
                entries.open[entries.order.removeFirst()] = nil
            }
        }
        return opened
    }
}
