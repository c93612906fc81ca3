import Foundation

// The copies of the cleansing and validation reports that go into the public tree. Counts, fields,
// row numbers and reasons stay; every value a report quotes — a step's before and after, a district
// spelling, a rejected cell and the message that quotes it, a column name — goes through
// `PersonalDataMasker`, because those values come from columns the recipe dropped and rows sent to
// quarantine, which the privacy gate never scans. The full reports stay under `<root>/.lumpini/reports/`.

extension CleansingReport {
    /// This report as the public tree shows it.
    package func masked() -> CleansingReport {
        var copy = self
        copy.fields = fields.map { PersonalDataMasker.masked($0) }
        copy.steps = steps.map { change in
            var copy = change
            copy.field = PersonalDataMasker.masked(change.field)
            copy.examples = change.examples.map { example in
                var masked = example
                masked.before = example.before.map { PersonalDataMasker.masked($0, column: change.field) }
                masked.after = example.after.map { PersonalDataMasker.masked($0, column: change.field) }
                return masked
            }
            return copy
        }
        copy.fuzzyMatches = fuzzyMatches.map { match in
            var match = match
            match.value = PersonalDataMasker.masked(match.value, column: match.field)
            match.field = PersonalDataMasker.masked(match.field)
            return match
        }
        copy.repairs = repairs.map { repair in
            var repair = repair
            repair.detail = PersonalDataMasker.masked(repair.detail)
            return repair
        }
        return copy
    }
}

extension ValidationReport {
    /// This report as the public tree shows it.
    package func masked() -> ValidationReport {
        var copy = self
        copy.errors = errors.map { $0.masked() }
        copy.warnings = warnings.map { $0.masked() }
        copy.tasks = tasks.map { task in
            var task = task
            task.labels = task.labels.map { PersonalDataMasker.masked($0) }
            task.errors = task.errors.map { $0.masked() }
            task.warnings = task.warnings.map { $0.masked() }
            return task
        }
        copy.setAside?.errors = setAside?.errors.map { $0.masked() } ?? []
        return copy
    }
}

extension ValidationProblem {
    /// The error with its cell masked as a value of its field, and that cell masked where the message
    /// and note quote it ("…"): a plain name in a people column has no phone or @ to find there.
    func masked() -> ValidationProblem {
        var copy = self
        var message = self.message, note = self.note
        if let cell, !cell.isEmpty {
            let maskedCell = PersonalDataMasker.masked(cell, column: fieldName)
            if maskedCell != cell {
                message = message.replacingOccurrences(of: "\"\(cell)\"", with: "\"\(maskedCell)\"")
                note = note.replacingOccurrences(of: "\"\(cell)\"", with: "\"\(maskedCell)\"")
            }
            copy.cell = maskedCell
        }
        copy.message = PersonalDataMasker.masked(message)
        copy.note = PersonalDataMasker.masked(note)
        copy.fieldName = fieldName.map { PersonalDataMasker.masked($0) }
        copy.label = label.map { PersonalDataMasker.masked($0) }
        return copy
    }
}
