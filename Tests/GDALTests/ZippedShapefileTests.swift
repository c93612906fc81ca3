import Foundation
import GDAL
import XCTest

/// GDAL writes a Shapefile straight into a `.shp.zip`; Lumpini publishes zipped Shapefiles this way.
final class ZippedShapefileTests: XCTestCase {
    func testShapefileWrittenIntoZipKeepsThaiTextAndDeclaresUTF8() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zipped-shp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("parks.shp.zip").path

        let dataset = try Dataset.create(path, driver: Driver(named: "ESRI Shapefile"))
        let layer = try dataset.createLayer(named: "parks", spatialReference: .wgs84(), geometryType: .point, options: ["ENCODING": "UTF-8"])
        try layer.createField(FieldDefinition(name: "name", type: .string))
        let feature = try Feature(for: layer)
        feature.set(.string("สวนลุมพินี"), at: 0)
        try feature.setGeometry(Geometry(x: 100.5415, y: 13.7306))
        try layer.create(feature)
        try dataset.close()

        let listing = try Dataset.open("/vsizip/\(path)")
        let readLayer = try listing.layer(at: 0)
        XCTAssertEqual(try readLayer.featureCount(), 1)
        let read = try XCTUnwrap(readLayer.nextFeature())
        XCTAssertEqual(read.string(at: 0), "สวนลุมพินี")
        XCTAssertEqual(readLayer.spatialReference?.epsgCode, 4326)

        let unzip = Process()
        unzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        unzip.arguments = ["python3", "-c", "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); print(z.read('parks.cpg').decode())", path]
        let output = Pipe()
        unzip.standardOutput = output
        try unzip.run()
        unzip.waitUntilExit()
        let cpg = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(cpg.trimmingCharacters(in: .whitespacesAndNewlines), "UTF-8")
    }
}
