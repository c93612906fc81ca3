import Foundation
import GDAL
@testable import Lumpini

/// Runs a recipe written as YAML over records built in the test, as `lumpini cleanse` would.
struct RecipeHarness {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let vocabularies: Vocabularies = {
        try! Vocabularies.load(directory: packageRoot.appendingPathComponent("schemas/vocabularies"))
    }()

    struct Outcome {
        var kept: [Record]
        var quarantined: [QuarantineEntry]
        var report: CleansingReport
        var fields: [String]

        func column(_ name: String) -> [String?] {
            guard let index = fields.firstIndex(of: name) else { return [] }
            return kept.map { index < $0.values.count ? $0.values[index] : nil }
        }
    }

    /// Parses `recipeYAML` (the list under `recipe:`) in a minimal dataset.yaml.
    static func steps(_ recipeYAML: String) throws -> [RecipeStep] {
        let indented = recipeYAML.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
        return try DatasetLoader.parse(DescriptionText.minimal + "recipe:\n" + indented).recipe
    }

    static func run(
        _ recipeYAML: String, fields: [String], rows: [[String?]], geometries: [Geometry?]? = nil,
        area: DatasetArea = .bangkok(), sourceCRS: String? = nil
    ) throws -> Outcome {
        let context = CleansingContext(
            datasetID: "test", descriptionFile: "dataset.yaml", districts: vocabularies.districts, area: area, sourceCRS: sourceCRS
        )
        let runner = try RecipeRunner(recipe: try steps(recipeYAML), inputFields: fields, context: context)
        var kept: [Record] = []
        var quarantined: [QuarantineEntry] = []
        for (index, values) in rows.enumerated() {
            let record = Record(rowNumber: index + 2, values: values, geometry: geometries?[index])
            switch try runner.process(record) {
            case .kept(let record): kept.append(record)
            case .quarantined(let entry): quarantined.append(entry)
            }
        }
        return Outcome(kept: kept, quarantined: quarantined, report: try runner.finish(), fields: runner.outputFields)
    }
}

/// dataset.yaml texts for tests.
enum DescriptionText {
    static let minimal = """
        id: test-dataset
        title: {th: ชุดข้อมูลทดสอบ, en: Test dataset}
        description: {th: คำอธิบาย, en: A description}
        publisher: ENV
        contact: {name: Data officer, email: data@example.go.th}
        theme: environment
        license: CC-BY-4.0
        classification: public
        updateFrequency: monthly
        governance: {status: pending}
        source:
          paths: [source/data.csv]

        """
}
