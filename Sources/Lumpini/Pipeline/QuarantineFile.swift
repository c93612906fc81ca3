import Foundation

/// `<root>/.lumpini/quarantine/<id>/quarantine.csv` as a release writes it: one line per row set aside,
/// whether the recipe set it aside (with the source's values) or the schema did (with the cleansed
/// values under their columns), so a data officer sees every row that was not published and why.
/// Written beside its final name and moved there on `commit()`.
final class QuarantineFile {
    private let file: StreamingCSVFile
    /// The source's fields, then the fields the recipe added.
    private let columns: [String]
    /// For each cleansed field, its column in `columns`.
    private let positions: [Int]

    init(_ url: URL, sourceFields: [String], cleansedFields: [String]) throws {
        let sourceNames = Set(sourceFields)
        columns = sourceFields + cleansedFields.filter { !sourceNames.contains($0) }
        var firstColumn: [String: Int] = [:]
        for (column, name) in columns.enumerated() where firstColumn[name] == nil { firstColumn[name] = column }
        positions = cleansedFields.map { firstColumn[$0]! }
        file = try StreamingCSVFile(url, byteOrderMark: true)
        try file.write(record: ["source", "row", "reason", "message", "field"] + columns + ["geometry_wkt"])
    }

    /// A row the recipe set aside, with the values it had.
    func write(_ entry: QuarantineEntry) throws {
        let values = columns.indices.map { $0 < entry.values.count ? entry.values[$0] : nil }
        try file.write(record: [entry.source, String(entry.row), entry.reason, entry.message, entry.field] + values + [entry.geometryWKT])
    }

    /// A cleansed record the schema rejected, for its first problem.
    func write(_ record: Record, rejectedFor problem: ValidationProblem) throws {
        var values = [String?](repeating: nil, count: columns.count)
        for (index, column) in positions.enumerated() where index < record.values.count {
            values[column] = record.values[index]
        }
        try file.write(record: [nil, String(record.rowNumber), problem.type, problem.message, problem.fieldName] + values + [record.geometry?.wkt])
    }

    func commit() throws {
        try file.commit()
    }

    func discard() {
        file.discard()
    }
}
