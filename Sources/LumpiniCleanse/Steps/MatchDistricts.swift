/// `match-districts`: any spelling of a Bangkok district ("เขตป้อมปราบฯ", "Pomprap Sattruphai",
/// "1008") matched to its official code and names, written to added fields.
///
/// Parameters: `field` (required); `maxDistance` (edit distance allowed for fuzzy matches,
/// default 0: exact spellings and known aliases only; every fuzzy match is reported);
/// `codeField` (default district_code), `nameTHField` (district_th), `nameENField` (district_en);
/// `replace` (write the official Thai name into `field` too; default false);
/// `onUnmatched`: quarantine | null | keep (default quarantine, reason `unmatched-district`).
///
/// Every matched row counts as a change of `codeField` (the code written, from the value as given),
/// so the report says how many rows were matched.
package final class MatchDistricts: CleansingStep {
    package static let name = "match-districts"
    static let summary = "match any spelling of a district to its code and official names; unmatched values are set aside"
    static let worksOnTextAlone = true
    static let cacheLimit = 10_000

    private let field: (index: Int, name: String)
    private let codeField: (index: Int, name: String)
    private let nameTHField: Int
    private let nameENField: Int
    private let vocabulary: DistrictVocabulary
    private let maxDistance: Int
    private let replace: Bool
    private let onUnmatched: InvalidValuePolicy
    private var cache: [String: DistrictVocabulary.Match] = [:]

    init(parameters: inout StepParameters, layout: inout FieldLayout, context: CleansingContext) throws {
        guard let vocabulary = context.districts else {
            throw parameters.error("vocabulary-missing", "the district vocabulary is not loaded", hint: "put schemas/vocabularies/districts.tsv under the root")
        }
        self.vocabulary = vocabulary
        let fieldName = try parameters.requiredString("field")
        field = (try parameters.field(fieldName, in: layout, parameter: "field"), fieldName)
        maxDistance = try parameters.int("maxDistance") ?? 0
        guard (0...5).contains(maxDistance) else {
            throw parameters.error("recipe-invalid-value", "maxDistance is 0 to 5 characters", parameter: "maxDistance")
        }
        replace = try parameters.bool("replace") ?? false
        onUnmatched = try parameters.choice("onUnmatched", InvalidValuePolicy.self) ?? .quarantine
        let codeName = try parameters.string("codeField") ?? "district_code"
        codeField = (layout.addOrFind(codeName), codeName)
        nameTHField = layout.addOrFind(try parameters.string("nameTHField") ?? "district_th")
        nameENField = layout.addOrFind(try parameters.string("nameENField") ?? "district_en")
    }

    func apply(to record: inout Record, changes: ChangeRecorder) throws -> StepVerdict {
        guard let value = record.value(at: field.index), !value.trimmingWhitespace.isEmpty else {
            return unmatched(&record, message: "no district is given in \(field.name)")
        }
        let match = cachedMatch(value)
        let district: District
        switch match {
        case .exact(let found):
            district = found
        case .fuzzy(let found, let distance, let closest):
            district = found
            changes.recordFuzzy(field: field.name, row: record.rowNumber, value: value, district: found, distance: distance, closestTo: closest)
        case .ambiguous(let candidates):
            let names = candidates.map { "\($0.code) \($0.nameTH)" }.joined(separator: ", ")
            return unmatched(&record, message: "the district \"\(value)\" in \(field.name) is equally close to \(names)")
        case .none:
            return unmatched(&record, message: "the district \"\(value)\" in \(field.name) matches no Bangkok district")
        }
        changes.record(field: codeField.name, row: record.rowNumber, before: value, after: district.code)
        record.setValue(district.code, at: codeField.index)
        record.setValue(district.nameTH, at: nameTHField)
        record.setValue(district.nameEN, at: nameENField)
        if replace {
            record.update(at: field.index, field: field.name, changes: changes) { _ in district.nameTH }
        }
        return .keep
    }

    private func cachedMatch(_ value: String) -> DistrictVocabulary.Match {
        if let match = cache[value] { return match }
        let match = vocabulary.match(value, maxDistance: maxDistance)
        if cache.count < Self.cacheLimit { cache[value] = match }
        return match
    }

    private func unmatched(_ record: inout Record, message: String) -> StepVerdict {
        switch onUnmatched {
        case .quarantine:
            return .quarantine(reason: "unmatched-district", message: message, field: field.name)
        case .null, .keep:
            for index in [codeField.index, nameTHField, nameENField] { record.setValue(nil, at: index) }
            if onUnmatched == .null, record.value(at: field.index) != nil { record.setValue(nil, at: field.index) }
            return .keep
        }
    }
}
