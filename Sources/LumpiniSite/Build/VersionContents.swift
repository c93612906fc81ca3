import Foundation

/// What a dataset page shows from the files of the latest version besides the manifest: the data
/// dictionary (from `datapackage.json`), the first rows (from the CSV) and the changes since the
/// version before (from `changelog.json`); for a derived dataset, what it was derived from (its
/// manifest's `derivedFrom`) and, when it is an indicator by district, its ranked values.
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

    /// The first `columnsShown` fields of the schema.
    var fields: [Field]
    /// All the fields of the schema, when known (nil: `datapackage.json` too large to read for a page).
    var fieldCount: Int?
    var firstRows: FirstRows?
    var changes: Changes?
    var derivedFrom: [DerivedSource]
    /// A derived dataset whose CSV holds a `value` by district.
    var indicator: IndicatorTable?

    static let rowsShown = 10
    /// A page shows this many columns at most: a table of a million columns is for the downloads.
    static let columnsShown = 200
    /// A `datapackage.json` larger than this is linked, not read into the page.
    static let packageBytesRead = 4_000_000

    /// Whether the page of the version `manifest` describes shows an indicator's ranked districts: a
    /// derived dataset (their CSV holds every indicator's columns) published as CSV.
    static func showsIndicator(_ manifest: Manifest) -> Bool {
        !(manifest.derivedFrom ?? []).isEmpty && manifest.files.contains { $0.role == .data && $0.format.uppercased() == "CSV" }
    }

    init(directory: URL, manifest: Manifest) {
        let package = directory.appendingPathComponent("datapackage.json")
        let size = (try? FileManager.default.attributesOfItem(atPath: package.path)[.size] as? NSNumber)?.intValue ?? 0
        let all = size > Self.packageBytesRead ? nil
            : (try? JSONDecoder().decode(Package.self, from: Data(contentsOf: package)))?.resources.compactMap(\.schema).first?.fields
        fields = Array((all ?? []).prefix(Self.columnsShown))
        fieldCount = all?.count
        let csv = manifest.files.first { $0.role == .data && $0.format.uppercased() == "CSV" }
        derivedFrom = manifest.derivedFrom ?? []
        let ranked = Self.showsIndicator(manifest)
        // One read of the CSV's start: for an indicator, enough rows to rank every district too.
        let rows = csv.flatMap {
            try? FirstRows(csv: directory.appendingPathComponent($0.path), limit: ranked ? IndicatorTable.rowsRead : Self.rowsShown, columns: Self.columnsShown)
        }
        firstRows = rows.map { FirstRows(header: $0.header, rows: Array($0.rows.prefix(Self.rowsShown))) }
        indicator = ranked ? rows.flatMap(IndicatorTable.init) : nil
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
