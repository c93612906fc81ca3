/// The `dataset.yaml` that `lumpini new` writes: `TODO` where a person must write, what was found
/// in the file filled in, and beside each decision a comment saying why, for the officer to read
/// and change. Text from the file goes in quoted (`YAMLText`), in values and comments alike; the
/// rest of each comment is Lumpini's own words.
struct DraftDescriptionText {
    let id: String
    let sourceFile: String
    let report: InspectionReport
    let layer: InspectionReport.LayerReport
    let recipe: RecipeSuggestion

    func render(schema: SchemaDraft?) -> String {
        let todo = DatasetCheck.placeholder
        var lines = [
            "# Written by `lumpini new` from \(YAMLText.quoted(sourceFile)). Replace every \(todo), then run `lumpini check \(id)`.",
            "# The comments say what `new` found in the file and why it chose each value and step: change what does not fit.",
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
            "# The Thai GD Catalog fields the national catalogue requires that no key above gives (docs/dataset-yaml.md).",
            "gdCatalog:",
            "  objective: \(todo)   # one or more, comma-separated: พันธกิจหน่วยงาน, เพื่อการให้บริการประชาชน, ยุทธศาสตร์ชาติ, นโยบายรัฐบาล/ข้อสั่งการนายกรัฐมนตรี, …",
        ]
        // A layer with geometry is "ข้อมูลภูมิสารสนเทศเชิงพื้นที่" without being told; a table is statistics or records.
        if layer.geometryTypes.isEmpty && layer.coordinateHints.isEmpty {
            lines.append("  data_type: \(todo)   # ข้อมูลสถิติ (statistics) or ข้อมูลระเบียน (records)")
        }
        lines += [
            "source:",
            "  paths: [\(YAMLText.quoted("source/" + sourceFile))]",
        ]
        if report.layers.count > 1 { lines.append("  layer: \(YAMLText.quoted(layer.name))   # the first of \(report.layers.count) layers") }
        if !["UTF-8", "UTF-8-BOM"].contains(report.encoding.name) {
            let sure = Int(report.encoding.confidence * 100)
            lines.append("  encoding: \(report.encoding.name)   # \(Self.comment("detected, \(sure)% sure: \(report.encoding.source)"))")
        }
        if let header = layer.header, header.row != 1 || header.rows != 1 {
            lines.append("  headerRow: \(header.row)   # \(Self.comment(header.reason))")
            if header.rows > 1 { lines.append("  headerRows: \(header.rows)") }
        }
        if layer.coordinateHints.isEmpty, !layer.geometryTypes.isEmpty, layer.crs.epsg == nil {
            lines.append("  crs: \(todo)   # the file declares no CRS: EPSG:32647 (UTM 47N), EPSG:24047 (Indian 1975) or EPSG:4326")
        }
        lines.append("schema: \(id)   # schemas/\(id).schema.json" + (schema.map { ": types inferred from the rows the recipe below kept (\($0.rowsRead))" } ?? ""))
        for suggestion in schema?.suggestions(schemaFile: "schemas/\(id).schema.json") ?? [] {
            lines.append("#   \(Self.comment(suggestion))")
        }
        lines.append("recipe:")
        for step in recipe.steps {
            lines.append("  - step: \(step.name)" + (step.reason.map { "   # \(Self.comment($0))" } ?? ""))
            for (key, value) in step.parameters { lines.append("    \(key): \(value)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line of comment: a line break, or any character YAML would not print, ends no comment early.
    static func comment(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF ? " " : scalar
        }))
    }
}
