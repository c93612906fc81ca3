import Foundation

/// What a dataset page shows from the files of the latest version besides the manifest: the data
/// dictionary (from `datapackage.json`), the first rows (from the CSV) and the changes since the
/// version before (from `changelog.json`).
struct VersionContents: Sendable {
    struct Field: Decodable, Sendable, Equatable {
        var name: String
        var type: String
        var title: String?
        var description: String?
    }

    struct Changes: Decodable, Sendable, Equatable {
        var added: Int
        var removed: Int
        var changed: Int
    }

    var fields: [Field]
    var firstRows: FirstRows?
    var changes: Changes?

    static let rowsShown = 10

    init(directory: URL, manifest: Manifest) {
        fields = (try? JSONDecoder().decode(Package.self, from: Data(contentsOf: directory.appendingPathComponent("datapackage.json"))))?
            .resources.compactMap(\.schema).first?.fields ?? []
        let csv = manifest.files.first { $0.role == .data && $0.format.uppercased() == "CSV" }
        firstRows = csv.flatMap { try? FirstRows(csv: directory.appendingPathComponent($0.path), limit: Self.rowsShown) }
        changes = (try? JSONDecoder().decode(Changelog.self, from: Data(contentsOf: directory.appendingPathComponent("changelog.json"))))?.counts
    }

    private struct Package: Decodable {
        struct Resource: Decodable { var schema: Schema? }
        struct Schema: Decodable { var fields: [Field] }
        var resources: [Resource]
    }

    private struct Changelog: Decodable {
        var counts: Changes
    }
}
