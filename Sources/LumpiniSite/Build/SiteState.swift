import Foundation

/// What the site remembers between builds: the card of every dataset page it made, with the key of
/// its inputs. Kept in `<public>/.lumpini/`, which is never served; losing it only makes the next
/// build a full one.
struct SiteState: Codable, Sendable {
    static let fileName = "site-state.json"

    var cards: [String: DatasetCard]
    /// The settings the site was last built with, which a release's rebuild keeps.
    var settings: RememberedSettings?

    struct RememberedSettings: Codable, Sendable {
        var tileURL: String
        var tileAttribution: String
        var tileAttributionURL: String
        var baseURL: String
    }

    static func read(_ tree: ReleaseTree) -> SiteState {
        let url = tree.internalDirectory.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: url.path),
              let state = try? JSONDecoder().decode(SiteState.self, from: data) else { return SiteState(cards: [:], settings: nil) }
        return state
    }

    func write(_ tree: ReleaseTree) throws {
        try SiteFileWriter().write(JSONOutput.data(self, pretty: false), to: tree.internalDirectory.appendingPathComponent(Self.fileName))
    }
}
