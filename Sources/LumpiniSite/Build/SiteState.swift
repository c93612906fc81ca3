import Foundation

/// What the site remembers between builds, in `<public>/.lumpini/` (never served): the card of every
/// dataset page it made, with the key of its inputs (losing it only makes the next build a full one),
/// and, in a file of their own so that a release reads them cheaply, the settings it was built with.
struct SiteState: Codable, Sendable {
    static let fileName = "site-state.json"
    static let settingsFileName = "site-settings.json"

    var cards: [String: DatasetCard]
    /// What `_site/outlines.geojson` was made from (`DistrictOutlines.key`), nil when it holds none.
    var outlines: String?

    /// The settings a release's rebuild keeps.
    struct RememberedSettings: Codable, Sendable {
        var tileURL: String
        var tileAttribution: String
        var tileAttributionURL: String
        var baseURL: String
        /// Absent from settings remembered before outlines could be chosen.
        var outlines: String?
    }

    static func read(_ tree: ReleaseTree) -> SiteState {
        read(SiteState.self, tree.internalDirectory.appendingPathComponent(fileName)) ?? SiteState(cards: [:], outlines: nil)
    }

    static func settings(_ tree: ReleaseTree) -> RememberedSettings? {
        read(RememberedSettings.self, tree.internalDirectory.appendingPathComponent(settingsFileName))
    }

    /// Writes the state (unless `unchanged`) and the settings. Not `JSONOutput`: nobody reads these files
    /// but the site, and sorting the keys of 800 cards was a fifth of a rebuild.
    func write(_ tree: ReleaseTree, settings: RememberedSettings, unchanged: Bool) throws {
        let writer = SiteFileWriter()
        try writer.write(JSONEncoder().encode(settings), to: tree.internalDirectory.appendingPathComponent(Self.settingsFileName))
        if unchanged { return }
        try writer.write(JSONEncoder().encode(self), to: tree.internalDirectory.appendingPathComponent(Self.fileName))
    }

    private static func read<T: Decodable>(_ type: T.Type, _ url: URL) -> T? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try? JSONDecoder().decode(type, from: data)
    }
}
