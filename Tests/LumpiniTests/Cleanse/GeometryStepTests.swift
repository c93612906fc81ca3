import GDAL
import XCTest
@testable import Lumpini

final class GeometryStepTests: XCTestCase {
    func testPointsFromUTMColumnsAreReprojectedAndSwappedOnesFixed() throws {
        let outcome = try RecipeHarness.run("""
            - step: points-from-columns
              x: e
              y: n
              crs: EPSG:32647
            - step: require-in-area
            - step: round-coordinates
              precision: 5
            """, fields: ["e", "n"], rows: [
                ["662000", "1521500"],      // near Lumpini Park
                ["1521500", "662000"],      // the agency swapped easting and northing
                ["", "1521500"],
                ["abc", "1"],
                ["500000", "1000000"],      // in zone 47N but far south of Bangkok
            ])
        XCTAssertEqual(outcome.kept.count, 2)
        let first = try XCTUnwrap(outcome.kept[0].geometry).point(at: 0)
        let second = try XCTUnwrap(outcome.kept[1].geometry).point(at: 0)
        XCTAssertEqual(first.x, second.x)
        XCTAssertEqual(first.y, second.y)
        XCTAssertEqual(first.x, 100.50, accuracy: 0.05)
        XCTAssertEqual(first.y, 13.76, accuracy: 0.05)
        XCTAssertEqual(outcome.quarantined.map(\.reason), ["missing-coordinates", "invalid-coordinates", "outside-area"])
        XCTAssertEqual(outcome.report.repairs.map(\.action), ["swapped-coordinates"])
        XCTAssertEqual(outcome.report.repairs.first?.row, 3)
    }

    func testSwappedLonLatGeometriesAreFixedOnlyWhenTheSwapFallsInside() throws {
        let geometries = try [Geometry(x: 13.75, y: 100.5), Geometry(x: 100.5, y: 13.75), Geometry(x: 1, y: 2)]
        let outcome = try RecipeHarness.run(
            "- step: fix-swapped-coordinates\n- step: require-in-area", fields: ["id"], rows: [["a"], ["b"], ["c"]], geometries: geometries
        )
        XCTAssertEqual(outcome.kept.map { $0.geometry!.point(at: 0).x }, [100.5, 100.5])
        XCTAssertEqual(outcome.quarantined.map(\.reason), ["outside-area"])
        XCTAssertEqual(outcome.report.steps.first?.changed, 1)
    }

    func testBowTieIsMadeValidAndRingsAreWoundForRFC7946() throws {
        let bowTie = try Geometry(wkt: "POLYGON ((100.5 13.7, 100.6 13.8, 100.6 13.7, 100.5 13.8, 100.5 13.7))")
        let clockwise = try Geometry(wkt: "POLYGON ((100.5 13.7, 100.5 13.8, 100.6 13.8, 100.6 13.7, 100.5 13.7))")
        let outcome = try RecipeHarness.run("- step: make-valid\n- step: wind-rings", fields: ["id"], rows: [["bow"], ["cw"]], geometries: [bowTie, clockwise])
        let repaired = try XCTUnwrap(outcome.kept[0].geometry)
        XCTAssertTrue(repaired.isValid)
        XCTAssertEqual(repaired.type, .multiPolygon)
        XCTAssertEqual(outcome.report.repairs.map(\.action), ["made-valid"])
        XCTAssertTrue(outcome.report.repairs[0].detail.lowercased().contains("self-intersection"))
        let wound = try XCTUnwrap(outcome.kept[1].geometry?.geometry(at: 0))
        XCTAssertFalse(wound.isClockwise)
        XCTAssertEqual(outcome.report.steps.first { $0.step == "wind-rings" }?.changed, 2)
    }

    func testMissingAndEmptyGeometriesAreQuarantined() throws {
        let outcome = try RecipeHarness.run("- step: require-geometry\n  types: [Point]", fields: ["id"], rows: [["a"], ["b"], ["c"], ["d"]], geometries: [
            try Geometry(x: 100.5, y: 13.7), nil, try Geometry(empty: .point), try Geometry(wkt: "LINESTRING (100.5 13.7, 100.6 13.8)"),
        ])
        XCTAssertEqual(outcome.quarantined.map(\.reason), ["missing-geometry", "empty-geometry", "wrong-geometry-type"])
    }

    func testWKTColumnInIndian1975() throws {
        let outcome = try RecipeHarness.run("- step: geometry-from-wkt\n  field: wkt\n  crs: EPSG:24047", fields: ["wkt"], rows: [
            ["POINT (662000 1521500)"], ["POINT (oops)"],
        ])
        let point = try XCTUnwrap(outcome.kept.first?.geometry).point(at: 0)
        XCTAssertEqual(point.x, 100.5, accuracy: 0.05)
        XCTAssertEqual(outcome.quarantined.map(\.reason), ["invalid-geometry"])
    }

    /// `reproject` moves every point: the report counts each row moved, with its coordinates before and after.
    func testReprojectReportsEveryRowItMoved() throws {
        let geometries = try ["POINT (662000 1521500)", "POINT (663000 1522000)", "POINT (664000 1520000)"].map { try Geometry(wkt: $0) }
        let outcome = try RecipeHarness.run(
            "- step: reproject", fields: ["name"], rows: [["a"], ["b"], ["c"]], geometries: geometries, sourceCRS: "EPSG:32647"
        )
        XCTAssertEqual(outcome.kept.count, 3)
        let change = try XCTUnwrap(outcome.report.steps.first { $0.step == "reproject" })
        XCTAssertEqual(change.field, "geometry")
        XCTAssertEqual(change.changed, 3)
        XCTAssertEqual(change.examples.first?.before, "POINT (662000 1521500)")
        XCTAssertTrue(change.examples.first?.after?.hasPrefix("POINT (100.49") ?? false, change.examples.first?.after ?? "")
    }
}
