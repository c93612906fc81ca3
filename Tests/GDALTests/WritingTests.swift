import Foundation
import GDAL
import XCTest

final class WritingTests: XCTestCase {
    private let drivers: [(name: String, file: String, options: [String: String])] = [
        ("GeoJSON", "parks.geojson", [:]),
        ("CSV", "parks.csv", ["GEOMETRY": "AS_WKT"]),
        ("GPKG", "parks.gpkg", [:]),
        ("FlatGeobuf", "parks.fgb", ["SPATIAL_INDEX": "NO"]),
        ("ESRI Shapefile", "parks.shp", ["ENCODING": "UTF-8"]),
        ("LIBKML", "parks.kml", [:]),
    ]

    func testWriteThenReadRoundTripsForEveryDriver() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for driver in drivers {
            let path = directory.appendingPathComponent(driver.file).path
            let dataset = try Dataset.create(path, driver: Driver(named: driver.name), options: [:])
            let layer = try dataset.createLayer(named: "parks", spatialReference: .wgs84(), geometryType: .polygon, options: driver.options)
            try layer.createField(FieldDefinition(name: "name", type: .string, width: 80))
            try layer.createField(FieldDefinition(name: "area_rai", type: .real, width: 12, precision: 3))
            try layer.createField(FieldDefinition(name: "trees", type: .integer))
            try layer.inTransaction {
                for (index, name) in ["สวนลุมพินี", "สวนจตุจักร"].enumerated() {
                    let feature = try Feature(for: layer)
                    feature.set(.string(name), at: 0)
                    feature.set(.real(360.5 + Double(index)), at: 1)
                    feature.set(.integer(Int64(1000 + index)), at: 2)
                    let x = 100.54 + Double(index) / 100
                    try feature.setGeometry(Geometry(wkt: "POLYGON ((\(x) 13.73, \(x + 0.01) 13.73, \(x + 0.01) 13.74, \(x) 13.74, \(x) 13.73))"))
                    try layer.create(feature)
                }
            }
            try dataset.close()

            let read = try Dataset.open(path).layer(at: 0)
            XCTAssertEqual(try read.featureCount(), 2, driver.name)
            let nameField = driver.name == "LIBKML" ? "Name" : "name"
            let nameIndex = try XCTUnwrap(read.fields.firstIndex { $0.name == nameField }, driver.name)
            let feature = try XCTUnwrap(try read.nextFeature(), driver.name)
            XCTAssertEqual(feature.string(at: nameIndex), "สวนลุมพินี", driver.name)
            if driver.name != "LIBKML" {
                let areaIndex = try XCTUnwrap(read.fields.firstIndex { $0.name == "area_rai" }, driver.name)
                XCTAssertEqual(Double(feature.string(at: areaIndex) ?? ""), 360.5, driver.name)
            }
            let geometry = try XCTUnwrap(feature.geometry, driver.name)
            XCTAssertEqual(geometry.envelope.minX, 100.54, accuracy: 1e-9, driver.name)
            XCTAssertEqual(geometry.area, 0.0001, accuracy: 1e-9, driver.name)
        }
    }

    func testUnknownDriverAndUnwritablePathAreErrors() throws {
        XCTAssertThrowsError(try Driver(named: "NoSuchDriver"))
        XCTAssertTrue(try Driver(named: "GPKG").canCreateVector)
        XCTAssertThrowsError(try Dataset.create("/proc/lumpini-cannot-write-here.gpkg", driver: Driver(named: "GPKG")))
    }
}
