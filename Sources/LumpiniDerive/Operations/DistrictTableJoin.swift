/// `join-by-district` and the population of `per-person`: a published table's rows by their district
/// code, those of the derivation's year (by a date or a year column), streamed once.
enum DistrictTableJoin {
    /// The values of each district's rows of the year; an empty value is excluded.
    static func observations(_ table: DeriveStep.DistrictTable, year: Int, input: PublishedInput, districts: [District]) throws -> [String: Observations] {
        var byDistrict = Dictionary(uniqueKeysWithValues: districts.map {
            ($0.code, Observations(noneNote: "no row of \(table.input) for \(year) in the district", noneCountedNote: "no value in the rows of \(table.input) for \(year)"))
        })
        try forEachRow(table, year: year, input: input) { code, value in
            if let value { byDistrict[code]?.values.append(value) } else { byDistrict[code]?.excluded += 1 }
        }
        return byDistrict
    }

    /// One value per district for the year (a population).
    /// - Throws: `derive-ambiguous-row` when a district has two rows for the year.
    static func values(_ table: DeriveStep.DistrictTable, year: Int, input: PublishedInput) throws -> [String: Double] {
        var values: [String: Double] = [:]
        try forEachRow(table, year: year, input: input) { code, value in
            guard let value else { return }
            guard values.updateValue(value, forKey: code) == nil else {
                throw LumpiniError(
                    "derive-ambiguous-row", "\(input.place) has two values of \(table.value) for district \(code) in \(year)", kind: .data,
                    file: input.place, field: table.value, hint: "one row per district and year"
                )
            }
        }
        return values
    }

    private static func forEachRow(
        _ table: DeriveStep.DistrictTable, year: Int, input: PublishedInput, _ body: (String, Double?) throws -> Void
    ) throws {
        let code = try input.position(of: table.code), value = try input.position(of: table.value)
        let date = try table.dateField.map { try input.position(of: $0) }
        let yearColumn = try table.yearField.map { try input.position(of: $0) }
        while let record = try input.next() {
            guard let codeText = record.values[code].map(DistrictCode.normalized), !codeText.isEmpty else { continue }
            if let date, record.values[date].flatMap(ISODay.year(of:)) != year { continue }
            if let yearColumn, record.values[yearColumn].map(DistrictCode.normalized) != String(year) { continue }
            try body(codeText, try input.number(record.values[value], row: record.rowNumber, field: table.value))
        }
    }
}
