import Foundation

/// `_site/outlines.geojson`: the polygons of a published dataset of districts, which a dataset page's map
/// draws under its data when the basemap's tiles cannot load (or there is no basemap), so that the data
/// keeps its place in the city. Bounded like a map preview (sampled, lines simplified); an empty
/// collection when no dataset gives outlines, so every page can ask for the file.
enum DistrictOutlines {
    /// What a dataset says in its English keywords to be chosen by default.
    static let keyword = "district boundaries"

    /// The dataset to draw: the one `named` (an error when it is not published with polygons), else the
    /// first that declares itself district boundaries; nil for none.
    /// - Throws: `site-outlines-unknown` for a named dataset that cannot give outlines.
    static func source(named: String?, cards: [DatasetCard], tree: ReleaseTree) throws -> (card: DatasetCard, file: Manifest.File)? {
        if let named {
            if named.isEmpty { return nil }
            guard let card = cards.first(where: { $0.id == named }), let file = polygons(of: card, tree: tree) else { throw unknown(named) }
            return (card, file)
        }
        let declared = cards.filter { card in card.keywords.en.contains { SearchText.fold($0) == keyword } }
        for card in declared {
            if let file = polygons(of: card, tree: tree) { return (card, file) }
        }
        return nil
    }

    /// The error for an outline dataset that is not published with polygons.
    static func unknown(_ named: String) -> LumpiniError {
        LumpiniError(
            "site-outlines-unknown", "the outline dataset \"\(named.printable)\" is not published with polygons in GeoJSON", kind: .input,
            hint: "name a published dataset of district polygons with --outlines ID, or give --outlines '' for none")
    }

    /// What the outlines are made from: equal keys, same file.
    static func key(_ source: (card: DatasetCard, file: Manifest.File)?, budget: Int) -> String? {
        source.map { "\($0.card.id)|\($0.card.version)|\($0.file.sha256)|\(budget)" }
    }

    /// Writes the outlines of `source` (none: an empty collection).
    static func write(_ source: (card: DatasetCard, file: Manifest.File)?, tree: ReleaseTree, budget: Int, writer: SiteFileWriter) throws {
        let destination = tree.root.appendingPathComponent(SiteLayout.outlines)
        guard let source else {
            return try writer.write(#"{"type":"FeatureCollection","features":[]}"# + "\n", to: destination)
        }
        let directory = tree.versionDirectory(source.card.id, version: source.card.version)
        _ = try MapPreview.write(from: directory.appendingPathComponent(source.file.path), size: source.file.size, to: destination,
                                 budget: budget, writer: writer)
    }

    /// The GeoJSON of the dataset's version when its features are polygons.
    private static func polygons(of card: DatasetCard, tree: ReleaseTree) -> Manifest.File? {
        polygons(id: card.id, version: card.version, tree: tree)
    }

    /// The GeoJSON of version `version` of dataset `id` when its features are polygons.
    static func polygons(id: String, version: Int, tree: ReleaseTree) -> Manifest.File? {
        let file = tree.versionDirectory(id, version: version).appendingPathComponent(Manifest.fileName)
        guard let data = FileManager.default.contents(atPath: file.path),
              let manifest = try? JSONDecoder().decode(Manifest.self, from: data),
              manifest.geometryType?.hasSuffix("Polygon") == true else { return nil }
        return manifest.geoJSONFile
    }
}
