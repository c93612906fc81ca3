import Foundation

/// What `lumpini new` writes for one layer of a file an agency sent: a `dataset.yaml` with what
/// `inspect` found (header, encoding, coordinates), the suggested recipe and why, and the schema
/// inferred from the values that recipe gives. The description is parsed back by the loader and its
/// recipe run by `DatasetCleansing`, as publishing runs it, so the schema types what will be
/// published. `inspect` shows the same types.
package struct DatasetDraft {
    let report: InspectionReport
    let layer: InspectionReport.LayerReport
    let recipe: RecipeSuggestion
    let schema: SchemaDraft

    /// - Parameter path: the file, read where it is; `source.paths` names it `source/<its name>`.
    /// - Throws: `LumpiniError` when the file cannot be read.
    init(id: String, path: String, report: InspectionReport, layer: InspectionReport.LayerReport, vocabularies: Vocabularies) throws {
        self.report = report
        self.layer = layer
        recipe = RecipeSuggestion(layer: layer)
        let fileName = URL(fileURLWithPath: path).lastPathComponent
        let text = DraftDescriptionText(id: id, sourceFile: fileName, report: report, layer: layer, recipe: recipe).render(schema: nil)
        var description = try DatasetLoader.parse(text)
        description.source?.paths = [fileName]
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            schema = try SchemaDraft.infer(from: DatasetCleansing(description: description, directory: directory, vocabularies: vocabularies))
        } catch let error as LumpiniError where description.source?.crs == DatasetCheck.placeholder {
            // Without its CRS the geometry cannot be read as published; the columns can.
            description.source?.crs = nil
            description.recipe.removeAll { Self.geometryOnlySteps.contains($0.name) }
            guard let schema = try? SchemaDraft.infer(from: DatasetCleansing(description: description, directory: directory, vocabularies: vocabularies)) else {
                throw error
            }
            self.schema = schema
        }
    }

    static let geometryOnlySteps: Set<String> = [
        Reproject.name, MakeValid.name, RequireGeometry.name, FixSwappedCoordinates.name, RequireInArea.name, RoundCoordinates.name, WindRings.name,
    ]

    /// The `dataset.yaml` text, with the schema's suggestions.
    func descriptionText(id: String, sourceFile: String) -> String {
        DraftDescriptionText(id: id, sourceFile: sourceFile, report: report, layer: layer, recipe: recipe).render(schema: schema)
    }

    /// `inspect`'s report with each field's type as `new` infers it: the schema type of the field the
    /// suggested recipe gives under the same name (none for a field it drops or a draft that cannot run).
    /// - Throws: `LumpiniError` when the file cannot be read.
    package static func inspect(path: String, layer: String? = nil, vocabularies: Vocabularies) throws -> InspectionReport {
        var report = try Inspector.inspect(path: path, layer: layer)
        for (index, layer) in report.layers.enumerated() {
            guard let draft = try? DatasetDraft(id: "draft", path: path, report: report, layer: layer, vocabularies: vocabularies) else { continue }
            let types = Dictionary(draft.schema.fields.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
            for field in report.layers[index].fields.indices {
                report.layers[index].fields[field].inferredType = types[report.layers[index].fields[field].name]
            }
        }
        return report
    }
}
