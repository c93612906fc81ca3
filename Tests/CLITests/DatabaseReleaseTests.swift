import Foundation
import LumpiniDatabase
import XCTest

/// `lumpini release --database` against a real PostgreSQL 15 with PostGIS: what is loaded, the
/// view's switch, retention, unchanged versions, a failing dataset, a killed load, credentials.
final class DatabaseReleaseTests: XCTestCase {
    nonisolated(unsafe) private static var sharedServer: PostgresServer?
    private var server: PostgresServer!
    private var database: String!
    private var space: ReleaseWorkspace!

    override class func tearDown() {
        sharedServer?.stop()
        sharedServer = nil
    }

    override func setUpWithError() throws {
        if Self.sharedServer == nil { Self.sharedServer = try PostgresServer() }
        server = Self.sharedServer
        database = try server.createDatabase()
        space = try ReleaseWorkspace()
    }

    override func tearDown() {
        space?.remove()
    }

    private var url: String { server.url(database: database) }

    private func value(_ sql: String) throws -> String? {
        try server.value(sql, database: database)
    }

    private func release(_ extra: [String] = [], environment: [String: String] = [:]) throws -> (CLIRunner.Result, [String: Any]) {
        let result = try space.lumpini(["release", "--json", "--database", url] + extra, environment: environment)
        let json = try XCTUnwrap(try? result.json() as? [String: Any], "\(result.stdout)\n\(result.stderr)")
        return (result, try XCTUnwrap(json["database"] as? [String: Any], result.stdout))
    }

    private func ids(_ summary: [String: Any], _ key: String) -> [String] {
        ((summary[key] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
    }

    /// The repository's samples (their schemas: keys, dates, booleans, a CSV-only dataset) into `space`.
    private func addSamples() throws {
        for folder in ["datasets", "schemas"] {
            let source = CLIRunner.packageRoot.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name != "vocabularies" {
                try FileManager.default.createDirectory(at: space.root.appendingPathComponent(folder), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: space.root.appendingPathComponent("\(folder)/\(name)"))
            }
        }
    }

    func testEveryPublishedVersionIsLoadedTypedKeyedIndexedAndCommented() throws {
        try addSamples()
        let (result, summary) = try release()
        XCTAssertEqual(result.status, 0, result.stderr)
        let published = try XCTUnwrap(try result.json() as? [String: Any])["published"] as? [[String: Any]] ?? []
        XCTAssertEqual(ids(summary, "loaded").sorted(), published.compactMap { $0["id"] as? String }.sorted())
        XCTAssertEqual(ids(summary, "failed"), [])

        for entry in published {
            let id = try XCTUnwrap(entry["id"] as? String)
            let view = "opendata.\(id.replacingOccurrences(of: "-", with: "_"))"
            XCTAssertEqual(try value("SELECT count(*) FROM \(view)"), "\(entry["rowsPublished"] ?? "?")", id)
            let geoJSON = space.publicRoot.appendingPathComponent("\(id)/v1/\(id).geojson")
            if let data = try? Data(contentsOf: geoJSON), let collection = try JSONSerialization.jsonObject(with: data) as? [String: Any] {
                XCTAssertEqual(try value("SELECT count(*) FROM \(view)"), "\((collection["features"] as? [Any])?.count ?? -1)", "\(id): as many rows as the published GeoJSON has features")
            }
            XCTAssertEqual(try value("SELECT version FROM opendata.catalogue WHERE id = '\(id)'"), "1", id)
            if try value("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'opendata' AND table_name = '\(id.replacingOccurrences(of: "-", with: "_"))_v1' AND column_name = 'geom'") == "1" {
                XCTAssertEqual(try value("SELECT count(*) FROM \(view) WHERE ST_SRID(geom) <> 4326 OR NOT ST_IsValid(geom)"), "0", id)
                XCTAssertEqual(try value("SELECT srid FROM geometry_columns WHERE f_table_schema = 'opendata' AND f_table_name = '\(id.replacingOccurrences(of: "-", with: "_"))_v1'"), "4326", id)
                XCTAssertEqual(try value("SELECT count(*) FROM pg_indexes WHERE schemaname = 'opendata' AND tablename = '\(id.replacingOccurrences(of: "-", with: "_"))_v1' AND indexdef LIKE '%USING gist (geom)%'"), "1", id)
            }
        }
        let table = "opendata.pm25_readings_sample_v1"
        XCTAssertEqual(try server.psql("""
            SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '\(table)'::regclass AND attnum > 0
            AND attname IN ('date', 'pm25', 'station_id', 'geom') ORDER BY attname
            """, database: database), [["date", "date"], ["geom", "geometry(Point,4326)"], ["pm25", "double precision"], ["station_id", "text"]])
        XCTAssertEqual(try value("""
            SELECT string_agg(a.attname, ',' ORDER BY array_position(i.indkey, a.attnum)) FROM pg_index i
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) WHERE i.indrelid = '\(table)'::regclass AND i.indisprimary
            """), "station_id,date")
        // A view declares no key: GeoServer reads it from its primary key metadata table, in column order.
        XCTAssertEqual(try server.psql("""
            SELECT pk_column, pk_column_idx, pk_policy FROM opendata.gt_pk_metadata
            WHERE table_schema = 'opendata' AND table_name = 'pm25_readings_sample' ORDER BY pk_column_idx
            """, database: database), [["station_id", "1", "assigned"], ["date", "2", "assigned"]])
        XCTAssertEqual(try value("SELECT obj_description('\(table)'::regclass) LIKE 'PM2.5%' OR obj_description('\(table)'::regclass) LIKE '%(dataset pm25-readings-sample)%'"), "t")
        XCTAssertNotNil(try value("SELECT col_description('\(table)'::regclass, (SELECT attnum FROM pg_attribute WHERE attrelid = '\(table)'::regclass AND attname = 'pm25'))"))
        XCTAssertNotNil(try value("SELECT obj_description('opendata.pm25_readings_sample'::regclass)"), "the view carries the description too")
        // The CSV-only sample: its text cast by PostgreSQL into the schema's types.
        XCTAssertEqual(try value("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'opendata.waste_tonnage_sample_v1'::regclass AND attname = 'tonnes_per_day'"), "double precision")
        // Booleans and numbers as the published GeoJSON holds them.
        let toilets = try JSONSerialization.jsonObject(with: Data(contentsOf: space.publicRoot.appendingPathComponent("public-toilets-sample/v1/public-toilets-sample.geojson"))) as? [String: Any]
        let accessible = ((toilets?["features"] as? [[String: Any]]) ?? []).filter { ($0["properties"] as? [String: Any])?["accessible"] as? Bool == true }.count
        XCTAssertEqual(try value("SELECT count(*) FILTER (WHERE accessible) FROM opendata.public_toilets_sample"), "\(accessible)")
        XCTAssertEqual(try server.psql("""
            SELECT title_en IS NOT NULL, license, ST_SRID(extent), array_length(urls, 1) > 1, urls[1] LIKE 'https://%/pm25-readings-sample/v1/%', view_name, table_name
            FROM opendata.catalogue WHERE id = 'pm25-readings-sample'
            """, database: database), [["t", "CC-BY-4.0", "4326", "t", "t", "pm25_readings_sample", "pm25_readings_sample_v1"]])
        XCTAssertFalse(result.stdout.contains(server.password) || result.stderr.contains(server.password), "the password is never printed")
        XCTAssertTrue((summary["database"] as? String ?? "").contains(":***@"), "\(summary)")
    }

    func testEachNewVersionSwitchesTheViewKeepsThreeTablesAndAnUnchangedOneIsNotReloaded() throws {
        try space.addDataset("air-stations", points: 10)
        for (run, points) in [10, 11, 12, 13, 14].enumerated() {
            try space.setPoints("air-stations", points)
            let (result, summary) = try release()
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(ids(summary, "loaded"), ["air-stations"], "run \(run + 1)")
            XCTAssertEqual(try value("SELECT count(*) FROM opendata.air_stations"), "\(points)", "the view shows version \(run + 1)")
            XCTAssertEqual(try value("SELECT definition LIKE '%air_stations_v\(run + 1)%' FROM pg_views WHERE schemaname = 'opendata' AND viewname = 'air_stations'"), "t")
        }
        XCTAssertEqual(try server.psql("SELECT tablename FROM pg_tables WHERE schemaname = 'opendata' AND tablename LIKE 'air_stations_v%' ORDER BY 1", database: database),
                       [["air_stations_v3"], ["air_stations_v4"], ["air_stations_v5"]], "the view's table and the two before it are kept")
        XCTAssertEqual(try value("SELECT string_agg(version::text, ',' ORDER BY version) FROM opendata.lumpini_loads WHERE dataset_id = 'air-stations'"), "3,4,5")

        let loadedAt = try value("SELECT loaded_at FROM opendata.lumpini_loads WHERE version = 5")
        let (again, summary) = try release()
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(ids(summary, "unchanged"), ["air-stations"])
        XCTAssertEqual(ids(summary, "loaded"), [])
        XCTAssertEqual(try value("SELECT loaded_at FROM opendata.lumpini_loads WHERE version = 5"), loadedAt, "not loaded again")
        XCTAssertEqual(try value("SELECT version FROM opendata.catalogue WHERE id = 'air-stations'"), "5")
    }

    func testAFailingLoadFailsThatDatasetAloneAndTheNextRunCompletesIt() throws {
        try space.addDataset("air-stations", points: 20)
        try space.addDataset("river-gauges", points: 30)
        // Something that is not Lumpini's view holds river-gauges' view name.
        try server.psql("CREATE SCHEMA opendata; CREATE TABLE opendata.river_gauges (note text); INSERT INTO opendata.river_gauges VALUES ('kept')", database: database)
        let (result, summary) = try release()
        XCTAssertEqual(result.status, 1, "a dataset that failed to load makes the exit code 1")
        XCTAssertEqual(ids(summary, "loaded"), ["air-stations"])
        XCTAssertEqual(ids(summary, "failed"), ["river-gauges"])
        let reason = (summary["failed"] as? [[String: Any]])?.first?["reason"] as? String ?? ""
        XCTAssertTrue(reason.contains("river_gauges") && reason.contains("not a view"), reason)
        XCTAssertEqual(space.latestTarget("river-gauges"), "v1", "the public tree is released all the same")
        XCTAssertEqual(try value("SELECT note FROM opendata.river_gauges"), "kept", "what held the name is untouched")
        XCTAssertEqual(try value("SELECT count(*) FROM opendata.lumpini_loads WHERE dataset_id = 'river-gauges'"), "0")
        XCTAssertNil(try value("SELECT id FROM opendata.catalogue WHERE id = 'river-gauges'"))

        let text = try space.lumpini(["release", "--database", url])
        XCTAssertEqual(text.status, 1)
        XCTAssertTrue(text.stdout.contains("river-gauges: ") && text.stdout.contains("failed"), text.stdout)

        try server.psql("DROP TABLE opendata.river_gauges", database: database)
        let (next, nextSummary) = try release()
        XCTAssertEqual(next.status, 0, next.stderr)
        XCTAssertEqual(ids(nextSummary, "loaded"), ["river-gauges"], "the public version, unchanged, is loaded now")
        XCTAssertEqual(ids(nextSummary, "unchanged"), ["air-stations"])
        XCTAssertEqual(try value("SELECT count(*) FROM opendata.river_gauges"), "30")
    }

    func testAKilledLoadLeavesTheViewOnThePreviousTableAndTheNextRunCompletesIt() throws {
        try space.addDataset("air-stations", points: 2_000)
        XCTAssertEqual(try release().0.status, 0)
        try space.setPoints("air-stations", 2_001)
        let process = try space.startPaused(["release", "--database", url], at: "database-rows-copied")
        let (meanwhile, locked) = try release()
        XCTAssertEqual(meanwhile.status, 1, "a second release cannot load into the schema while the first does")
        XCTAssertTrue(((locked["failed"] as? [[String: Any]])?.first?["reason"] as? String ?? "").contains("another release is loading into the schema opendata"), "\(locked)")
        space.crash(process)

        XCTAssertEqual(space.latestTarget("air-stations"), "v2", "the public tree was complete before the load")
        XCTAssertEqual(try value("SELECT count(*) FROM opendata.air_stations"), "2000", "the view still shows version 1")
        XCTAssertEqual(try value("SELECT max(version) FROM opendata.lumpini_loads"), "1")
        XCTAssertEqual(try value("SELECT version FROM opendata.catalogue WHERE id = 'air-stations'"), "1")

        let (rerun, summary) = try release()
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        XCTAssertEqual(ids(summary, "loaded"), ["air-stations"])
        XCTAssertEqual(try value("SELECT count(*) FROM opendata.air_stations"), "2001")
        XCTAssertEqual(try value("SELECT count(*) FROM opendata.air_stations_v2"), "2001", "the part-loaded table was replaced, not added to")
        XCTAssertEqual(try value("SELECT string_agg(version::text, ',' ORDER BY version) FROM opendata.lumpini_loads"), "1,2")
    }

    func testThePasswordNeverAppearsAndPgpassWorks() throws {
        try space.addDataset("air-stations", points: 5)
        let wrong = url.replacingOccurrences(of: server.password, with: "Wr0ng-Secret-9")
        let failed = try space.lumpini(["release", "--json", "--database", wrong])
        XCTAssertEqual(failed.status, 1)
        XCTAssertFalse((failed.stdout + failed.stderr).contains("Wr0ng-Secret-9"), failed.stdout + failed.stderr)
        XCTAssertTrue(failed.stdout.contains("postgresql://postgres:***@127.0.0.1"), failed.stdout)
        for file in try FileManager.default.subpathsOfDirectory(atPath: space.root.path) {
            let text = (try? String(contentsOf: space.root.appendingPathComponent(file), encoding: .utf8)) ?? ""
            XCTAssertFalse(text.contains("Wr0ng-Secret-9"), file)
        }

        let home = space.root.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let pgpass = home.appendingPathComponent(".pgpass")
        try "127.0.0.1:\(server.port):*:postgres:\(server.password)\n".write(to: pgpass, atomically: true, encoding: .utf8)
        chmod(pgpass.path, 0o600)
        let withoutPassword = "postgresql://postgres@127.0.0.1:\(server.port)/\(database!)?sslmode=disable"
        let loaded = try space.lumpini(["release", "--json", "--database", withoutPassword], environment: ["HOME": home.path, "PGPASSFILE": pgpass.path])
        XCTAssertEqual(loaded.status, 0, loaded.stdout + loaded.stderr)
        XCTAssertEqual(try value("SELECT count(*) FROM opendata.air_stations"), "5")
    }

    func testTheURLMayComeFromTheEnvironmentAndBadOptionsAreOneLine() throws {
        try space.addDataset("air-stations", points: 5)
        let fromEnvironment = try space.lumpini(["release"], environment: ["LUMPINI_DATABASE_URL": url])
        XCTAssertEqual(fromEnvironment.status, 0, fromEnvironment.stderr)
        XCTAssertEqual(try value("SELECT count(*) FROM opendata.air_stations"), "5")

        let badURL = try space.lumpini(["release", "--database", "mysql-server"])
        XCTAssertEqual(badURL.status, 2)
        XCTAssertTrue(badURL.stderr.contains("not a PostgreSQL connection"), badURL.stderr)
        let badSchema = try space.lumpini(["release", "--database", url, "--database-schema", "Open Data"])
        XCTAssertEqual(badSchema.status, 2)
        XCTAssertFalse(badSchema.stderr.contains(server.password), badSchema.stderr)
        XCTAssertEqual(badSchema.stderr.split(separator: "\n").count, 1, badSchema.stderr)
    }

    func testMaskingCoversURLsAndKeyValueStrings() throws {
        let uri = try DatabaseURL("postgresql://gis:p%40ss@db.example:5432/city?sslmode=require")
        XCTAssertEqual(uri.description, "postgresql://gis:***@db.example:5432/city?sslmode=require")
        XCTAssertEqual(uri.masking("FATAL: password p@ss and p%40ss rejected"), "FATAL: password *** and *** rejected")
        let keyValue = try DatabaseURL("host=db.example dbname=city password='s3 cret' sslmode=verify-full")
        XCTAssertEqual(keyValue.description, "host=db.example dbname=city password=*** sslmode=verify-full")
        XCTAssertEqual(try DatabaseURL("postgresql://db.example/city?password=abc&sslmode=require").description, "postgresql://db.example/city?password=***&sslmode=require")
        XCTAssertThrowsError(try DatabaseURL("db.example"))
    }
}
