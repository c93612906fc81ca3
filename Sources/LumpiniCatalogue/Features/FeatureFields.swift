import Foundation

/// The fields of a published dataset, from its version's `datapackage.json` (the Table Schema of its
/// tabular resource): the properties an items query may filter on, and the date field that
/// `datetime` filters, if there is one.
struct CollectionSchema: Sendable {
    struct Field: Sendable {
        var name: String
        var type: String
    }

    let fields: [Field]

    var temporalField: String? { fields.first { $0.type == "date" || $0.type == "datetime" }?.name }

    func field(_ name: String) -> Field? { fields.first { $0.name == name } }

    /// The schema of the version in `directory`; no fields when its data package has none.
    init(versionDirectory directory: URL) {
        let url = directory.appendingPathComponent("datapackage.json")
        guard let data = try? Data(contentsOf: url),
            let package = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let resources = package["resources"] as? [[String: Any]],
            let fields = resources.lazy.compactMap({ ($0["schema"] as? [String: Any])?["fields"] as? [[String: Any]] }).first
        else {
            self.fields = []
            return
        }
        self.fields = fields.compactMap { field in
            (field["name"] as? String).map { Field(name: $0, type: field["type"] as? String ?? "string") }
        }
    }
}
