import XCTest
@testable import LumpiniPublish

/// The waves a release builds its datasets in, and the cycles it refuses.
final class ReleaseOrderTests: XCTestCase {
    func testDerivedDatasetsComeAfterTheInputsOfTheSameRelease() {
        let inputs = ["green": ["districts", "parks"], "ranked": ["green", "districts"]]
        let order = ReleaseOrder(ids: ["districts", "green", "parks", "ranked", "other"]) { inputs[$0] }
        XCTAssertEqual(order.waves, [["districts", "parks", "other"], ["green"], ["ranked"]])
        XCTAssertEqual(order.cycles, [:])
        XCTAssertEqual(order.inputs["green"], ["districts", "parks"])
    }

    func testInputsOutsideTheReleaseAreReadAsPublished() {
        let order = ReleaseOrder(ids: ["green"]) { $0 == "green" ? ["districts", "parks"] : nil }
        XCTAssertEqual(order.waves, [["green"]])
        XCTAssertEqual(order.inputs["green"], [])
    }

    func testACycleIsNamedForEachOfItsDatasetsAndTheirDependentsStillWait() {
        let inputs = ["a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"]]
        let order = ReleaseOrder(ids: ["a", "b", "c", "d", "e"]) { inputs[$0] }
        XCTAssertEqual(order.cycles, ["a": "a → b → c → a", "b": "a → b → c → a", "c": "a → b → c → a"])
        XCTAssertEqual(order.waves.flatMap { $0 }.sorted(), ["d", "e"])
        XCTAssertEqual(order.waves.first, ["e"], "d waits for a wave after its input, whose cycle fails it")
    }
}
