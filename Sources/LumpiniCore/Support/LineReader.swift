import Foundation

/// The lines of a file, read in blocks: a GeoJSON of any size is walked with memory for one block and
/// one line (the site's map preview, the catalogue's feature index). The blocks come from the file, or
/// from whoever is writing it (`init(blocks:)`).
package struct LineReader {
    /// The next block of the file, empty at its end.
    private let nextBlock: () throws -> Data
    private let onClose: () -> Void
    private var buffer: [UInt8] = []
    /// The file offset of `buffer`'s first byte.
    private var bufferOffset: Int64 = 0
    private var start = 0
    /// The file offset where the line `next()` returned last starts.
    package private(set) var lineOffset: Int64 = 0
    /// Where the search for the next line end goes on: a line longer than a block is scanned once.
    private var scanned = 0
    private var finished = false

    static let blockSize = 1 << 20

    /// Where the next line end is from `start`: memchr reads a word at a time.
    private static func lineEnd(in buffer: [UInt8], from start: Int) -> Int? {
        guard start < buffer.count else { return nil }
        return buffer.withUnsafeBytes { bytes in
            memchr(bytes.baseAddress! + start, Int32(UInt8(ascii: "\n")), bytes.count - start).map { UnsafeRawPointer($0) - bytes.baseAddress! }
        }
    }

    package init(file: URL) throws {
        let handle = try FileHandle(forReadingFrom: file)
        nextBlock = { try handle.read(upToCount: Self.blockSize) ?? Data() }
        onClose = { try? handle.close() }
    }

    /// The lines of the blocks `next` gives, in order, until it gives an empty one.
    package init(blocks next: @escaping () throws -> Data) {
        nextBlock = next
        onClose = {}
    }

    package func close() { onClose() }

    /// The next line without its line end, nil at the end of the file.
    package mutating func next() throws -> ArraySlice<UInt8>? {
        while true {
            if let end = Self.lineEnd(in: buffer, from: max(start, scanned)) {
                let line = buffer[start..<end]
                lineOffset = bufferOffset + Int64(start)
                start = end + 1
                scanned = start
                return line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            }
            if finished {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                lineOffset = bufferOffset + Int64(start)
                start = buffer.count
                scanned = start
                return line
            }
            scanned = buffer.count - start
            buffer.removeSubrange(0..<start)
            bufferOffset += Int64(start)
            start = 0
            let block = try nextBlock()
            if block.isEmpty { finished = true } else { buffer.append(contentsOf: block) }
        }
    }
}
