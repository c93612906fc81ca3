import Foundation
import Hummingbird

/// What requests read: the catalogue index and the feature indexes, kept open between requests while
/// they are what the public tree holds (`OpenCatalogue`, `FeatureSources`), so a release or a rebuilt
/// index is seen by the next request; and the settings the catalogue's exports need, with the absolute
/// base URL each request was made to.
struct RequestSources: Sendable {
    let settings: ServeSettings
    private let openCatalogue: OpenCatalogue
    private let featureSources = FeatureSources()

    init(settings: ServeSettings) {
        self.settings = settings
        openCatalogue = OpenCatalogue(file: settings.catalogueFile, publicRoot: settings.publicRoot)
    }

    /// The catalogue index as it is now.
    func catalogue() throws -> Catalogue {
        try openCatalogue.catalogue()
    }

    /// One dataset as the catalogue index holds it now; nil when it does not.
    func dataset(id: String) throws -> DatasetDetail? {
        try openCatalogue.dataset(id: id)
    }

    /// The datasets of `ids` the catalogue index holds now, in their order.
    func datasets(ids: [String]) throws -> [DatasetDetail] {
        try openCatalogue.datasets(ids: ids)
    }

    /// Where the client reached this server: the configured base URL, else `http://<Host>`.
    func baseURL(_ request: Request) -> String {
        if let baseURL = settings.baseURL { return baseURL }
        let host = request.head.authority ?? "\(settings.host):\(settings.port)"
        return "http://\(host)"
    }

    /// The catalogue's export settings for this request: files under its base URL, names from the vocabularies.
    func exportSettings(_ request: Request) -> CatalogueExportSettings {
        var export = CatalogueExportSettings(baseURL: baseURL(request))
        if let vocabularies = settings.vocabularies { export.use(vocabularies) }
        return export
    }

    /// The catalogue as DCAT-AP (JSON-LD or Turtle), from the catalogue's own export.
    func dcat(_ format: CatalogueExportFormat, request: Request, contentType: String) throws -> Response {
        let bytes = try catalogue().export(format, settings: exportSettings(request))
        return .json(bytes, contentType: contentType)
    }

    /// The features of a dataset's latest version: its feature index and its published GeoJSON.
    func features(of detail: DatasetDetail) throws -> FeatureSource? {
        guard let geoJSON = detail.manifest.geoJSONFile else { return nil }
        let version = "\(detail.directory)/\(geoJSON.path) \(geoJSON.sha256)"
        return FeatureSource(features: try featureSources.features(of: detail.id, version: version, content: openCatalogue.observedVersion) {
            try OpenFeatures(
                index: FeatureIndex.file(catalogue: settings.catalogueFile, id: detail.id, sha256: geoJSON.sha256),
                data: settings.publicRoot.appendingPathComponent(detail.directory, isDirectory: true).appendingPathComponent(geoJSON.path))
        })
    }
}
