import Foundation

/// Builds the public site from the public tree and its catalogue index: `index.html` at the root,
/// `<id>/index.html` and the map preview beside each published dataset's versions, and under `_site/`
/// the pages per agency, per theme, the statistics, the search index and the assets.
///
/// Rebuilds are incremental: a dataset's page is made again only when its listing row in the catalogue
/// changed (a new version, a new quality score, overdue or not, other settings); the pages that list
/// datasets are rendered from what the site remembers of each (`DatasetCard`), and every file is written
/// only when its bytes differ. The site never writes a dataset's versions, `latest` or the index.
///
/// ```swift
/// let report = try SiteBuilder(publicRoot: tree, catalogueFile: index, vocabularies: nil, settings: SiteSettings()).build()
/// ```
public struct SiteBuilder: Sendable {
    /// Changes whenever the pages' markup changes, so that an upgrade rebuilds every page.
    static let generatorVersion = "site-4"

    public let tree: ReleaseTree
    public let catalogueFile: URL
    public let settings: SiteSettings
    let names: SiteNames

    public init(publicRoot: URL, catalogueFile: URL? = nil, vocabularies: Vocabularies?, settings: SiteSettings) {
        tree = ReleaseTree(root: publicRoot)
        self.catalogueFile = catalogueFile ?? Catalogue.defaultFile(publicRoot: publicRoot)
        self.settings = settings
        names = SiteNames(vocabularies)
    }

    /// The settings the site in `publicRoot` was last built with (the defaults for a new site): what a
    /// release rebuilds it with, so a city's basemap survives its releases.
    public static func rememberedSettings(publicRoot: URL) -> SiteSettings {
        var settings = SiteSettings()
        if let remembered = SiteState.settings(ReleaseTree(root: publicRoot)) {
            settings.tileURL = remembered.tileURL
            settings.tileAttribution = remembered.tileAttribution
            settings.tileAttributionURL = remembered.tileAttributionURL
            settings.baseURL = remembered.baseURL
            settings.outlines = remembered.outlines
        }
        return settings
    }

    /// Whether a site was ever built into `publicRoot`.
    public static func exists(publicRoot: URL) -> Bool {
        FileManager.default.fileExists(atPath: ReleaseTree(root: publicRoot).internalDirectory.appendingPathComponent(SiteState.fileName).path)
    }

    /// What a build did.
    public struct Report: Codable, Sendable, Equatable {
        public var datasets: Int
        /// Datasets whose page was made again (their inputs changed, or the page was missing).
        public var datasetsRebuilt: [String]
        public var filesWritten: Int
        public var filesUnchanged: Int
        /// The home page.
        public var index: String
    }

    /// Builds or updates the site.
    /// - Throws: `LumpiniError` for a missing public tree or index, a bad tile URL, a missing Debian
    ///   JavaScript package or a file that cannot be written.
    public func build(now: Date = Date()) throws -> Report {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: tree.root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LumpiniError("public-tree-missing", "there is no public tree at \(tree.root.path)", kind: .input,
                               hint: "release datasets first (`lumpini release`), or give --public DIR")
        }
        let tileOrigin = try settings.tileOrigin()
        let catalogue = try Catalogue.open(at: catalogueFile, publicRoot: tree.root)
        let writer = SiteFileWriter()
        let nowText = ISO8601DateFormatter().string(from: now)
        let state = SiteState.read(tree)
        var cards: [DatasetCard] = []
        var changed: [(DatasetDetail, String)] = []
        let summaries = try catalogue.list(DatasetFilter(now: now))
        let titles = Dictionary(summaries.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        // A named outline dataset is checked before anything is written: a bad name changes nothing.
        if let named = settings.outlines, !named.isEmpty,
           summaries.first(where: { $0.id == named }).flatMap({ DistrictOutlines.polygons(id: $0.id, version: $0.version, tree: tree) }) == nil {
            throw DistrictOutlines.unknown(named)
        }
        for summary in summaries {
            let key = DatasetCard.key(of: summary, settings: settings)
            let page = tree.datasetDirectory(summary.id).appendingPathComponent(SiteLayout.datasetPage)
            if let known = state.cards[summary.id], known.key == key, FileManager.default.fileExists(atPath: page.path) {
                cards.append(known)
            } else if let detail = try catalogue.dataset(id: summary.id, now: now) {
                changed.append((detail, key))
            }
        }
        // The index is read on this thread; the pages (files read, previews, HTML) are made on every core.
        let details = changed.map(\.0)
        try ConcurrentWork.perform(iterations: details.count) { index in
            try writeDatasetPage(details[index], titles: titles, tileOrigin: tileOrigin, now: nowText, writer: writer)
        }
        cards += changed.map { DatasetCard(detail: $0.0, key: $0.1, names: names) }
        let rebuilt = changed.map(\.0.id)
        cards.sort { $0.id < $1.id }
        try SiteAssets.install(into: tree.root.appendingPathComponent(SiteLayout.assetsPath, isDirectory: true),
                               from: settings.javascriptDirectory, writer: writer)
        try writeSearchIndex(cards, writer: writer)
        let outlines = try DistrictOutlines.source(named: settings.outlines, cards: cards, tree: tree)
        let outlinesKey = DistrictOutlines.key(outlines, budget: settings.outlineBudget)
        if outlinesKey != state.outlines || outlinesKey == nil
            || !FileManager.default.fileExists(atPath: tree.root.appendingPathComponent(SiteLayout.outlines).path) {
            try DistrictOutlines.write(outlines, tree: tree, budget: settings.outlineBudget, writer: writer)
        }
        let listing = ListingPages(cards: cards, names: names, now: nowText,
                                   statistics: try catalogue.statistics(highValueTarget: settings.highValueTarget, now: now))
        for (path, html) in listing.pages() {
            try writer.write(html, to: tree.root.appendingPathComponent(path))
        }
        let remembered = SiteState.RememberedSettings(
            tileURL: settings.tileURL, tileAttribution: settings.tileAttribution, tileAttributionURL: settings.tileAttributionURL, baseURL: settings.baseURL,
            outlines: settings.outlines)
        try SiteState(cards: Dictionary(cards.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }), outlines: outlinesKey)
            .write(tree, settings: remembered, unchanged: changed.isEmpty && state.cards.count == cards.count && state.outlines == outlinesKey)
        return Report(datasets: cards.count, datasetsRebuilt: rebuilt, filesWritten: writer.writtenFiles.count,
                      filesUnchanged: writer.unchangedCount, index: tree.root.appendingPathComponent("index.html").path)
    }

    /// Writes the search index's shards, and removes those a larger catalogue left behind.
    private func writeSearchIndex(_ cards: [DatasetCard], writer: SiteFileWriter) throws {
        let files = try SearchIndex(entries: cards.map(\.search)).files()
        for (path, data) in files { try writer.write(data, to: tree.root.appendingPathComponent(path)) }
        let folder = tree.root.appendingPathComponent(SearchIndex.folder, isDirectory: true)
        let kept = Set(files.map { URL(fileURLWithPath: $0.0).lastPathComponent })
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where !kept.contains(name) && !name.hasPrefix(".") {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        // The single index a site built before the split held, which nothing would update any more.
        try? FileManager.default.removeItem(at: tree.root.appendingPathComponent(SearchIndex.formerSingleFile))
    }

    private func writeDatasetPage(
        _ detail: DatasetDetail, titles: [String: LocalizedText], tileOrigin: String?, now: String, writer: SiteFileWriter
    ) throws {
        let page = tree.datasetDirectory(detail.id).appendingPathComponent(SiteLayout.datasetPage)
        let directory = tree.versionDirectory(detail.id, version: detail.version)
        var preview: MapPreview?
        if let geojson = detail.manifest.geoJSONFile {
            preview = try MapPreview.write(
                from: directory.appendingPathComponent(geojson.path), size: geojson.size,
                to: tree.datasetDirectory(detail.id).appendingPathComponent(SiteLayout.previewFile), budget: settings.previewBudget, writer: writer
            )
        }
        let contents = VersionContents(directory: directory, manifest: detail.manifest)
        let html = DatasetPage(
            detail: detail, contents: contents, preview: preview, names: names, titles: titles, settings: settings, tileOrigin: tileOrigin, now: now
        ).render()
        try writer.write(html, to: page)
    }
}
