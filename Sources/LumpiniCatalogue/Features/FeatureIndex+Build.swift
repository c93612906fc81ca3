import Foundation
import GRDB

extension FeatureIndex {
    /// Writes the index of a published GeoJSON file, unless it is already there in this layout: into a temporary
    /// file beside it, renamed into place, so a reader sees the whole index or none. Reads the file
    /// once, a block at a time.
    public static func write(geoJSON: URL, to file: URL) throws {
        guard (try? open(file)) == nil else { return }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let staging = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: staging) }
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // A temporary file, renamed into place only once complete: a crash leaves nothing to roll back.
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
        }
        let database = try DatabaseQueue(path: staging.path, configuration: configuration)
        try database.write { db in
            try db.execute(sql: "CREATE TABLE feature (number INTEGER PRIMARY KEY, offset INTEGER NOT NULL, length INTEGER NOT NULL, idJSON TEXT)")
            let tree = try PackedRTree.Builder(db: db, scratch: staging.appendingPathExtension("boxes"))
            let insertFeature = try db.makeStatement(sql: "INSERT INTO feature (number, offset, length, idJSON) VALUES (?, ?, ?, ?)")
            var number: Int64 = 0
            try forEachLine(of: geoJSON) { offset, line in
                var length = line.count
                if length > 0, line[length - 1] == UInt8(ascii: ",") { length -= 1 }
                guard let feature = FeatureLine(UnsafeBufferPointer(rebasing: line[0..<length])) else { return }
                number += 1
                try insertFeature.execute(arguments: [number, offset, length, feature.idJSON.map { String(decoding: $0, as: UTF8.self) }])
                if let box = feature.box { try tree.add(box, number: number) }
            }
            try tree.finish()
            // Made after the rows, in one sort, instead of growing with them in the order of the file.
            try db.execute(sql: "CREATE INDEX feature_id ON feature (idJSON) WHERE idJSON IS NOT NULL")
            try db.execute(sql: "PRAGMA user_version = \(layout)")
        }
        try database.close()
        guard rename(staging.path, file.path) == 0 else {
            throw LumpiniError(
                "feature-index-unwritable", "cannot write the feature index: \(String(cString: strerror(errno)))",
                kind: .input, file: file.path, hint: "check that the catalogue's folder is writable")
        }
    }

    /// Calls `body` with each line of the file (without its line end) and the offset where it starts.
    private static func forEachLine(of url: URL, _ body: (Int64, UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        var reader = try LineReader(file: url)
        defer { reader.close() }
        while let line = try reader.next() {
            try line.withUnsafeBufferPointer { try body(reader.lineOffset, $0) }
        }
    }
}

extension Manifest {
    /// The GeoJSON data file of a version with geometry: what the feature index covers and OGC API –
    /// Features serves.
    public var geoJSONFile: File? {
        extent == nil ? nil : files.first { $0.role == .data && $0.format == "GeoJSON" }
    }
}
