import Foundation
import Hummingbird

/// What a request reads, opened for each request so that a release or a rebuilt index is seen at
/// once: the catalogue index, and the settings the catalogue's exports need, with the absolute
/// base URL this request was made to.
struct RequestSources: Sendable {
    let settings: ServeSettings

    /// The catalogue index as it is now.
    func catalogue() throws -> Catalogue {
        try Catalogue.open(at: settings.catalogueFile, publicRoot: settings.publicRoot)
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

    /// The feature index of a dataset's latest version, over its published GeoJSON.
    func features(of detail: DatasetDetail) throws -> FeatureIndex? {
        guard let geoJSON = detail.manifest.geoJSONFile else { return nil }
        let data = settings.publicRoot.appendingPathComponent(detail.directory, isDirectory: true).appendingPathComponent(geoJSON.path)
        return try FeatureIndex.open(FeatureIndex.file(catalogue: settings.catalogueFile, id: detail.id, sha256: geoJSON.sha256), geoJSON: data)
    }
}
