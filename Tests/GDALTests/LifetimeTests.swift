import Foundation
import GDAL
import XCTest

final class LifetimeTests: XCTestCase {
    /// Resident memory in bytes, from /proc/self/statm.
    private func residentBytes() -> Int {
        let text = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? "0 0"
        let pages = Int(text.split(separator: " ")[1]) ?? 0
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    func testOpeningAndClosingTenThousandDatasetsKeepsMemoryFlat() throws {
        // RTLD_DEFAULT is (void *)0 on glibc.
        if dlsym(nil, "__asan_init") != nil {
            throw XCTSkip("AddressSanitizer holds freed memory in quarantine, so RSS is not flat there; its leak check covers this run")
        }
        let path = Fixtures.path("bma-communities-aqdash/community_point.csv")
        func openAndRead(_ times: Int) throws {
            for _ in 0..<times {
                let layer = try Dataset.open(path).layer(at: 0)
                _ = try layer.nextFeature()?.string(at: 1)
            }
        }
        try openAndRead(500)
        let before = residentBytes()
        try openAndRead(10_000)
        let growth = residentBytes() - before
        XCTAssertLessThan(growth, 8 << 20, "resident memory grew by \(growth / 1024) KiB over 10,000 open/close cycles")
    }

    func testBorrowedGeometryKeepsItsFeatureAlive() throws {
        let layer = try Dataset.open(Fixtures.path("gsvloader-bangkok-districts/Bangkok-districts.geojson")).layer(at: 0)
        var ring: Geometry?
        do {
            let polygon = try XCTUnwrap(try layer.nextFeature()?.geometry)
            ring = polygon.geometry(at: 0)
        }
        XCTAssertGreaterThan(try XCTUnwrap(ring).pointCount, 100)
    }
}
