import Foundation
import GRDB

extension FeatureIndex {
    /// Writes the index of a published GeoJSON file, unless it is already there in this layout: into a
    /// temporary file beside it, renamed into place, so a reader sees the whole index or none. Reads the
    /// file once, a block at a time, gathering the locations into pages as it goes and the envelopes and
    /// keys into scratch files beside the index; then sorts them, one array at a time. The filterable
    /// properties (`FeatureFields`, from the version's `datapackage.json` beside the file) get keys each.
    ///
    /// Memory holds a block of the file and the runs of records being sorted (`ScratchFile`), whatever the
    /// number of features, but for the R-tree's nodes above the leaves (40 bytes every 64 features) and a
    /// block of each run being merged (16 KB).
    public static func write(geoJSON: URL, to file: URL) throws {
        try write(geoJSON: geoJSON, to: file, options: BuildOptions())
    }

    /// How an index is written: tests change these to reach, on small files, the paths large ones take.
    struct BuildOptions {
        /// How many bits of each hash the keys keep: fewer make different values share keys, and no
        /// feature may be returned for a value it does not have.
        var keyBits = 64
        /// The bytes of records the scratch files sort in memory at a time, shared among them.
        var sortBytes = 4 << 20
    }

    static func write(geoJSON: URL, to file: URL, options: BuildOptions) throws {
        guard (try? open(file, geoJSON: geoJSON)) == nil else { return }
        var lines = try LineReader(file: geoJSON)
        defer { lines.close() }
        let fields = FeatureFields(versionDirectory: geoJSON.deletingLastPathComponent()).filterable
        try write(lines: &lines, fields: fields, to: file, options: options)
    }

    /// Writes the index of the GeoJSON whose lines `lines` reads, keeping `fields` for filters.
    static func write(lines: inout LineReader, fields: [FeatureFields.Field], to file: URL, options: BuildOptions = BuildOptions()) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let staging = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: staging) }
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // A temporary file, renamed into place only once complete: a crash leaves nothing to roll back.
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
        }
        var options = options
        // The tree's entries, the ids' keys and each property's, and the temporal property's dates.
        let scratchFiles = 2 + fields.count + (fields.contains { Property.isTemporal($0.type) } ? 1 : 0)
        options.sortBytes /= scratchFiles
        let database = try DatabaseQueue(path: staging.path, configuration: configuration)
        try database.write { db in
            try db.execute(sql: "CREATE TABLE property (name TEXT PRIMARY KEY, position INTEGER NOT NULL, type TEXT NOT NULL)")
            for (index, field) in fields.enumerated() {
                try db.execute(sql: "INSERT INTO property (name, position, type) VALUES (?, ?, ?)", arguments: [field.name, index, field.type])
            }
            try BlobArray.createTables(db)
            let tree = try PackedRTree.Builder(db: db, scratch: staging.appendingPathExtension("boxes"), runBytes: options.sortBytes)
            let keys = try KeyGatherer(fields: fields, scratch: staging, options: options)
            let locations = try BlobArray.Writer(db: db, name: locationArray, recordBytes: 12)
            var number: Int64 = 0
            while let next = try lines.next() {
                let offset = lines.lineOffset
                try next.withUnsafeBufferPointer { line in
                    var length = line.count
                    if length > 0, line[length - 1] == UInt8(ascii: ",") { length -= 1 }
                    guard let feature = FeatureLine(UnsafeBufferPointer(rebasing: line[0..<length])) else { return }
                    guard number < Int64(UInt32.max) else {
                        throw LumpiniError(
                            "feature-index-too-large", "a GeoJSON of more than 4,294,967,295 features cannot be indexed", kind: .input,
                            hint: "publish the data in smaller datasets")
                    }
                    number += 1
                    try locations.append(UInt64(offset) | (feature.idRange == nil ? 0 : hasIDFlag))
                    try locations.append(UInt32(length))
                    try keys.add(feature, number: UInt32(number))
                    if let box = feature.box { try tree.add(box, number: UInt32(number)) }
                }
            }
            try locations.finish()
            try tree.finish()
            try keys.finish(db)
            try db.execute(sql: "PRAGMA user_version = \(layout)")
        }
        try database.close()
        guard rename(staging.path, file.path) == 0 else {
            throw LumpiniError(
                "feature-index-unwritable", "cannot write the feature index: \(String(cString: strerror(errno)))",
                kind: .input, file: file.path, hint: "check that the catalogue's folder is writable")
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
