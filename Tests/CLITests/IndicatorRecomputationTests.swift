import Foundation
import TestSupport
import XCTest

/// The district indicators derived from the samples, released by the real binary and recomputed by an
/// independent tool (`Tests/Indicators/recompute.py`: shapely and pyproj, from the definitions in
/// docs/indicators.md) district by district: on the generated sample districts, and again with the real
/// Bangkok district polygons of the shared fixtures in their place.
///
/// The first two need datasets that declare `derive:` (the derive engine and the indicators' dataset.yaml):
/// where none is released, they fail saying that no derived dataset was found, never pass or skip.
final class IndicatorRecomputationTests: XCTestCase {
    static let checker = CLIRunner.packageRoot.appendingPathComponent("Tests/Indicators/recompute.py")
    /// The 50 real khet polygons, `dcode` 1001–1050 (the fixture's SOURCES.md): read at run time, never shipped.
    static let realDistricts = CLIRunner.fixtures.appendingPathComponent("gsvloader-bangkok-districts/Bangkok-districts.geojson")

    /// The reference environment's Python, with shapely and pyproj importable.
    private func python() throws -> URL {
        let python = try ReferenceTools.tool("python")
        let probe = try CLIRunner.run(["-c", "import shapely, pyproj"], executable: python)
        guard probe.status == 0 else { throw MissingModules(python: python.path) }
        return python
    }

    struct MissingModules: Error, CustomStringConvertible {
        let python: String
        var description: String { "shapely and pyproj are missing from \(python): `make venv` installs them" }
    }

    /// The repository's datasets and schemas in a temporary workspace.
    private func workspaceCopy() throws -> URL {
        let root = try CLIRunner.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        for folder in ["datasets", "schemas"] {
            try FileManager.default.copyItem(at: CLIRunner.packageRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        return root
    }

    /// Releases every dataset of `root` and runs the checker over every derived dataset of the public tree.
    private func releaseAndRecompute(_ root: URL, python: URL) throws {
        let publicRoot = root.appendingPathComponent("public")
        let release = try CLIRunner.run(["release", "--no-site", "--root", root.path, "--public", publicRoot.path], timeout: 900)
        XCTAssertLessThanOrEqual(release.status, 1, release.stderr)
        let released = try FileManager.default.contentsOfDirectory(atPath: publicRoot.path).sorted().filter { !$0.hasPrefix(".") && !$0.hasPrefix("_") }
        let derived = released.filter { id in
            let manifest = publicRoot.appendingPathComponent("\(id)/latest/manifest.json")
            guard let data = try? Data(contentsOf: manifest),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return false }
            return object["derivedFrom"] != nil
        }
        guard !derived.isEmpty else {
            return XCTFail("no derived dataset found in the released public tree (no manifest has derivedFrom): "
                + "these checks need the derive engine and the indicators' dataset.yaml (derive:); released: \(released.joined(separator: ", "))")
        }
        for indicator in ["green-space-per-person-sample", "pm25-annual-mean-by-district-sample", "waste-per-person-sample", "park-access-500m-sample"] {
            XCTAssertTrue(derived.contains(indicator), "\(indicator) was not released: \(release.stdout) \(release.stderr)")
        }
        let check = try CLIRunner.run([Self.checker.path, publicRoot.path] + derived, timeout: 600, executable: python)
        XCTAssertEqual(check.status, 0, "the recomputation disagrees:\n\(check.stdout)\(check.stderr)")
        XCTAssertEqual(check.stdout.components(separatedBy: "agrees with its recomputation").count - 1, derived.count, check.stdout)
    }

    /// Needs the derive engine (see the type's comment).
    func testShippedIndicatorsAgreeWithAnIndependentRecomputation() throws {
        try releaseAndRecompute(try workspaceCopy(), python: try python())
    }

    /// Needs the derive engine (see the type's comment). districts-sample's source replaced by the real
    /// boundaries, matched on their `dcode`: real shapes, with their slivers and 80,000 vertices.
    func testIndicatorsOnTheRealBangkokDistrictPolygons() throws {
        let python = try python()
        let root = try workspaceCopy()
        let folder = root.appendingPathComponent("datasets/districts-sample")
        let source = folder.appendingPathComponent("source/districts.geojson")
        try FileManager.default.removeItem(at: source)
        try FileManager.default.copyItem(at: Self.realDistricts, to: source)
        let yaml = folder.appendingPathComponent("dataset.yaml")
        let text = try String(contentsOf: yaml, encoding: .utf8)
        XCTAssertTrue(text.contains("    field: KHET_NAME\n"))
        try text.replacingOccurrences(of: "    field: KHET_NAME\n", with: "    field: dcode\n").write(to: yaml, atomically: true, encoding: .utf8)
        try releaseAndRecompute(root, python: python)
        let districts = root.appendingPathComponent("public/districts-sample/latest/manifest.json")
        let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: districts)) as? [String: Any])
        XCTAssertEqual((manifest["counts"] as? [String: Any])?["rowsPublished"] as? Int, 50, "all 50 real districts published")
    }

    /// The checker itself, on a small public tree whose figures are worked out by hand: it agrees with
    /// right figures and fails on a wrong value, count, note, row or input hash (Tests/Indicators/test_recompute.py).
    func testTheCheckerFailsOnWrongFigures() throws {
        let run = try CLIRunner.run(["-m", "unittest", "discover", "-s", Self.checker.deletingLastPathComponent().path],
                                    timeout: 600, executable: try python())
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stderr.contains("OK"), run.stderr)
    }
}
