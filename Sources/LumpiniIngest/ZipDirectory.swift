import Foundation

/// The entries of a zip archive as its central directory declares them: name and compressed and
/// uncompressed sizes, read without decompressing anything. GDAL's `/vsizip/` (minizip) takes the
/// sizes from the same directory and reads an entry no further than its declared uncompressed size,
/// so judging the declared sizes judges what GDAL would inflate.
struct ZipDirectory {
    struct Entry: Equatable {
        let name: String
        let compressedSize: UInt64
        let uncompressedSize: UInt64
    }

    let entries: [Entry]

    /// The most entries and directory bytes read: an Office workbook has a few dozen entries.
    static let maximumEntries = 65_536
    static let maximumDirectoryBytes = 16 << 20

    /// The directory of the zip at `path`, or nil when the file is not a zip whose directory can be
    /// read (GDAL then reports what is wrong with it).
    init?(path: String) {
        guard let file = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? file.close() }
        // A zip starts with a local file header; anything else (an old .xls) is GDAL's to judge.
        guard Self.read(file, at: 0, count: 4).map({ $0.uint32(at: 0) }) == 0x0403_4B50,
              let size = try? file.seekToEnd(), size >= 22 else { return nil }
        // The end-of-central-directory record is in the last 22 bytes plus a comment of at most 64 KB;
        // the last one found searching backwards counts, as minizip decides.
        let tailStart = size - min(size, 22 + 65_535 + 20 + 56)
        guard let tail = Self.read(file, at: tailStart, count: Int(size - tailStart)),
              let end = Self.lastIndex(of: 0x0605_4B50, in: tail, before: tail.count - 21) else { return nil }
        var count = UInt64(tail.uint16(at: end + 10))
        var directorySize = UInt64(tail.uint32(at: end + 12))
        var directoryOffset = UInt64(tail.uint32(at: end + 16))
        if directoryOffset == 0xFFFF_FFFF || directorySize == 0xFFFF_FFFF || count == 0xFFFF {
            // Zip64: the locator just before the record says where the zip64 record is.
            guard end >= 20, tail.uint32(at: end - 20) == 0x0706_4B50,
                  let record = Self.read(file, at: tail.uint64(at: end - 12), count: 56),
                  record.uint32(at: 0) == 0x0606_4B50 else { return nil }
            count = record.uint64(at: 32)
            directorySize = record.uint64(at: 40)
            directoryOffset = record.uint64(at: 48)
        }
        guard count <= Self.maximumEntries, directorySize <= Self.maximumDirectoryBytes,
              let directory = Self.read(file, at: directoryOffset, count: Int(directorySize)) else { return nil }
        var entries: [Entry] = []
        var offset = 0
        while entries.count < count, offset + 46 <= directory.count, directory.uint32(at: offset) == 0x0201_4B50 {
            var compressed = UInt64(directory.uint32(at: offset + 20))
            var uncompressed = UInt64(directory.uint32(at: offset + 24))
            let nameLength = Int(directory.uint16(at: offset + 28))
            let extraLength = Int(directory.uint16(at: offset + 30))
            let commentLength = Int(directory.uint16(at: offset + 32))
            let nameStart = offset + 46
            guard nameStart + nameLength + extraLength <= directory.count else { return nil }
            let name = String(decoding: directory[nameStart..<nameStart + nameLength], as: UTF8.self)
            // Zip64 extra field (0x0001): the 64-bit sizes whose 32-bit fields are 0xFFFFFFFF, in this order.
            var extra = nameStart + nameLength
            let extraEnd = extra + extraLength
            while extra + 4 <= extraEnd {
                let id = directory.uint16(at: extra), length = Int(directory.uint16(at: extra + 2))
                if id == 0x0001 {
                    var field = extra + 4
                    if uncompressed == 0xFFFF_FFFF, field + 8 <= extraEnd { uncompressed = directory.uint64(at: field); field += 8 }
                    if compressed == 0xFFFF_FFFF, field + 8 <= extraEnd { compressed = directory.uint64(at: field) }
                }
                extra += 4 + length
            }
            entries.append(Entry(name: name, compressedSize: compressed, uncompressedSize: uncompressed))
            offset = extraEnd + commentLength
        }
        self.entries = entries
    }

    private static func read(_ file: FileHandle, at offset: UInt64, count: Int) -> [UInt8]? {
        guard (try? file.seek(toOffset: offset)) != nil, let data = try? file.read(upToCount: count), data.count == count else { return nil }
        return [UInt8](data)
    }

    private static func lastIndex(of signature: UInt32, in bytes: [UInt8], before limit: Int) -> Int? {
        var index = limit - 1
        while index >= 0 {
            if bytes.uint32(at: index) == signature { return index }
            index -= 1
        }
        return nil
    }
}

private extension Array where Element == UInt8 {
    func uint16(at offset: Int) -> UInt16 { UInt16(self[offset]) | UInt16(self[offset + 1]) << 8 }
    func uint32(at offset: Int) -> UInt32 { UInt32(uint16(at: offset)) | UInt32(uint16(at: offset + 2)) << 16 }
    func uint64(at offset: Int) -> UInt64 { UInt64(uint32(at: offset)) | UInt64(uint32(at: offset + 4)) << 32 }
}
