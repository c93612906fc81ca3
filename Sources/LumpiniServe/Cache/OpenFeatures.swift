import Foundation
import Synchronization

/// One published version's features, kept open between requests: its feature index (a few
/// connections, so requests on different threads do not wait for each other: SQLite serves one
/// statement at a time per connection) and its GeoJSON file, opened once for all of them
/// (`FeatureLines`, read with `pread`, which needs no lock). Both are named by what never changes (the
/// index by the SHA-256 of the file, the file by its version's folder); they are closed when the last
/// request using them ends after they were let go.
final class OpenFeatures: Sendable {
    let indexFile: URL
    let lines: FeatureLines
    /// The number of features and the properties a filter may name, as the index holds them.
    let count: Int
    let properties: [FeatureIndex.Property]
    private let idle: Mutex<[FeatureIndex]>
    /// Connections kept when idle: as many as threads may run requests at once.
    private static let keptConnections = max(1, ProcessInfo.processInfo.activeProcessorCount)

    init(index: URL, data: URL) throws {
        let first = try FeatureIndex.open(index, geoJSON: data)
        indexFile = index
        lines = first.lines
        count = first.count
        properties = first.properties
        idle = Mutex([first])
    }

    /// Runs `body` with a connection of the index no other request is using.
    func withIndex<T>(_ body: (FeatureIndex) throws -> T) throws -> T {
        let index = try idle.withLock { $0.popLast() } ?? FeatureIndex.open(indexFile, lines: lines)
        defer {
            idle.withLock { idle in
                if idle.count < Self.keptConnections { idle.append(index) }
            }
        }
        return try body(index)
    }
}
