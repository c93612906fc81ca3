import Foundation

/// The lines of a published GeoJSON file, read where its feature index says they are: for a server to
/// send, and for the index to check a feature its keys found against what the line says. The file is
/// opened once and read with `pread`, which moves no shared position, so every connection of an index
/// and every request of a server share one descriptor.
package final class FeatureLines: Sendable {
    package let url: URL
    private let descriptor: Int32

    /// - Throws: `LumpiniError` `feature-data-unreadable` when the file cannot be opened.
    package init(_ url: URL) throws {
        descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw LumpiniError(
                "feature-data-unreadable", "cannot read the published GeoJSON: \(String(cString: strerror(errno)))", kind: .data,
                file: url.path, hint: "run `lumpini verify`, then `lumpini catalog build`")
        }
        self.url = url
    }

    deinit {
        close(descriptor)
    }

    /// The bytes of the feature's line, without the comma after it.
    /// - Throws: `LumpiniError` `feature-index-stale` when the file is shorter than the index says.
    package func bytes(_ location: FeatureIndex.Location) throws -> [UInt8] {
        let bytes = [UInt8](unsafeUninitializedCapacity: location.length) { buffer, initialized in
            var done = 0
            while done < location.length {
                let read = pread(descriptor, buffer.baseAddress! + done, location.length - done, off_t(location.offset) + off_t(done))
                if read < 0, errno == EINTR { continue }
                guard read > 0 else { break }
                done += read
            }
            initialized = done
        }
        guard bytes.count == location.length else {
            throw LumpiniError(
                "feature-index-stale", "the data file is shorter than its feature index says", kind: .data, file: url.path,
                hint: "run `lumpini verify`, then `lumpini catalog build`")
        }
        return bytes
    }

    /// `body` applied to the feature on the line; nil when the line holds none.
    func withFeature<Result>(_ location: FeatureIndex.Location, _ body: (FeatureLine) throws -> Result) throws -> Result? {
        try bytes(location).withUnsafeBufferPointer { line in
            guard let feature = FeatureLine(line) else { return nil }
            return try body(feature)
        }
    }
}
