/// The start of a recipe's run on each row: the row counted, a row with cells past the header set
/// aside, then the recipe's leading steps that work on text alone (`CleansingStep.worksOnTextAlone`),
/// up to the first that may touch a geometry. For a CSV these run on the thread that reads the file
/// ahead (`DatasetCleansing`), so cleaning text overlaps the geometry steps, the checks and the writing
/// of the rows before them: there the rows carry no geometry yet and the steps no GDAL object.
///
/// When read ahead it is built by the runner and then used only by the reading thread, one file after
/// another; its account is read once the last row has been taken, so it is never shared at one time.
package final class LeadingTextSteps: @unchecked Sendable {
    let stage: RecipeStage
    private let inputFields: [String]
    /// Rows seen, set aside here or not.
    private(set) var rowsIn = 0

    init(stage: RecipeStage, inputFields: [String]) {
        self.stage = stage
        self.inputFields = inputFields
    }

    /// Runs on `record` in place.
    /// - Returns: the quarantine entry when the row is set aside (holding it as read).
    func process(_ record: inout Record) throws -> QuarantineEntry? {
        rowsIn += 1
        let asRead = record
        if let extra = extraCell(record) {
            return stage.setAside(
                asRead, reason: "extra-cell",
                message: "the row has \(record.values.count) cells but the header names \(inputFields.count): \"\(extra)\" has no column",
                field: nil
            )
        }
        return try stage.run(&record, asRead: asRead)
    }

    /// `process` for a row read ahead, which has no geometry: what passes carries its values as read
    /// too, for the quarantine of a later stage.
    func processAhead(_ record: Record) throws -> RowReadAhead {
        precondition(record.geometry == nil, "a row read ahead has no geometry")
        var current = record
        if let entry = try process(&current) { return .setAside(entry) }
        return .passed(PassedRow(rowNumber: record.rowNumber, values: current.values, valuesAsRead: record.values))
    }

    /// Counts `record` as read and set aside without running the steps.
    func setAside(_ record: Record, reason: String, message: String, field: String?) -> QuarantineEntry {
        rowsIn += 1
        return stage.setAside(record, reason: reason, message: message, field: field)
    }

    /// The first non-empty value past the last column, in a row with more cells than the header.
    private func extraCell(_ record: Record) -> String? {
        guard record.values.count > inputFields.count else { return nil }
        return record.values[inputFields.count...].lazy.compactMap { $0 }.first { !$0.trimmingWhitespace.isEmpty }
    }
}

/// A row once the leading text steps have run on it ahead of the rest of the recipe.
package enum RowReadAhead: Sendable {
    case passed(PassedRow)
    case setAside(QuarantineEntry)
}

/// A row the leading text steps kept: its values now and as the source gave them.
package struct PassedRow: Sendable {
    var rowNumber: Int
    var values: [String?]
    var valuesAsRead: [String?]
}
