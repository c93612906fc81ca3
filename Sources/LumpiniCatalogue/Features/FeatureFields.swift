import Foundation

/// The fields of a published version, from its `datapackage.json` (the Table Schema of its tabular
/// resource), as the feature index needs them: which properties it keeps for filters, and which of
/// them is the date a `datetime` query filters.
struct FeatureFields {
    struct Field {
        var name: String
        var type: String
    }

    /// Every field whose values a filter compares as text: whole numbers, strings, booleans and dates.
    /// Decimal numbers are left out (an equality on a measurement is not a query anyone makes, and their
    /// text has many spellings); so are objects, arrays and geometries.
    let filterable: [Field]

    static let filterableTypes: Set<String> = ["string", "integer", "boolean", "date", "datetime", "time", "year", "yearmonth", "duration"]

    /// The fields of the version in `directory`; none when its data package has no schema.
    init(versionDirectory directory: URL) {
        let url = directory.appendingPathComponent("datapackage.json")
        guard let data = try? Data(contentsOf: url),
            let package = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let resources = package["resources"] as? [[String: Any]],
            let fields = resources.lazy.compactMap({ ($0["schema"] as? [String: Any])?["fields"] as? [[String: Any]] }).first
        else {
            self.init(fields: [])
            return
        }
        self.init(fields: fields.compactMap { field in
            (field["name"] as? String).map { ($0, field["type"] as? String ?? "string") }
        })
    }

    /// The fields a version is being published with, names and Table Schema types in order.
    init(fields: [(name: String, type: String)]) {
        filterable = fields.filter { Self.filterableTypes.contains($0.type) }.map { Field(name: $0.name, type: $0.type) }
    }
}
