import Crypto
import Foundation

/// `remove-duplicates`: a record with the same key as an earlier one (or, without `key`, the same
/// values and geometry) is quarantined as `duplicate`, naming the earlier row.
/// Parameters: `key` (fields; default: the whole record). Remembers one digest per distinct key.
final class RemoveDuplicates: CleansingStep {
    static let name = "remove-duplicates"
    static let summary = "records repeating an earlier key (or the whole record) are set aside (reason duplicate)"

    private let key: [(index: Int, name: String)]?
    private var seen: [SHA256Digest: Int] = [:]

    init(parameters: inout StepParameters, layout: inout FieldLayout, context: CleansingContext) throws {
        if parameters.step.parameters["key"] != nil {
            key = try parameters.fields("key", in: layout, defaultAll: false).map { ($0, layout.names[$0]) }
        } else {
            key = nil
        }
    }

    func apply(to record: inout Record, changes: ChangeRecorder) throws -> StepVerdict {
        var hasher = SHA256()
        let positions = key?.map(\.index) ?? Array(record.values.indices)
        for position in positions {
            if let value = record.value(at: position) {
                hasher.update(data: [1])
                hasher.update(data: Data(value.utf8))
                hasher.update(data: [0])
            } else {
                hasher.update(data: [2])
            }
        }
        if key == nil, let geometry = record.geometry {
            hasher.update(data: geometry.wkb)
        }
        let digest = hasher.finalize()
        if let first = seen[digest] {
            let what = key.map { "the same \($0.map(\.name).joined(separator: ", "))" } ?? "the same values"
            return .quarantine(reason: "duplicate", message: "\(what) as row \(first)", field: key?.first?.name)
        }
        seen[digest] = record.rowNumber
        return .keep
    }
}
