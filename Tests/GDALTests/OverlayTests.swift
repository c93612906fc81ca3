import GDAL
import XCTest

/// The overlay calls the derived indicators are built on, here so that they also run under AddressSanitizer
/// (`make test-asan`): each returns a geometry of its own that outlives its inputs.
final class OverlayTests: XCTestCase {
    func testIntersectionKeepsWhatBothCoverAndOutlivesItsInputs() throws {
        var overlap: Geometry
        do {
            let district = try Geometry(wkt: "POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0))")
            let park = try Geometry(wkt: "POLYGON ((8 2, 8 4, 12 4, 12 2, 8 2))")
            overlap = try district.intersection(park)
        }
        XCTAssertEqual(overlap.area, 4, accuracy: 1e-9, "half of the 2 × 4 park lies in the district")
        let apart = try Geometry(wkt: "POLYGON ((20 20, 20 21, 21 21, 21 20, 20 20))")
        XCTAssertTrue(try overlap.intersection(apart).isEmpty)
    }

    func testBufferDrawsEachQuarterCircleWithTheSegmentsAsked() throws {
        let point = try Geometry(x: 0, y: 0)
        // A regular polygon of 4n sides inscribed in the circle: area = 2n r² sin(π / 2n).
        for segments in [8, 16] {
            let expected = 2 * Double(segments) * 100 * 100 * sin(Double.pi / Double(2 * segments))
            XCTAssertEqual(try point.buffer(distance: 100, quadrantSegments: segments).area, expected, accuracy: 1e-6)
        }
    }

    func testUnionOfMembersDissolvesOverlapsAndPointOnSurfaceLiesInside() throws {
        let members = try Geometry(wkt: "MULTIPOLYGON (((0 0, 0 2, 2 2, 2 0, 0 0)), ((1 0, 1 2, 3 2, 3 0, 1 0)))")
        let dissolved = try members.unionOfMembers()
        XCTAssertEqual(dissolved.area, 6, accuracy: 1e-9, "the overlapping square counts once")
        let horseshoe = try Geometry(wkt: "POLYGON ((0 0, 0 10, 10 10, 10 0, 8 0, 8 8, 2 8, 2 0, 0 0))")
        let centroid = try horseshoe.centroid()
        XCTAssertFalse(horseshoe.contains(centroid), "a horseshoe's centroid is outside it")
        XCTAssertTrue(horseshoe.contains(try horseshoe.pointOnSurface()))
    }
}
