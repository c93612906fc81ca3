import Foundation

/// The controlled lists of `schemas/vocabularies/`: districts, agencies, themes and licences.
public struct Vocabularies: Sendable {
    public let districts: DistrictVocabulary
    public let agencies: [Agency]
    public let themes: [Theme]
    public let licenses: [License]

    /// Loads the four files from `<root>/schemas/vocabularies/`.
    /// - Throws: `vocabulary-missing` or `vocabulary-malformed` naming the file.
    public static func load(from workspace: Workspace) throws -> Vocabularies {
        try load(directory: workspace.schemasDirectory.appendingPathComponent("vocabularies", isDirectory: true))
    }

    public static func load(directory: URL) throws -> Vocabularies {
        func table(_ name: String, _ columns: [String]) throws -> TSVTable {
            try TSVTable(contentsOf: directory.appendingPathComponent(name), displayPath: "schemas/vocabularies/\(name)", requiredColumns: columns)
        }
        let districts = try DistrictVocabulary.load(from: directory.appendingPathComponent("districts.tsv"))
        let agencyTable = try table("agencies.tsv", ["code", "name_th", "name_en", "kind", "district"])
        let agencies = try agencyTable.rows.map { row -> Agency in
            guard let kind = Agency.Kind(rawValue: row.values["kind"] ?? "") else {
                throw LumpiniError("vocabulary-malformed", "kind must be department or district-office", kind: .input, file: agencyTable.file, row: row.line)
            }
            let district = row.values["district"].flatMap { $0.isEmpty ? nil : $0 }
            return Agency(code: row.values["code"] ?? "", nameTH: row.values["name_th"] ?? "", nameEN: row.values["name_en"] ?? "", kind: kind, districtCode: district)
        }
        let themes = try table("themes.tsv", ["code", "name_th", "name_en", "eu_theme"]).rows.map {
            Theme(code: $0.values["code"] ?? "", nameTH: $0.values["name_th"] ?? "", nameEN: $0.values["name_en"] ?? "", euTheme: $0.values["eu_theme"] ?? "")
        }
        let licenses = License.list(from: try table("licenses.tsv", License.requiredColumns))
        return Vocabularies(districts: districts, agencies: agencies, themes: themes, licenses: licenses)
    }

    public func agency(code: String) -> Agency? { agencies.first { $0.code == code } }
    public func theme(code: String) -> Theme? { themes.first { $0.code == code } }
    public func license(code: String) -> License? { licenses.first { $0.code == code } }
}
