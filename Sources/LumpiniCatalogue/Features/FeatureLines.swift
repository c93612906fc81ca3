import Foundation

/// The lines of a published GeoJSON file, read where its feature index says they are: for a server to
/// send, and for the index to check a feature its keys found against what the line says.
package final class FeatureLines {
    private let url: URL
    private var descriptor: Int32 = -1

    package init(_ url: URL) {
        self.url = url
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// The bytes of the feature's line, without the comma after it.
    /// - Throws: `LumpiniError` when the file cannot be read or is shorter than the index says.
    package func bytes(_ location: FeatureIndex.Location) throws -> [UInt8] {
        if descriptor < 0 {
            descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw LumpiniError(
                    "feature-data-unreadable", "cannot read the published data: \(String(cString: strerror(errno)))", kind: .input, file: url.path,
                    hint: "check that the public tree is readable")
            }
        }
        return try Self.read(location, from: descriptor, file: url)
    }

    /// The bytes at `location` in the open file `descriptor`, read with `pread`, which moves no shared
    /// position: threads may read one descriptor at once.
    package static func read(_ location: FeatureIndex.Location, from descriptor: Int32, file: URL) throws -> [UInt8] {
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
                "feature-index-stale", "the data file is shorter than its feature index says", kind: .data, file: file.path,
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
