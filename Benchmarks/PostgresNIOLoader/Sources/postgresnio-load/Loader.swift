import Foundation
import Logging
import NIOCore
import PostgresNIO

/// `postgresnio-load URL SCHEMA.TABLE FILE.geojson`: the points of a GeoJSON that Lumpini published
/// (one feature per line, its Table Schema in the `datapackage.json` beside it) into a new PostGIS
/// table through PostgresNIO's `COPY … FROM STDIN`, then what Lumpini's load does after its COPY: the
/// primary key, the GiST index, ANALYZE and the row count. Points only: it measures the client, not a
/// second product loader.
@main
struct PostgresNIOLoad {
    static func main() async {
        let arguments = CommandLine.arguments
        guard arguments.count == 4, arguments[2].split(separator: ".").count == 2 else {
            FileHandle.standardError.write(Data("usage: postgresnio-load postgresql://user[:password]@host:port/database schema.table file.geojson\n".utf8))
            exit(2)
        }
        do {
            let rows = try await load(url: arguments[1], table: arguments[2], geoJSON: URL(fileURLWithPath: arguments[3]))
            print("loaded \(rows) rows into \(arguments[2])")
        } catch {
            FileHandle.standardError.write(Data("postgresnio-load: \(String(reflecting: error))\n".utf8))
            exit(1)
        }
    }

    static func load(url text: String, table qualified: String, geoJSON: URL) async throws -> Int {
        guard let url = URLComponents(string: text), let host = url.host, let user = url.user else { throw Failure("not a postgresql:// URL with a user") }
        let parts = qualified.split(separator: ".").map(String.init)
        let (schema, table) = (parts[0], parts[1])
        let fields = try TableFields(versionDirectory: geoJSON.deletingLastPathComponent())
        let logger = Logger(label: "postgresnio-load")
        let configuration = PostgresConnection.Configuration(
            host: host, port: url.port ?? 5432, username: user, password: url.password, database: String(url.path.dropFirst()), tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        func run(_ sql: String) async throws { try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger) }
        do {
            try await run("CREATE EXTENSION IF NOT EXISTS postgis")
            try await run("CREATE SCHEMA IF NOT EXISTS \(schema)")
            try await run("SET search_path TO \(schema), public")
            try await run("CREATE TABLE \(table) (\(fields.columns.map { "\($0.name) \($0.sqlType)" }.joined(separator: ", ")), geom geometry(Point,4326))")
            var written = 0
            try await connection.copyFrom(table: table, columns: fields.columns.map(\.name) + ["geom"], logger: logger) { writer in
                var buffer = ByteBuffer()
                buffer.reserveCapacity(1 << 18)
                var lines = try LineBlocks(file: geoJSON)
                while let line = try lines.next() {
                    guard let row = try fields.copyRow(line) else { continue }
                    buffer.writeString(row)
                    written += 1
                    if buffer.readableBytes >= 1 << 18 {
                        try await writer.write(buffer)
                        buffer.clear()
                    }
                }
                if buffer.readableBytes > 0 { try await writer.write(buffer) }
            }
            if let key = fields.primaryKey { try await run("ALTER TABLE \(table) ADD PRIMARY KEY (\(key))") }
            try await run("CREATE INDEX \(table)_geom ON \(table) USING GIST (geom)")
            try await run("ANALYZE \(table)")
            var count = 0
            for try await (value) in try await connection.query(PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(table)"), logger: logger).decode(Int.self) {
                count = value
            }
            guard count == written else { throw Failure("the table holds \(count) rows, \(written) were sent") }
            try await connection.close()
            return count
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The columns of the table, from the Table Schema in the version's `datapackage.json`, and a feature's
/// line as a row of COPY's text format.
struct TableFields {
    struct Column {
        var name: String
        var type: String
        var sqlType: String {
            switch type {
            case "integer": "bigint"
            case "number": "double precision"
            case "boolean": "boolean"
            case "date": "date"
            case "datetime": "timestamptz"
            default: "text"
            }
        }
    }

    let columns: [Column]
    let primaryKey: String?

    init(versionDirectory: URL) throws {
        let data = try Data(contentsOf: versionDirectory.appendingPathComponent("datapackage.json"))
        let package = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        let resources = package["resources"] as? [[String: Any]] ?? []
        guard let schema = resources.lazy.compactMap({ $0["schema"] as? [String: Any] }).first else { throw Failure("the data package has no schema") }
        columns = (schema["fields"] as? [[String: Any]] ?? []).compactMap { field in
            (field["name"] as? String).map { Column(name: $0, type: field["type"] as? String ?? "string") }
        }
        primaryKey = (schema["primaryKey"] as? [String])?.joined(separator: ", ") ?? schema["primaryKey"] as? String
    }

    /// The feature on this line as a COPY row, nil for a line that holds no feature.
    func copyRow(_ line: Data) throws -> String? {
        var bytes = line
        if bytes.last == UInt8(ascii: ",") { bytes.removeLast() }
        guard bytes.starts(with: Array(#"{"type":"Feature""#.utf8)) else { return nil }
        guard let feature = try JSONSerialization.jsonObject(with: bytes) as? [String: Any] else { throw Failure("a line is not a feature") }
        let properties = feature["properties"] as? [String: Any] ?? [:]
        var row = columns.map { column in Self.text(properties[column.name], type: column.type) }
        if let geometry = feature["geometry"] as? [String: Any] {
            guard geometry["type"] as? String == "Point", let position = geometry["coordinates"] as? [Double], position.count >= 2 else {
                throw Failure("only points are loaded")
            }
            row.append("SRID=4326;POINT(\(position[0]) \(position[1]))")
        } else {
            row.append(#"\N"#)
        }
        return row.joined(separator: "\t") + "\n"
    }

    private static func text(_ value: Any?, type: String) -> String {
        guard let value, !(value is NSNull) else { return #"\N"# }
        if let number = value as? NSNumber, !(value is String) {
            switch type {
            case "boolean": return number.boolValue ? "true" : "false"
            case "integer": return String(number.int64Value)
            default: return "\(number.doubleValue)"
            }
        }
        var escaped = ""
        for character in "\(value)" {
            switch character {
            case "\\": escaped += #"\\"#
            case "\t": escaped += #"\t"#
            case "\n": escaped += #"\n"#
            case "\r": escaped += #"\r"#
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

/// The lines of a file, a block at a time.
struct LineBlocks {
    private let handle: FileHandle
    private var pending = Data()
    private var finished = false

    init(file: URL) throws { handle = try FileHandle(forReadingFrom: file) }

    mutating func next() throws -> Data? {
        while true {
            if let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = pending[pending.startIndex..<end]
                pending = pending[(end + 1)...]
                return Data(line)
            }
            if finished {
                guard !pending.isEmpty else { return nil }
                defer { pending = Data() }
                return Data(pending)
            }
            let block = try handle.read(upToCount: 1 << 20) ?? Data()
            if block.isEmpty { finished = true } else { pending = Data(pending) + block }
        }
    }
}
