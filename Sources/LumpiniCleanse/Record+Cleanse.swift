import Foundation

extension Record {
    /// The value at `index`, nil when the record is shorter (a ragged row).
    func value(at index: Int) -> String? {
        index < values.count ? values[index] : nil
    }

    /// Sets the value at `index`, growing the record with nulls when it is shorter.
    mutating func setValue(_ value: String?, at index: Int) {
        if index >= values.count {
            values += Array(repeating: nil, count: index - values.count + 1)
        }
        values[index] = value
    }

    /// Replaces the value at `index` by `transform(value)` and records the change when it differs.
    /// Compares bytes: Swift's `==` treats canonically equivalent text (NFC and NFD) as equal.
    mutating func update(at index: Int, field: String, changes: ChangeRecorder, _ transform: (String) -> String?) {
        guard let before = value(at: index) else { return }
        let after = transform(before)
        if let after, Self.sameBytes(after, before) { return }
        setValue(after, at: index)
        changes.record(field: field, row: rowNumber, before: before, after: after)
    }

    /// Whether two strings hold the same UTF-8 bytes, compared in place (the generic
    /// `elementsEqual` walks them code unit by code unit).
    static func sameBytes(_ first: String, _ second: String) -> Bool {
        guard first.utf8.count == second.utf8.count else { return false }
        let compared = first.utf8.withContiguousStorageIfAvailable { a in
            second.utf8.withContiguousStorageIfAvailable { b in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
        }
        return (compared ?? nil) ?? first.utf8.elementsEqual(second.utf8)
    }
}
