/// Guesses a schema for a table that comes without one, as the reference tool does: names from
/// the header (blank ones become `fieldN`, repeats `name2`…), and per column the first type of
/// a fixed list that reads at least 90 % of the sampled cells that are not missing.
package enum SchemaInference {
    /// The types tried, in the reference's order.
    static let candidates: [FieldType] = [
        .yearmonth, .geopoint, .duration, .geojson, .object, .array, .datetime, .time, .date,
        .integer, .number, .boolean, .year, .string,
    ]
    package static let sampleRows = 100
    static let confidence = 0.9

    package static func schema(labels: [String], sample: [CellRow]) -> TableSchema {
        let named = labels.enumerated().map { $1.isEmpty ? "field\($0 + 1)" : $1 }
        let names = HeaderCheck.deduplicated(named)
        let base = TableSchema(fields: [])
        let checkers: [FieldChecker] = candidates.compactMap { try? FieldChecker(field: SchemaField(name: "shared", type: $0), number: 1, schema: base) }
        var problems: [FieldChecker.Problem] = []
        var fields: [SchemaField] = []
        let rows = Double(sample.count)
        let threshold = rows * (confidence - 1)
        for (column, name) in names.enumerated() {
            var scores = Array(repeating: 0.0, count: checkers.count)
            var maxScore = rows
            var chosen: FieldType?
            rowLoop: for row in sample {
                let isMissing = column < row.count && row.withCell(column) { $0.isEmpty }
                if isMissing { maxScore -= 1 }
                for (index, checker) in checkers.enumerated() where scores[index] >= threshold {
                    if !isMissing {
                        if column >= row.count {
                            scores[index] += 1
                        } else {
                            let outcome = row.withCell(column) { checker.check($0, isNull: false, wantValue: false, problems: &problems) }
                            problems.removeAll()
                            if case .invalid = outcome { scores[index] -= 1 } else { scores[index] += 1 }
                        }
                    }
                    if maxScore > 0, scores[index] >= maxScore * confidence {
                        chosen = checker.field.type
                        break rowLoop
                    }
                }
            }
            fields.append(SchemaField(name: name, type: chosen ?? .any))
        }
        return TableSchema(fields: fields)
    }
}
