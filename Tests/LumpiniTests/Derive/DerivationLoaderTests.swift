import Foundation
import XCTest
@testable import Lumpini

/// `derive:` read strictly: every mistake one error naming the key path and line, and what to do.
final class DerivationLoaderTests: XCTestCase {
    static let derived = DescriptionText.minimal.replacingOccurrences(of: "source:\n  paths: [source/data.csv]\n", with: """
        derive:
          districts: districts-sample
          year: 2024
          steps:
            - step: overlap-area
              input: parks-green-space-sample
            - step: per-person
              input: population-by-district-sample
          indicator:
            definition: Green space per person.
            method: Overlap areas in EPSG:32647 over the population.
            unit: m²/person
            decimals: 2
            reference: SDG 11.7.1 (related)

        """)

    private func loadError(_ text: String) -> LumpiniError? {
        do {
            _ = try DatasetLoader.parse(text)
            return nil
        } catch {
            return error as? LumpiniError
        }
    }

    func testADerivedDatasetHasItsStepsInputsAndFilesRead() throws {
        let description = try DatasetLoader.parse(Self.derived)
        XCTAssertNil(description.source)
        let derivation = try XCTUnwrap(description.derivation)
        XCTAssertEqual(derivation.year, 2024)
        XCTAssertEqual(derivation.steps, [
            .overlapArea(input: "parks-green-space-sample"),
            .perPerson(.init(population: .init(input: "population-by-district-sample", value: "population", yearField: "year"))),
        ])
        XCTAssertEqual(derivation.inputIDs, ["districts-sample", "parks-green-space-sample", "population-by-district-sample"])
        XCTAssertEqual(derivation.filesRead.map(\.fileName), [
            "districts-sample.geojson", "parks-green-space-sample.geojson", "population-by-district-sample.csv",
        ])
        XCTAssertEqual(derivation.indicator.decimals, 2)
    }

    func testEveryShippedIndicatorLoads() throws {
        for id in ["green-space-per-person-sample", "pm25-annual-mean-by-district-sample", "waste-per-person-sample", "park-access-500m-sample"] {
            let url = Fixtures.packageRoot.appendingPathComponent("datasets/\(id)/dataset.yaml")
            let description = try DatasetLoader.load(file: url)
            XCTAssertEqual(description.derivation?.districts, "districts-sample", id)
            XCTAssertEqual(description.derivation?.year, 2024, id)
            XCTAssertEqual(description.schema, "district-indicator", id)
            XCTAssertFalse(description.outputs.csvGeometry, id)
        }
    }

    func testMistakesAreOneLineNamingTheKey() {
        let unknownParameter = loadError(Self.derived.replacingOccurrences(of: "      input: parks-green-space-sample", with: "      input: parks-green-space-sample\n      distanc: 500"))
        XCTAssertEqual(unknownParameter?.code, "yaml-unknown-key")
        XCTAssertEqual(unknownParameter?.field, "derive.steps[0].distanc")
        XCTAssertEqual(unknownParameter?.row, 17)
        XCTAssertTrue(unknownParameter?.description.hasPrefix("dataset.yaml:17: field \"derive.steps[0].distanc\": unknown key") ?? false, unknownParameter?.description ?? "")

        let unknownStep = loadError(Self.derived.replacingOccurrences(of: "step: overlap-area", with: "step: overlap"))
        XCTAssertEqual(unknownStep?.code, "derive-unknown-step")
        XCTAssertTrue(unknownStep?.hint?.contains("overlap-area") ?? false)

        let missing = loadError(Self.derived.replacingOccurrences(of: "      input: parks-green-space-sample\n", with: ""))
        XCTAssertEqual(missing?.code, "yaml-missing-key")
        XCTAssertEqual(missing?.field, "derive.steps[0].input")

        let wrongType = loadError(Self.derived.replacingOccurrences(of: "decimals: 2", with: "decimals: two"))
        XCTAssertEqual(wrongType?.code, "yaml-wrong-type")
        XCTAssertEqual(wrongType?.field, "derive.indicator.decimals")

        let badInput = loadError(Self.derived.replacingOccurrences(of: "input: parks-green-space-sample", with: "input: ../parks"))
        XCTAssertEqual(badInput?.field, "derive.steps[0].input")

        let areaAlone = loadError(Self.derived.replacingOccurrences(of: "    - step: per-person\n      input: population-by-district-sample\n", with: ""))
        XCTAssertNil(areaAlone, "overlap-area alone gives a value per district")
    }

    func testStepsMustCompose() {
        let aggregateFirst = loadError(Self.derived.replacingOccurrences(of: "    - step: overlap-area\n      input: parks-green-space-sample\n", with: "    - step: aggregate\n      function: mean\n"))
        XCTAssertEqual(aggregateFirst?.code, "derive-step-out-of-order")
        XCTAssertEqual(aggregateFirst?.field, "derive.steps[0]")
        XCTAssertTrue(aggregateFirst?.hint?.contains("join-by-district") ?? false)

        let noValue = loadError(Self.derived.replacingOccurrences(
            of: "    - step: overlap-area\n      input: parks-green-space-sample\n    - step: per-person\n      input: population-by-district-sample\n",
            with: "    - step: join-by-district\n      input: waste-tonnage-sample\n      value: tonnes_per_day\n"
        ))
        XCTAssertEqual(noValue?.code, "derive-no-value")
        XCTAssertEqual(noValue?.field, "derive.steps")

        let shareWithoutThreshold = loadError(Self.derived.replacingOccurrences(
            of: "    - step: overlap-area\n      input: parks-green-space-sample\n    - step: per-person\n      input: population-by-district-sample\n",
            with: "    - step: join-by-district\n      input: canal-water-quality-sample\n      value: do\n    - step: aggregate\n      function: share\n"
        ))
        XCTAssertEqual(shareWithoutThreshold?.code, "yaml-missing-key")
        XCTAssertEqual(shareWithoutThreshold?.field, "derive.steps[1].function")
    }

    func testSourceAndDeriveExcludeEachOther() {
        let both = loadError(Self.derived + "source:\n  paths: [source/data.csv]\n")
        XCTAssertEqual(both?.code, "derive-with-source")
        let recipe = loadError(Self.derived + "recipe:\n  - step: clean-text\n")
        XCTAssertEqual(recipe?.code, "derive-with-recipe")
        XCTAssertEqual(recipe?.field, "recipe")
        let neither = loadError(DescriptionText.minimal.replacingOccurrences(of: "source:\n  paths: [source/data.csv]\n", with: ""))
        XCTAssertEqual(neither?.code, "yaml-missing-key")
        XCTAssertEqual(neither?.field, "source")
    }

    func testInputsMustBeOtherDatasetsOfTheWorkspace() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let workspace = Workspace(root: root.path)
        for id in ["test-dataset", "districts-sample", "parks-green-space-sample"] {
            try FileManager.default.createDirectory(at: workspace.datasetDirectory(id), withIntermediateDirectories: true)
        }
        try Self.derived.write(to: workspace.datasetDirectory("test-dataset").appendingPathComponent("dataset.yaml"), atomically: true, encoding: .utf8)
        for id in ["districts-sample", "parks-green-space-sample"] {
            try DescriptionText.minimal.replacingOccurrences(of: "test-dataset", with: id)
                .write(to: workspace.datasetDirectory(id).appendingPathComponent("dataset.yaml"), atomically: true, encoding: .utf8)
        }
        XCTAssertThrowsError(try DatasetLoader.load(id: "test-dataset", in: workspace)) { error in
            let error = error as? LumpiniError
            XCTAssertEqual(error?.code, "derive-input-unknown")
            XCTAssertTrue(error?.message.contains("population-by-district-sample") ?? false, error?.description ?? "")
            XCTAssertEqual(error?.file, "datasets/test-dataset/dataset.yaml")
        }
    }
}
