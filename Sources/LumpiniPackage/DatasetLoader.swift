import Foundation

/// Reads `datasets/<id>/dataset.yaml` strictly: an unknown key, a wrong type or a missing
/// required key is a `LumpiniError` naming the file, the key path and the line.
///
/// ```swift
/// let description = try DatasetLoader.load(id: "pm25-readings-sample", in: Workspace())
/// ```
public enum DatasetLoader {
    /// Loads the dataset `id` of a workspace and checks that its `id` matches its folder.
    /// - Throws: `LumpiniError` (`dataset-not-found`, `yaml-*`, `invalid-id`, `source-path-refused`, …).
    public static func load(id: String, in workspace: Workspace) throws -> DatasetDescription {
        try Slug.require(id, what: "dataset id")
        let directory = workspace.datasetDirectory(id)
        let url = directory.appendingPathComponent(DatasetDescription.fileName)
        let display = "datasets/\(id)/\(DatasetDescription.fileName)"
        guard FileManager.default.fileExists(atPath: url.path) else {
            let known = (try? workspace.datasetIDs()) ?? []
            throw LumpiniError(
                "dataset-not-found", "no dataset \"\(id)\" under \(workspace.datasetsDirectory.path)", kind: .input,
                file: display,
                hint: known.isEmpty ? "create one with `lumpini new \(id) --from <file>`, or pass --root" : "known datasets: \(known.joined(separator: ", "))"
            )
        }
        let description = try load(file: url, displayPath: display)
        guard description.id == id else {
            throw LumpiniError(
                "id-mismatch", "the id \"\(description.id)\" differs from the folder name \"\(id)\"", kind: .input,
                file: display, field: "id", hint: "make the id and the folder name the same"
            )
        }
        if let derivation = description.derivation {
            try DerivationReader.requireKnownInputs(derivation, of: id, in: workspace, file: display)
        }
        return description
    }

    /// Loads a dataset description from a file; source paths are checked against its folder.
    public static func load(file url: URL, displayPath: String? = nil) throws -> DatasetDescription {
        let display = displayPath ?? url.path
        let root = try StrictYAML.parse(contentsOf: url, displayPath: display)
        let description = try DatasetDescriptionReader.read(root)
        if let source = description.source {
            try SourcePathPolicy.check(source, datasetDirectory: url.deletingLastPathComponent(), file: display)
        }
        return description
    }

    /// Parses dataset description text (no source-path check against a folder).
    public static func parse(_ text: String, displayPath: String = DatasetDescription.fileName) throws -> DatasetDescription {
        let root = try StrictYAML.parse(Data(text.utf8), displayPath: displayPath)
        let description = try DatasetDescriptionReader.read(root)
        if let source = description.source { try SourcePathPolicy.checkSyntax(source, file: displayPath) }
        return description
    }
}

/// Maps a parsed YAML document onto `DatasetDescription`, key by key.
enum DatasetDescriptionReader {
    static func read(_ root: YAMLValue) throws -> DatasetDescription {
        var top = try root.mapping()
        let idValue = try top.required("id")
        let id = try idValue.nonEmptyString()
        do { try Slug.require(id, what: "dataset id") } catch let error as LumpiniError {
            throw idValue.error(error.code, error.message, hint: error.hint)
        }
        let metadata = DatasetMetadata(
            id: id,
            title: try localized(try top.required("title")),
            description: try localized(try top.required("description")),
            publisher: try top.required("publisher").nonEmptyString(),
            contact: try contact(try top.required("contact")),
            theme: try top.required("theme").nonEmptyString(),
            keywords: try top.optional("keywords").map(keywords) ?? LocalizedKeywords(),
            license: try top.required("license").nonEmptyString(),
            classification: try top.required("classification").choice(Classification.self),
            highValue: try top.optional("highValue").map(highValue) ?? HighValue(flag: false),
            updateFrequency: try top.required("updateFrequency").choice(UpdateFrequency.self),
            spatial: try top.optional("spatial").map(spatial) ?? SpatialCoverage(),
            temporal: try top.optional("temporal").map(temporal),
            governance: try governance(try top.required("governance")),
            indicators: try top.optional("indicators").map(indicators) ?? IndicatorLinks(),
            gdCatalog: try top.optional("gdCatalog").map(stringMap) ?? [:]
        )
        let (source, derivation) = try origin(&top, root: root)
        let description = DatasetDescription(
            metadata: metadata,
            source: source,
            schema: try top.optional("schema").map { try schemaName($0) },
            recipe: try top.optional("recipe").map(recipe) ?? [],
            outputs: try top.optional("outputs").map(outputs) ?? OutputOptions(),
            privacy: try top.optional("privacy").map(privacy) ?? PrivacyOptions(),
            derivation: derivation
        )
        try top.finish()
        return description
    }

    /// `source:` (files cleansed by a recipe) or `derive:` (computed from published datasets), exactly one.
    private static func origin(_ top: inout YAMLMapping, root: YAMLValue) throws -> (SourceDescription?, Derivation?) {
        let sourceValue = top.optional("source"), deriveValue = top.optional("derive")
        switch (sourceValue, deriveValue) {
        case (let sourceValue?, nil):
            return (try source(sourceValue), nil)
        case (nil, let deriveValue?):
            if let recipe = top.optional("recipe") {
                throw recipe.error(
                    "derive-with-recipe", "a derived dataset has no recipe: its rows are computed, not cleansed",
                    hint: "remove \"recipe:\", or use \"source:\" instead of \"derive:\""
                )
            }
            return (nil, try DerivationReader.read(deriveValue))
        case (_?, let deriveValue?):
            throw deriveValue.error(
                "derive-with-source", "a dataset has either \"source:\" or \"derive:\", not both",
                hint: "keep \"source:\" for files an agency hands over, \"derive:\" for a dataset computed from published ones"
            )
        case (nil, nil):
            throw LumpiniError(
                "yaml-missing-key", "the required key \"source\" (or \"derive\" for a derived dataset) is missing", kind: .input,
                file: root.file, row: root.line, field: "source",
                hint: "add \"source:\" with the files' paths, or \"derive:\" (see docs/dataset-yaml.md)"
            )
        }
    }

    static func localized(_ value: YAMLValue) throws -> LocalizedText {
        var map = try value.mapping()
        let text = LocalizedText(th: try map.required("th").nonEmptyString(), en: try map.required("en").nonEmptyString())
        try map.finish()
        return text
    }

    static func keywords(_ value: YAMLValue) throws -> LocalizedKeywords {
        var map = try value.mapping()
        let keywords = LocalizedKeywords(th: try map.optional("th")?.strings() ?? [], en: try map.optional("en")?.strings() ?? [])
        try map.finish()
        return keywords
    }

    static func contact(_ value: YAMLValue) throws -> Contact {
        var map = try value.mapping()
        let name = try map.required("name").nonEmptyString()
        let emailValue = try map.required("email")
        let email = try emailValue.nonEmptyString()
        guard isEmailShaped(email) else {
            throw emailValue.error("invalid-email", "\"\(email)\" is not an e-mail address", hint: "write it as name@example.go.th")
        }
        let contact = Contact(name: name, email: email, phone: try map.optional("phone")?.nonEmptyString())
        try map.finish()
        return contact
    }

    /// One `@` between a local part and a domain with a dot, and nothing that cannot stand in a `mailto:`
    /// IRI unescaped: the address becomes one in the catalogue's DCAT export and a link in the portal.
    static func isEmailShaped(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        let forbidden = Set("<>\"{}|^`\\ ".unicodeScalars)
        let clean = text.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7F && !forbidden.contains($0) }
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".") && clean
    }

    static func highValue(_ value: YAMLValue) throws -> HighValue {
        var map = try value.mapping()
        let highValue = HighValue(flag: try map.required("flag").bool(), category: try map.optional("category")?.nonEmptyString())
        try map.finish()
        return highValue
    }

    static func spatial(_ value: YAMLValue) throws -> SpatialCoverage {
        var map = try value.mapping()
        var coverage = SpatialCoverage()
        if let name = map.optional("name") { coverage.name = try name.nonEmptyString() }
        if let bboxValue = map.optional("bbox") {
            let bbox = try bboxValue.list().map { try $0.double() }
            guard bbox.count == 4, bbox[0] < bbox[2], bbox[1] < bbox[3],
                  (-180...180).contains(bbox[0]), (-180...180).contains(bbox[2]),
                  (-90...90).contains(bbox[1]), (-90...90).contains(bbox[3]) else {
                throw bboxValue.error(
                    "invalid-bbox", "a bounding box is four numbers [minLon, minLat, maxLon, maxLat] in WGS 84, min below max",
                    hint: "Bangkok's is [100.33, 13.49, 100.94, 13.96]"
                )
            }
            coverage.bbox = bbox
        }
        if let file = map.optional("polygonFile") {
            let path = try file.nonEmptyString()
            do { try SourcePathPolicy.checkRelative(path) } catch let error as LumpiniError {
                throw file.error(error.code, error.message, hint: error.hint)
            }
            coverage.polygonFile = path
        }
        try map.finish()
        return coverage
    }

    static func temporal(_ value: YAMLValue) throws -> TemporalCoverage {
        var map = try value.mapping()
        let coverage = TemporalCoverage(start: try map.optional("start").map(isoDate), end: try map.optional("end").map(isoDate))
        try map.finish()
        return coverage
    }

    static func isoDate(_ value: YAMLValue) throws -> String {
        let text = try value.nonEmptyString()
        guard ISODate.isValid(text) else {
            throw value.error("invalid-date", "\"\(text)\" is not an ISO 8601 date", hint: "write YYYY-MM-DD in the Gregorian calendar (2566 BE is 2023)")
        }
        return text
    }

    static func governance(_ value: YAMLValue) throws -> Governance {
        var map = try value.mapping()
        let governance = Governance(
            status: try map.required("status").choice(Governance.Status.self),
            approvedBy: try map.optional("approvedBy")?.nonEmptyString(),
            approvedOn: try map.optional("approvedOn").map(isoDate)
        )
        try map.finish()
        if governance.status == .approved, governance.approvedBy == nil || governance.approvedOn == nil {
            throw value.error(
                "governance-incomplete", "an approved dataset needs approvedBy and approvedOn",
                hint: "record who approved it and when, or set status: pending"
            )
        }
        return governance
    }

    static func indicators(_ value: YAMLValue) throws -> IndicatorLinks {
        var map = try value.mapping()
        let links = IndicatorLinks(livability: try map.optional("livability")?.strings() ?? [], sdg: try map.optional("sdg")?.strings() ?? [])
        try map.finish()
        return links
    }

    static func stringMap(_ value: YAMLValue) throws -> [String: String] {
        var result: [String: String] = [:]
        for entry in try value.mapping().entries {
            result[entry.key] = try entry.value.string()
        }
        return result
    }

    static func schemaName(_ value: YAMLValue) throws -> String {
        let name = try value.nonEmptyString()
        do { try Slug.require(name, what: "schema name") } catch let error as LumpiniError {
            throw value.error(error.code, error.message, hint: "name the schema file schemas/<name>.schema.json and write <name> here")
        }
        return name
    }

    static func source(_ value: YAMLValue) throws -> SourceDescription {
        var map = try value.mapping()
        let pathsValue = try map.required("paths")
        let paths = try pathsValue.strings()
        guard !paths.isEmpty else { throw pathsValue.error("yaml-empty-value", "list at least one source file") }
        for (index, path) in paths.enumerated() {
            do { try SourcePathPolicy.checkRelative(path) } catch let error as LumpiniError {
                let item = try pathsValue.list()[index]
                throw item.error(error.code, error.message, hint: error.hint)
            }
        }
        var source = SourceDescription(paths: paths)
        source.layer = try map.optional("layer")?.nonEmptyString()
        source.encoding = try map.optional("encoding")?.nonEmptyString()
        source.crs = try map.optional("crs")?.nonEmptyString()
        if let coordinates = map.optional("coordinates") {
            var columns = try coordinates.mapping()
            source.coordinates = CoordinateColumns(x: try columns.required("x").nonEmptyString(), y: try columns.required("y").nonEmptyString())
            try columns.finish()
        }
        source.wktColumn = try map.optional("wktColumn")?.nonEmptyString()
        if let header = map.optional("headerRow") {
            let row = try header.int()
            guard row >= 1 else { throw header.error("yaml-invalid-value", "the header row is counted from 1") }
            source.headerRow = row
        }
        if let rows = map.optional("headerRows") {
            let count = try rows.int()
            guard (1...10).contains(count) else { throw rows.error("yaml-invalid-value", "the header takes 1 to 10 rows") }
            source.headerRows = count
        }
        if let delimiter = map.optional("delimiter") {
            let text = try delimiter.string()
            guard text.count == 1 else { throw delimiter.error("yaml-invalid-value", "a delimiter is one character, for example \";\" or \"\\t\"") }
            source.delimiter = text
        }
        try map.finish()
        return source
    }

    static func recipe(_ value: YAMLValue) throws -> [RecipeStep] {
        try value.list().map { item in
            let map = try item.mapping()
            guard let nameEntry = map.entries.first(where: { $0.key == "step" }) else {
                throw item.error("yaml-missing-key", "a recipe step needs \"step: <name>\"", hint: "see docs/dataset-yaml.md for the steps")
            }
            var step = RecipeStep(name: try nameEntry.value.nonEmptyString(), line: item.line)
            for entry in map.entries where entry.key != "step" {
                step.parameters[entry.key] = try entry.value.recipeValue()
                step.parameterLines[entry.key] = entry.value.line
            }
            return step
        }
    }

    static func outputs(_ value: YAMLValue) throws -> OutputOptions {
        var map = try value.mapping()
        var options = OutputOptions()
        if let formats = map.optional("formats") {
            options.formats = try formats.list().map { try $0.choice(OutputOptions.Format.self) }
        }
        if let bom = map.optional("csvBOM") { options.csvBOM = try bom.bool() }
        if let geometry = map.optional("csvGeometry") { options.csvGeometry = try geometry.bool() }
        if let precision = map.optional("precision") {
            let digits = try precision.int()
            guard (0...15).contains(digits) else { throw precision.error("yaml-invalid-value", "precision is 0 to 15 decimals") }
            options.precision = digits
        }
        try map.finish()
        return options
    }

    static func privacy(_ value: YAMLValue) throws -> PrivacyOptions {
        var map = try value.mapping()
        var allow: [String: [String]] = [:]
        if let allowValue = map.optional("allow") {
            for entry in try allowValue.mapping().entries {
                allow[entry.key] = try entry.value.list().map { try $0.choice(PersonalDataKind.self).rawValue }
            }
        }
        try map.finish()
        return PrivacyOptions(allow: allow)
    }
}
