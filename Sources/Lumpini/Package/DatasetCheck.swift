import Foundation

/// One thing `lumpini check` found incomplete or inconsistent in a dataset.
public struct CheckFinding: Codable, Sendable, Equatable {
    public enum Severity: String, Codable, Sendable {
        /// The dataset cannot be cleansed or published as it is.
        case error
        /// It can, but a data officer should look.
        case warning
    }

    public var severity: Severity
    public var code: String
    /// The key of `dataset.yaml` concerned, for example `publisher`.
    public var field: String?
    public var message: String
}

/// `lumpini check <id>`: what is incomplete or inconsistent in a dataset: placeholders left by
/// `lumpini new`, codes missing from the vocabularies, missing source or schema files, a recipe
/// that does not fit the source, output fields the schema does not describe, governance. Then, when
/// nothing blocks it, a dry run of the release's own pipeline (the schema loaded as publishing loads
/// it, every row cleansed, validated and scanned for personal data) says what a release would publish
/// and set aside, writing nothing.
public enum DatasetCheck {
    public struct Result: Encodable, Sendable {
        public var dataset: String
        public var findings: [CheckFinding]
        /// For a derived dataset, the published files a release would compute it from; nil otherwise,
        /// or when an input is not published.
        public var reads: [DerivedSource]?
        /// What a release would publish; nil when a finding stopped the dry run.
        public var account: DryRunAccount?
        /// No finding of severity error.
        public var ok: Bool { !findings.contains { $0.severity == .error } }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(dataset, forKey: .dataset)
            try container.encode(findings, forKey: .findings)
            try container.encodeIfPresent(reads, forKey: .reads)
            try container.encode(account, forKey: .account)
            try container.encode(ok, forKey: .ok)
        }

        enum CodingKeys: String, CodingKey { case dataset, findings, reads, account, ok }
    }

    /// Marks `lumpini new` leaves where a person must write something.
    public static let placeholder = "TODO"

    /// - Throws: `LumpiniError` when `dataset.yaml` cannot be loaded at all (malformed, unknown keys).
    public static func run(id: String, workspace: Workspace) throws -> Result {
        let description = try DatasetLoader.load(id: id, in: workspace)
        let vocabularies = try Vocabularies.load(from: workspace)
        var findings = Findings()
        findings.checkMetadata(description.metadata, vocabularies: vocabularies)
        let sourcesExist = findings.checkSources(description, in: workspace.datasetDirectory(id))
        let schemaFields = try findings.schemaFields(description.schema, in: workspace)
        var reads: [DerivedSource]?
        if let derivation = description.derivation {
            reads = findings.resolveInputs(derivation, of: id, workspace: workspace)
        } else if sourcesExist {
            try findings.checkRecipe(description, schemaFields: schemaFields, workspace: workspace, vocabularies: vocabularies)
        }
        let account = findings.list.contains { $0.severity == .error } ? nil : findings.dryRun(description, derivedFrom: reads, workspace: workspace)
        return Result(dataset: id, findings: findings.list, reads: reads, account: account)
    }

    /// The findings as they are made, each check adding its own.
    private struct Findings {
        var list: [CheckFinding] = []

        mutating func error(_ code: String, _ field: String?, _ message: String) {
            list.append(.init(severity: .error, code: code, field: field, message: message))
        }

        mutating func warning(_ code: String, _ field: String?, _ message: String) {
            list.append(.init(severity: .warning, code: code, field: field, message: message))
        }

        /// Placeholders, codes the vocabularies lack, keywords, high-value category, dates, classification, governance.
        mutating func checkMetadata(_ metadata: DatasetMetadata, vocabularies: Vocabularies) {
            let texts: [(String, String?)] = [
                ("title.th", metadata.title.th), ("title.en", metadata.title.en), ("description.th", metadata.description.th),
                ("description.en", metadata.description.en), ("contact.name", metadata.contact.name), ("contact.email", metadata.contact.email),
                ("publisher", metadata.publisher), ("theme", metadata.theme), ("license", metadata.license),
            ]
            for (field, text) in texts where text?.contains(placeholder) ?? false {
                error("placeholder", field, "\(field) still holds the placeholder \"\(text!)\": write the real value")
            }
            if !metadata.publisher.contains(placeholder), vocabularies.agency(code: metadata.publisher) == nil {
                error("unknown-publisher", "publisher", "\"\(metadata.publisher)\" is not an agency code of schemas/vocabularies/agencies.tsv (ENV, HEALTH, CPUD, SED, DO-1001…)")
            }
            if !metadata.theme.contains(placeholder), vocabularies.theme(code: metadata.theme) == nil {
                error("unknown-theme", "theme", "\"\(metadata.theme)\" is not a theme of schemas/vocabularies/themes.tsv (\(vocabularies.themes.map(\.code).joined(separator: ", ")))")
            }
            if !metadata.license.contains(placeholder), vocabularies.license(code: metadata.license) == nil {
                error("unknown-license", "license", "\"\(metadata.license)\" is not a licence of schemas/vocabularies/licenses.tsv (\(vocabularies.licenses.map(\.code).joined(separator: ", ")))")
            }
            if metadata.keywords.th.isEmpty || metadata.keywords.en.isEmpty {
                warning("no-keywords", "keywords", "give keywords in Thai and English so people can find the dataset")
            }
            if metadata.highValue.flag, metadata.highValue.category == nil {
                warning("high-value-category", "highValue.category", "a high-value dataset names its category (geospatial, earth-observation-and-environment, meteorological, statistics, companies, mobility)")
            }
            if let start = metadata.temporal?.start, let end = metadata.temporal?.end, start > end {
                error("temporal-order", "temporal", "the temporal coverage starts (\(start)) after it ends (\(end))")
            }
            if metadata.classification != .public {
                warning("not-public", "classification", "classified \(metadata.classification.rawValue): it will not be published as open data")
            }
            if !metadata.governance.isApproved {
                warning("not-approved", "governance.status", "governance status is \(metadata.governance.status.rawValue): a release will refuse it until the committee approves it (status: approved, approvedBy, approvedOn)")
            }
        }

        /// The latest published files a derived dataset would be computed from; nil (and an error) when an
        /// input has none.
        mutating func resolveInputs(_ derivation: Derivation, of id: String, workspace: Workspace) -> [DerivedSource]? {
            do {
                return try DerivedSource.resolve(derivation, in: ReleaseTree(root: workspace.publicRoot), for: id)
            } catch let failure as LumpiniError {
                error(failure.code, failure.field, failure.description)
            } catch {
                self.error("derive-input-unreadable", "derive", "an input's manifest cannot be read: \(error)")
            }
            return nil
        }

        /// Whether every source file is there.
        mutating func checkSources(_ description: DatasetDescription, in directory: URL) -> Bool {
            var allThere = true
            for (index, path) in (description.source?.paths ?? []).enumerated() where !FileManager.default.fileExists(atPath: directory.appendingPathComponent(path).path) {
                error("source-missing", "source.paths[\(index)]", "the source file \(path) is not in datasets/\(description.id)/")
                allThere = false
            }
            return allThere
        }

        /// The names of the schema's fields, read as validation reads the schema; nil without one.
        mutating func schemaFields(_ schema: String?, in workspace: Workspace) throws -> [String]? {
            guard let schema else {
                warning("no-schema", "schema", "no schema: the data cannot be validated; name one (schemas/<name>.schema.json)")
                return nil
            }
            do {
                return try TableSchema.load(named: schema, in: workspace).fields.map(\.name)
            } catch let failure as LumpiniError {
                error("schema-missing", "schema", "schemas/\(schema).schema.json cannot be used: \(failure.message)")
            }
            return nil
        }

        /// Runs the release's pipeline over every row without writing anything: what publishing would
        /// refuse (the schema as publishing loads it, geometries not in WGS 84, personal data in a public
        /// dataset) becomes a finding; nil when it stops.
        mutating func dryRun(_ description: DatasetDescription, derivedFrom: [DerivedSource]?, workspace: Workspace) -> DryRunAccount? {
            var account = DryRunAccount()
            do {
                let records = try CleanseValidatePipeline.Records(dataset: description, workspace: workspace, derivedFrom: derivedFrom)
                let run = try records.run(quarantineFile: nil, setAside: { account.setAside($0, stage: $1) }, publish: { _ in account.publish() })
                let privacy = run.checks.privacy.finish()
                if description.metadata.classification == .public,
                   let blocking = privacy.blockingError(file: "datasets/\(description.id)/\(DatasetDescription.fileName)") {
                    error(blocking.code, blocking.field, blocking.message)
                }
            } catch let failure as LumpiniError {
                error(failure.code, failure.field, failure.description)
                return nil
            } catch {
                self.error("dry-run-failed", nil, "the rows could not be read to the end: \(error)")
                return nil
            }
            if account.rowsIn > 0, account.rowsPublished == 0 {
                warning("nothing-published", "recipe", "every one of the \(account.rowsIn) rows would be set aside: read the reasons below")
            }
            return account
        }

        /// That the recipe runs on the source and makes exactly the fields the schema describes.
        mutating func checkRecipe(_ description: DatasetDescription, schemaFields: [String]?, workspace: Workspace, vocabularies: Vocabularies) throws {
            do {
                let cleansing = try DatasetCleansing(description: description, workspace: workspace, vocabularies: vocabularies)
                if let schemaFields {
                    let produced = cleansing.fields
                    for field in produced where !schemaFields.contains(field) {
                        error("field-not-in-schema", "schema", "the recipe produces the field \"\(field)\" but the schema does not describe it (drop it in the recipe or add it to the schema)")
                    }
                    for field in schemaFields where !produced.contains(field) {
                        error("schema-field-missing", "schema", "the schema describes \"\(field)\" but the cleansed records have no such field")
                    }
                }
                if description.recipe.isEmpty {
                    warning("no-recipe", "recipe", "the recipe is empty: values are published as the agency wrote them")
                }
            } catch let failure as LumpiniError {
                error(failure.code, failure.field, failure.description)
            }
        }
    }
}
