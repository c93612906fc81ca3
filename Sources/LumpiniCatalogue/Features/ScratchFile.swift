import Foundation

/// Fixed-width records that the feature index's writer gathers while it reads a GeoJSON file once, kept
/// in a file beside the index instead of in memory, then read back when the file is done: whole, to be
/// sorted, or mapped, to be read in another order. Removed with the writer.
final class ScratchFile<Record: BitwiseCopyable> {
    private let url: URL
    private let descriptor: Int32
    private var buffer: [Record] = []
    private static var bufferRecords: Int { (1 << 20) / MemoryLayout<Record>.stride }
    /// The number of records appended.
    private(set) var count = 0

    init(url: URL) throws {
        self.url = url
        descriptor = open(url.path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Self.error("cannot create") }
        buffer.reserveCapacity(Self.bufferRecords)
    }

    deinit {
        close(descriptor)
        unlink(url.path)
    }

    func append(_ record: Record) throws {
        buffer.append(record)
        count += 1
        if buffer.count == Self.bufferRecords { try flush() }
    }

    private func flush() throws {
        let bytes = buffer.count * MemoryLayout<Record>.stride
        let written = buffer.withUnsafeBytes { write(descriptor, $0.baseAddress, bytes) }
        guard written == bytes else { throw Self.error("cannot write") }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Every record, in the order they were appended.
    func readAll() throws -> [Record] {
        try flush()
        buffer = []
        let bytes = count * MemoryLayout<Record>.stride
        return try [Record](unsafeUninitializedCapacity: count) { records, initialized in
            var done = 0
            while done < bytes {
                let read = pread(descriptor, UnsafeMutableRawPointer(records.baseAddress!) + done, bytes - done, off_t(done))
                guard read > 0 else { throw Self.error("cannot read") }
                done += read
            }
            initialized = count
        }
    }

    /// The records mapped from the file, read in any order: the pages the system keeps of it belong to
    /// the file, not to the process's own memory.
    func mapped() throws -> Data {
        try flush()
        buffer = []
        return try Data(contentsOf: url, options: .alwaysMapped)
    }

    private static func error(_ what: String) -> LumpiniError {
        LumpiniError(
            "feature-index-unwritable", "\(what) the feature index's scratch file: \(String(cString: strerror(errno)))",
            kind: .input, hint: "check that the catalogue's folder is writable and has room")
    }
}
