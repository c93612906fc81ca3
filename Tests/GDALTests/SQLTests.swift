import Foundation
import GDAL
import XCTest

/// SQL, transactions and appending through GDAL, on GeoPackages (SQLite's SQL): the same calls the
/// database loader makes on a PostgreSQL connection.
final class SQLTests: XCTestCase {
    private func geoPackage(in directory: URL) throws -> Dataset {
        let dataset = try Dataset.create(directory.appendingPathComponent("db.gpkg").path, driver: Driver(named: "GPKG"))
        try dataset.execute("CREATE TABLE readings (station TEXT, pm25 REAL)")
        return dataset
    }

    func testQueryReturnsRowsAsTextWithNulls() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dataset = try geoPackage(in: directory)
        try dataset.execute("INSERT INTO readings VALUES ('S01', 35.5), ('S02', NULL)")
        let rows = try dataset.query("SELECT station, pm25 FROM readings ORDER BY station")
        XCTAssertEqual(rows, [["S01", "35.5"], ["S02", nil]])
    }

    func testAFailingStatementThrowsTheDriversMessage() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dataset = try geoPackage(in: directory)
        XCTAssertThrowsError(try dataset.execute("INSERT INTO no_such_table VALUES (1)")) { error in
            XCTAssertTrue("\(error)".contains("no_such_table"), "\(error)")
        }
    }

    func testATransactionIsRolledBackWhenItsBodyThrows() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dataset = try geoPackage(in: directory)
        struct Stop: Error {}
        XCTAssertThrowsError(try dataset.inTransaction {
            try dataset.execute("INSERT INTO readings VALUES ('S01', 1)")
            throw Stop()
        })
        try dataset.inTransaction { try dataset.execute("INSERT INTO readings VALUES ('S02', 2)") }
        XCTAssertEqual(try dataset.query("SELECT station FROM readings"), [["S02"]])
    }

    func testAppendCopiesEveryFeatureIntoAnExistingLayerByFieldName() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sourcePath = directory.appendingPathComponent("points.geojson").path
        let features = (0..<250).map { index in
            #"{"type":"Feature","geometry":{"type":"Point","coordinates":[100.5,13.7]},"properties":{"extra":"x","pm25":\#(index),"station":"S\#(index)"}}"#
        }
        try #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#.write(toFile: sourcePath, atomically: true, encoding: .utf8)
        let target = try Dataset.create(directory.appendingPathComponent("target.gpkg").path, driver: Driver(named: "GPKG"))
        let layer = try target.createLayer(named: "readings", spatialReference: .wgs84(), geometryType: .point)
        try layer.createField(FieldDefinition(name: "station", type: .string))
        try layer.createField(FieldDefinition(name: "pm25", type: .real))

        try target.append(from: Dataset.open(sourcePath), toLayer: "readings")

        XCTAssertEqual(try target.query("SELECT count(*), CAST(sum(pm25) AS INTEGER), count(DISTINCT station) FROM readings"), [["250", "31125", "250"]])
        XCTAssertFalse(layer.fields.contains { $0.name == "extra" }, "fields the target lacks are left out, as with ogr2ogr -append")
    }

    func testAppendToAMissingLayerThrows() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dataset = try geoPackage(in: directory)
        let sourcePath = directory.appendingPathComponent("one.geojson").path
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{"a":1}}]}"#.write(toFile: sourcePath, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try dataset.append(from: Dataset.open(sourcePath), toLayer: "readings", arguments: ["-no-such-option"]))
    }

    func testAnUnreachableDatabaseIsAnErrorNamingItOnlyAsTold() throws {
        XCTAssertThrowsError(try Dataset.openPostgreSQL(
            connection: "postgresql://someone:s3cret-pw@127.0.0.1:1/none?connect_timeout=2&sslmode=disable&gssencmode=disable", displayName: "postgresql://someone:***@127.0.0.1:1/none"
        )) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix("postgresql://someone:***@127.0.0.1:1/none"), text)
            XCTAssertFalse(text.contains("s3cret-pw"), text)
        }
    }
}
