import Foundation

/// `lumpini new <id> --from <file>`: starts a dataset from a file an agency sent: copies it (with
/// a shapefile's sidecar files) into `datasets/<id>/source/`, and writes a `dataset.yaml` with
/// what `inspect` found filled in, `TODO` where a person must write, a suggested recipe, and an
/// inferred Table Schema in `schemas/<id>.schema.json`. `lumpini check` then lists what is left.
public enum DatasetScaffold {
    public struct Result: Codable, Sendable {
        public var dataset: String
        /// Files written, relative to the root.
        public var files: [String]
        /// The suggested recipe's step names, in order.
        public var recipe: [String]
    }

    static let districtFieldNames: Set<String> = ["district", "dname", "khet", "เขต", "district_name", "amphoe", "เขตพื้นที่"]

    /// - Throws: `LumpiniError` for an id that is not a slug, a dataset that exists already, or a
    ///   file that cannot be read.
    public static func create(id: String, from file: String, workspace: Workspace) throws -> Result {
        try Slug.require(id, what: "dataset id")
        let directory = workspace.datasetDirectory(id)
        guard !FileManager.default.fileExists(atPath: directory.path) else {
            throw LumpiniError("dataset-exists", "datasets/\(id) exists already", kind: .input, hint: "choose another id or remove the folder")
        }
        let report = try Inspector.inspect(path: file)
        guard let layer = report.layers.first else {
            throw LumpiniError("no-layers", "the file holds no layer or sheet", kind: .input, file: file)
        }
        let source = directory.appendingPathComponent("source", isDirectory: true)
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        let fileURL = URL(fileURLWithPath: file)
        var copied: [String] = []
        for sibling in siblings(of: fileURL) {
            try FileManager.default.copyItem(at: sibling, to: source.appendingPathComponent(sibling.lastPathComponent))
            copied.append("datasets/\(id)/source/\(sibling.lastPathComponent)")
        }
        let hasGeometry = !layer.geometryTypes.isEmpty
        let recipe = suggestedRecipe(layer: layer, hasGeometry: hasGeometry, crs: layer.crs.epsg)
        let schemaFields = layer.fields.map { field in (field.name, schemaType(field.inferredType)) }
        let yaml = descriptionText(id: id, sourceFile: fileURL.lastPathComponent, report: report, layer: layer, recipe: recipe)
        try Data(yaml.utf8).write(to: directory.appendingPathComponent(DatasetDescription.fileName))
        try FileManager.default.createDirectory(at: workspace.schemasDirectory, withIntermediateDirectories: true)
        let schemaURL = workspace.schemasDirectory.appendingPathComponent("\(id).schema.json")
        if !FileManager.default.fileExists(atPath: schemaURL.path) {
            let schema = SchemaDraft(
                fields: schemaFields.map { ["name": $0.0, "type": $0.1] } + districtSchemaFields(recipe), missingValues: [""])
            try JSONOutput.data(schema).write(to: schemaURL)
        }
        return Result(
            dataset: id, files: copied + ["datasets/\(id)/\(DatasetDescription.fileName)", "schemas/\(id).schema.json"],
            recipe: recipe.map(\.name)
        )
    }

    /// The file and, for a shapefile, its sidecars (.shx, .dbf, .prj, .cpg, …).
    static func siblings(of file: URL) -> [URL] {
        guard file.pathExtension.lowercased() == "shp" else { return [file] }
        let base = file.deletingPathExtension().lastPathComponent
        let folder = file.deletingLastPathComponent()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { ($0 as NSString).deletingPathExtension == base }.sorted().map { folder.appendingPathComponent($0) }
    }

    struct SuggestedStep {
        var name: String
        var parameters: [(String, String)] = []
    }

    static func suggestedRecipe(layer: InspectionReport.LayerReport, hasGeometry: Bool, crs: Int?) -> [SuggestedStep] {
        var steps = [SuggestedStep(name: CleanText.name)]
        let fields = layer.fields
        func named(_ predicate: (InspectionReport.FieldReport) -> Bool) -> [String] { fields.filter(predicate).map(\.name) }
        if !named({ $0.notes.contains { $0.contains("missing-value") } }).isEmpty {
            steps.append(SuggestedStep(name: MissingValues.name))
        }
        let coordinateFields = Set(layer.coordinateHints.flatMap { [$0.x, $0.y] })
        let dates = named { ["date", "datetime"].contains($0.inferredType) }
        if !dates.isEmpty { steps.append(SuggestedStep(name: ParseDates.name, parameters: [("fields", list(dates))])) }
        let numbers = named { ["number", "integer"].contains($0.inferredType) && $0.gdalType == "String" && !coordinateFields.contains($0.name) }
        if !numbers.isEmpty { steps.append(SuggestedStep(name: ParseNumbers.name, parameters: [("fields", list(numbers))])) }
        let digits = named { $0.notes.contains { $0.contains("Thai digits") } && !numbers.contains($0.name) && !dates.contains($0.name) }
        if !digits.isEmpty { steps.append(SuggestedStep(name: ThaiDigits.name, parameters: [("fields", list(digits))])) }
        if let district = fields.first(where: { districtFieldNames.contains($0.name.lowercased()) }) {
            steps.append(SuggestedStep(name: MatchDistricts.name, parameters: [("field", YAMLText.quoted(district.name))]))
        }
        if let hint = layer.coordinateHints.first {
            let (x, y) = hint.kind == "lat-lon-swapped" ? (hint.y, hint.x) : (hint.x, hint.y)
            let crs = hint.kind == "utm-47n" ? "EPSG:32647" : "EPSG:4326"
            steps.append(SuggestedStep(name: PointsFromColumns.name, parameters: [("x", YAMLText.quoted(x)), ("y", YAMLText.quoted(y)), ("crs", crs)]))
            steps.append(SuggestedStep(name: RequireInArea.name))
            steps.append(SuggestedStep(name: DropColumns.name, parameters: [("fields", list([hint.x, hint.y]))]))
        } else if hasGeometry {
            if crs != 4326 { steps.append(SuggestedStep(name: Reproject.name)) }
            steps += [MakeValid.name, RequireGeometry.name, FixSwappedCoordinates.name, RequireInArea.name, RoundCoordinates.name, WindRings.name]
                .map { SuggestedStep(name: $0) }
        }
        return steps
    }

    /// The Table Schema `new` writes: a field per column, and the empty cell as the missing value.
    struct SchemaDraft: Encodable {
        var fields: [[String: String]]
        var missingValues: [String]
    }

    static func districtSchemaFields(_ recipe: [SuggestedStep]) -> [[String: String]] {
        guard recipe.contains(where: { $0.name == MatchDistricts.name }) else { return [] }
        return [["name": "district_code", "type": "string"], ["name": "district_th", "type": "string"], ["name": "district_en", "type": "string"]]
    }

    static func schemaType(_ inferred: String) -> String {
        ["boolean", "integer", "number", "date", "datetime"].contains(inferred) ? inferred : "string"
    }

    static func list(_ items: [String]) -> String {
        "[" + items.map { YAMLText.quoted($0) }.joined(separator: ", ") + "]"
    }

    static func descriptionText(id: String, sourceFile: String, report: InspectionReport, layer: InspectionReport.LayerReport, recipe: [SuggestedStep]) -> String {
        let todo = DatasetCheck.placeholder
        var lines = [
            "# Written by `lumpini new` from \(YAMLText.quoted(sourceFile)). Replace every \(todo), then run `lumpini check \(id)`.",
            "id: \(id)",
            "title:",
            "  th: \"\(todo): ชื่อชุดข้อมูล\"",
            "  en: \"\(todo): dataset title\"",
            "description:",
            "  th: \"\(todo): คำอธิบายชุดข้อมูล\"",
            "  en: \"\(todo): what the data is, where it comes from, how often it changes\"",
            "publisher: \(todo)   # an agency code of schemas/vocabularies/agencies.tsv, e.g. ENV",
            "contact:",
            "  name: \"\(todo)\"",
            "  email: \(todo)@example.org",
            "theme: \(todo)   # a theme of schemas/vocabularies/themes.tsv, e.g. environment",
            "keywords:",
            "  th: []",
            "  en: []",
            "license: CC-BY-4.0",
            "classification: public",
            "highValue:",
            "  flag: false",
            "updateFrequency: irregular",
            "governance:",
            "  status: draft",
            "source:",
            "  paths: [\(YAMLText.quoted("source/" + sourceFile))]",
        ]
        if report.layers.count > 1 { lines.append("  layer: \(YAMLText.quoted(layer.name))") }
        if !["UTF-8", "UTF-8-BOM"].contains(report.encoding.name) {
            lines.append("  encoding: \(report.encoding.name)   # detected (\(Int(report.encoding.confidence * 100))% sure)")
        }
        if let hint = layer.coordinateHints.first {
            let (x, y) = hint.kind == "lat-lon-swapped" ? (hint.y, hint.x) : (hint.x, hint.y)
            lines.append("  coordinates: {x: \(YAMLText.quoted(x)), y: \(YAMLText.quoted(y))}   # \(YAMLText.quoted(hint.message))")
        } else if !layer.geometryTypes.isEmpty, layer.crs.epsg == nil {
            lines.append("  crs: \(todo)   # the file declares no CRS: EPSG:32647 (UTM 47N), EPSG:24047 (Indian 1975) or EPSG:4326")
        }
        lines.append("schema: \(id)")
        lines.append("recipe:")
        for step in recipe {
            lines.append("  - step: \(step.name)")
            for (key, value) in step.parameters { lines.append("    \(key): \(value)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
