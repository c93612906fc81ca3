import Foundation
import GRDB

extension FeatureIndex {
    /// Writes the index of a published GeoJSON file, unless it is already there in this layout: into a
    /// temporary file beside it, renamed into place, so a reader sees the whole index or none. Reads the
    /// file once, a block at a time. The filterable properties (`FeatureFields`, from the version's
    /// `datapackage.json` beside the file) get a column and an index each.
    public static func write(geoJSON: URL, to file: URL) throws {
        guard (try? open(file)) == nil else { return }
        var lines = try LineReader(file: geoJSON)
        defer { lines.close() }
        try write(lines: &lines, fields: FeatureFields(versionDirectory: geoJSON.deletingLastPathComponent()).filterable, to: file)
    }

    /// Writes the index of the GeoJSON whose lines `lines` reads, keeping `fields` for filters.
    static func write(lines: inout LineReader, fields: [FeatureFields.Field], to file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let staging = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: staging) }
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // A temporary file, renamed into place only once complete: a crash leaves nothing to roll back.
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
        }
        let columns = fields.indices.map(Self.column)
        let position = Dictionary(fields.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        let database = try DatabaseQueue(path: staging.path, configuration: configuration)
        try database.write { db in
            try db.execute(sql: """
                CREATE TABLE feature (number INTEGER PRIMARY KEY, offset INTEGER NOT NULL, length INTEGER NOT NULL, idJSON TEXT\(
                    columns.map { ", \($0) TEXT" }.joined()));
                CREATE TABLE property (name TEXT PRIMARY KEY, position INTEGER NOT NULL, type TEXT NOT NULL);
                """)
            for (index, field) in fields.enumerated() {
                try db.execute(sql: "INSERT INTO property (name, position, type) VALUES (?, ?, ?)", arguments: [field.name, index, field.type])
            }
            let tree = try PackedRTree.Builder(db: db, scratch: staging.appendingPathExtension("boxes"))
            let insertFeature = try db.makeStatement(sql: """
                INSERT INTO feature (number, offset, length, idJSON\(columns.map { ", \($0)" }.joined()))
                VALUES (?, ?, ?, ?\(String(repeating: ", ?", count: columns.count)))
                """)
            var number: Int64 = 0
            var values = [DatabaseValueConvertible?](repeating: nil, count: 4 + columns.count)
            while let next = try lines.next() {
                let offset = lines.lineOffset
                try next.withUnsafeBufferPointer { line in
                var length = line.count
                if length > 0, line[length - 1] == UInt8(ascii: ",") { length -= 1 }
                guard let feature = FeatureLine(UnsafeBufferPointer(rebasing: line[0..<length])) else { return }
                number += 1
                for index in values.indices { values[index] = nil }
                values[0] = number
                values[1] = offset
                values[2] = length
                values[3] = feature.idJSON.map { String(decoding: $0, as: UTF8.self) }
                for (name, value) in feature.properties {
                    if let index = position[name] { values[4 + index] = value }
                }
                try insertFeature.execute(arguments: StatementArguments(values))
                if let box = feature.box { try tree.add(box, number: number) }
                }
            }
            try tree.finish()
            // Made after the rows, in one sort each, instead of growing with them in the order of the file.
            try db.execute(sql: "CREATE INDEX feature_id ON feature (idJSON) WHERE idJSON IS NOT NULL")
            for column in columns {
                try db.execute(sql: "CREATE INDEX feature_\(column) ON feature (\(column))")
            }
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
