import GDAL
import XCTest

final class DatasetReadingTests: XCTestCase {
    func testBangkokDistrictPolygons() throws {
        let dataset = try Dataset.open(Fixtures.path("gsvloader-bangkok-districts/Bangkok-districts.geojson"))
        XCTAssertEqual(dataset.driverName, "GeoJSON")
        let layer = try dataset.layer(at: 0)
        XCTAssertEqual(try layer.featureCount(), 50)
        XCTAssertEqual(layer.geometryType, .polygon)
        XCTAssertEqual(layer.spatialReference?.epsgCode, 4326)
        let extent = try XCTUnwrap(try layer.extent())
        XCTAssertEqual(extent.minX, 100.327921, accuracy: 1e-6)
        XCTAssertEqual(extent.maxY, 13.954596, accuracy: 1e-6)
        let dcode = try XCTUnwrap(layer.fields.firstIndex { $0.name == "dcode" })
        var codes = Set<String>()
        var clockwise = 0
        try layer.forEachFeature { feature in
            codes.insert(try XCTUnwrap(feature.string(at: dcode)))
            let ring = try XCTUnwrap(feature.geometry?.geometry(at: 0))
            if ring.isClockwise { clockwise += 1 }
            XCTAssertTrue(try XCTUnwrap(feature.geometry).isValid)
        }
        XCTAssertEqual(codes.count, 50)
        XCTAssertTrue(codes.contains("1025"))
        XCTAssertEqual(clockwise, 50, "SOURCES.md: every outer ring in this file is clockwise")
    }

    func testUTM47LandmarksAreIdentifiedAsEPSG32647() throws {
        let layer = try Dataset.open(Fixtures.path("gistda-nakhonpathom-utm47/L080300_LANDMARK.shp")).layer(at: 0)
        XCTAssertEqual(try layer.featureCount(), 1043)
        XCTAssertEqual(layer.spatialReference?.epsgCode, 32647)
        XCTAssertEqual(layer.spatialReference?.name, "WGS 84 / UTM zone 47N")
        let fields = layer.fields
        XCTAssertEqual(fields.first { $0.name == "lm_id" }?.type, .integer64)
        XCTAssertEqual(fields.first { $0.name == "lm_type" }?.width, 5)
        let first = try XCTUnwrap(try layer.nextFeature())
        XCTAssertEqual(first.value(at: 0), .integer(310))
        XCTAssertEqual(first.string(at: 3), "สถานีบริการน้ำมันพีที")
        XCTAssertEqual(first.value(at: 2), .null, "lm_subtype is null in every feature")
    }

    func testTIS620DBFIsRecodedFromItsCPG() throws {
        let layer = try Dataset.open(Fixtures.path("rio9-eastern-amphoe-tis620/Amphoe_Province_RIO9_WGS1984.shp")).layer(at: 0)
        let first = try XCTUnwrap(try layer.nextFeature())
        let index = try XCTUnwrap(layer.fields.firstIndex { $0.name == "PROV_NAM_T" })
        XCTAssertEqual(first.string(at: index), "จ.ชลบุรี")
    }

    func testRawBytesWhenRecodingIsOff() throws {
        let dataset = try Dataset.open(
            Fixtures.path("rio9-eastern-amphoe-tis620/Amphoe_Province_RIO9_WGS1984.shp"),
            options: .init(openOptions: ["ENCODING": ""])
        )
        let layer = try dataset.layer(at: 0)
        let first = try XCTUnwrap(try layer.nextFeature())
        let index = try XCTUnwrap(layer.fields.firstIndex { $0.name == "PROV_NAM_T" })
        XCTAssertEqual(first.bytes(at: index), [0xA8, 0x2E, 0xAA, 0xC5, 0xBA, 0xD8, 0xC3, 0xD5])
    }

    func testShapefilesWithoutPrjOrDbf() throws {
        let simplified = try Dataset.open(Fixtures.path("apisit-thailand-shp/simplified/thailand.shp")).layer(at: 0)
        XCTAssertNil(simplified.spatialReference)
        XCTAssertEqual(try simplified.featureCount(), 76)
        var multi = 0
        try simplified.forEachFeature { if $0.geometry?.type == .multiPolygon { multi += 1 } }
        XCTAssertEqual(multi, 13, "a Polygon layer holds 13 MultiPolygons: the layer type cannot be trusted")

        let noDBF = try Dataset.open(Fixtures.path("apisit-thailand-shp/no_dbf/thailand.shp")).layer(at: 0)
        XCTAssertEqual(try noDBF.featureCount(), 224)
        XCTAssertTrue(noDBF.fields.isEmpty)
    }

    func testThaiCSVWithOpenOptionsBuildsPoints() throws {
        let dataset = try Dataset.open(
            Fixtures.path("bkk-health-dashboard/health_supply.csv"),
            options: .init(openOptions: ["X_POSSIBLE_NAMES": "LONG", "Y_POSSIBLE_NAMES": "LAT", "AUTODETECT_TYPE": "YES"])
        )
        let layer = try dataset.layer(at: 0)
        XCTAssertEqual(try layer.featureCount(), 294)
        XCTAssertEqual(layer.geometryType, .point)
        let extent = try XCTUnwrap(try layer.extent())
        XCTAssertEqual(extent.minX, 100.331, accuracy: 1e-6)
        XCTAssertEqual(extent.maxY, 13.94392, accuracy: 1e-6)
        XCTAssertEqual(layer.fields.first { $0.name == "HCODE" }?.type, .integer)
    }

    func testNullIsToldApartFromUnset() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("nulls.geojson").path
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"a":null,"b":1},"geometry":null},{"type":"Feature","properties":{"b":2},"geometry":null}]}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        let layer = try Dataset.open(path).layer(at: 0)
        let first = try XCTUnwrap(try layer.nextFeature())
        let second = try XCTUnwrap(try layer.nextFeature())
        XCTAssertEqual(first.value(at: 0), .null)
        XCTAssertEqual(second.value(at: 0), .unset)
        XCTAssertEqual(second.value(at: 1), .integer(2))
    }

    func testLayerThrowsAfterItsDatasetIsClosed() throws {
        let dataset = try Dataset.open(Fixtures.path("gsvloader-bangkok-districts/Bangkok-districts.geojson"))
        let layer = try dataset.layer(at: 0)
        let feature = try XCTUnwrap(try layer.nextFeature())
        try dataset.close()
        XCTAssertThrowsError(try layer.nextFeature())
        XCTAssertThrowsError(try layer.featureCount())
        XCTAssertEqual(feature.fieldCount, 15, "a feature read before closing stays usable")
    }

    func testOpenFailuresCarryThePathAndGDALReason() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let garbage = directory.appendingPathComponent("notes.bin").path
        try Data([0x00, 0x01, 0x02, 0xFF]).write(to: URL(fileURLWithPath: garbage))
        XCTAssertThrowsError(try Dataset.open(garbage)) { error in
            let gdal = error as? GDALError
            XCTAssertEqual(gdal?.path, garbage)
            XCTAssertEqual(gdal?.number, 4, "CPLE_OpenFailed")
            XCTAssertFalse(gdal?.message.isEmpty ?? true)
        }
        XCTAssertThrowsError(try Dataset.open(directory.appendingPathComponent("missing.shp").path))
    }

    func testRemotePathsAreRefusedBeforeGDALSeesThem() {
        for path in ["/vsicurl/https://example.org/a.geojson", "https://example.org/a.csv", "http://x/y.shp",
                     "/vsis3/bucket/key.gpkg", "/vsigs/b/k", "/vsiaz/c/k", "ftp://host/file.csv",
                     "/vsizip//vsicurl/http://example.org/a.zip/a.shp", "/vsicurl_streaming/http://h/a"] {
            XCTAssertTrue(RemotePathPolicy.isRemote(path), path)
            XCTAssertThrowsError(try Dataset.open(path), path) { error in
                XCTAssertTrue((error as? GDALError)?.message.contains("remote") ?? false)
            }
        }
        XCTAssertFalse(RemotePathPolicy.isRemote("/vsizip/data/parks.zip/parks.shp"))
        XCTAssertFalse(RemotePathPolicy.isRemote("datasets/x/source/a.csv"))
    }

    func testAFeatureReadDespiteAFailureSaysWhatFailed() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("text.geojson").path
        let features = [#"["100.5","13.7"]"#, "[100.6,13.8]"].map { coordinates in
            #"{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":"# + coordinates + "}}"
        }
        let document = #"{"type":"FeatureCollection","features":["# + features.joined(separator: ",") + "]}"
        try document.write(toFile: path, atomically: true, encoding: .utf8)
        let layer = try Dataset.open(path).layer(at: 0)
        let first = try XCTUnwrap(try layer.nextFeature())
        XCTAssertTrue(first.readError?.message.contains("coordinate") ?? false, "\(String(describing: first.readError))")
        XCTAssertNil(try XCTUnwrap(try layer.nextFeature()).readError)
    }
}
