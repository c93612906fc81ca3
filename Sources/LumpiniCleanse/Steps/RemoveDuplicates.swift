/// `remove-duplicates`: a record with the same key as an earlier one (or, without `key`, the same
/// values and geometry) is quarantined as `duplicate`, naming the earlier row.
/// Parameters: `key` (fields; default: the whole record). Remembers one digest per distinct key, in
/// the key tables validation uses, so memory stays bounded however many rows pass.
package final class RemoveDuplicates: CleansingStep {
    package static let name = "remove-duplicates"
    static let summary = "records repeating an earlier key (or the whole record) are set aside (reason duplicate)"
    static let worksOnTextAlone = true

    private let key: [(index: Int, name: String)]?
    private let seen = SpillingDigestTable()
    private var parts: [KeyDigest?] = []

    init(parameters: inout StepParameters, layout: inout FieldLayout, context: CleansingContext) throws {
        if parameters.step.parameters["key"] != nil {
            key = try parameters.fields("key", in: layout, defaultAll: false).map { ($0, layout.names[$0]) }
        } else {
            key = nil
        }
    }

    func apply(to record: inout Record, changes: ChangeRecorder) throws -> StepVerdict {
        parts.removeAll(keepingCapacity: true)
        if let key {
            for field in key { parts.append(record.value(at: field.index).map(KeyDigest.of)) }
        } else {
            for value in record.values { parts.append(value.map(KeyDigest.of)) }
            if let geometry = record.geometry {
                parts.append(geometry.wkb.withUnsafeBufferPointer(KeyDigest.of))
            }
        }
        if let first = seen.insert(record.rowNumber, forKey: KeyDigest.combining(parts)) {
            let what = key.map { "the same \($0.map(\.name).joined(separator: ", "))" } ?? "the same values"
            return .quarantine(reason: "duplicate", message: "\(what) as row \(first)", field: key?.first?.name)
        }
        return .keep
    }
}
